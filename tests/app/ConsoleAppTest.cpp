// The `aerodesk` executable from outside: --version and --help on a box with no display, and
// the developer --screenshot option.
#include "core/util/CoreVersion.h"
#include "tests/support/TestPaths.h"

#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct RunResult
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

/// Runs bin/aerodesk with `arguments`. `headless`: no DISPLAY, no WAYLAND_DISPLAY and no
/// QT_QPA_PLATFORM at all, as on a server. Otherwise Qt's offscreen platform.
RunResult runConsole(const QStringList &arguments, bool headless,
                     const QList<QPair<QString, QString>> &overrides = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : overrides)
        env.insert(name, value);
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (!headless)
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(aerodesk::test::executable(QStringLiteral("aerodesk")), arguments);
    RunResult result;
    if (!process.waitForStarted(10000))
        return result;
    result.finished =
        process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    if (!result.finished)
        process.kill(), process.waitForFinished(5000);
    result.exitCode = process.exitCode();
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

} // namespace

TEST(ConsoleApp, VersionWorksWithNoDisplay)
{
    const RunResult r = runConsole({ QStringLiteral("--version") }, true);
    ASSERT_TRUE(r.finished) << r.err.toStdString();
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("aerodesk " AERODESK_VERSION "\n")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Qt ") + aerodesk::CoreVersion::qtRuntime()))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(aerodesk::CoreVersion::openSslRuntime())) << r.out.toStdString();
}

TEST(ConsoleApp, HelpWorksWithNoDisplay)
{
    const RunResult r = runConsole({ QStringLiteral("--help") }, true);
    ASSERT_TRUE(r.finished) << r.err.toStdString();
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Usage: aerodesk"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("--version")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("--help")));
    EXPECT_FALSE(r.out.contains(QStringLiteral("--screenshot"))) << "developer options stay hidden";
    EXPECT_TRUE(r.out.contains(QStringLiteral("--pseudo-locale")));
}

TEST(ConsoleApp, UnknownOptionIsAClearError)
{
    const RunResult r = runConsole({ QStringLiteral("--no-such-option") }, true);
    ASSERT_TRUE(r.finished);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no-such-option"))) << r.err.toStdString();
}

TEST(ConsoleApp, ScreenshotWritesALoadablePng)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("jobs.png"));
    const RunResult r = runConsole(
        { QStringLiteral("--screenshot"), file, QStringLiteral("--panel"), QStringLiteral("jobs") },
        false);
    ASSERT_TRUE(r.finished) << r.err.toStdString();
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QImage image;
    ASSERT_TRUE(image.load(file, "PNG")) << file.toStdString();
    EXPECT_GE(image.width(), 800);
    EXPECT_GE(image.height(), 500);
    EXPECT_LE(image.width(), 4000);
    EXPECT_LE(image.height(), 3000);
    // Not a blank image: the banner and the panel differ in colour.
    EXPECT_NE(image.pixelColor(image.width() / 2, 35),
              image.pixelColor(image.width() / 2, image.height() / 2));
}

TEST(ConsoleApp, LoadsTheCatalogueOfTheSystemLocaleOrThePseudoLocale)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("jobs.png"));
    const QStringList shot { QStringLiteral("--screenshot"), file, QStringLiteral("--panel"),
                             QStringLiteral("jobs") };
    const QList<QPair<QString, QString>> english {
        { QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8") },
        { QStringLiteral("LANGUAGE"), QString() },
        { QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("aerodesk.ui.info=true") },
        { QStringLiteral("AERODESK_PSEUDO_LOCALE"), QString() }
    };

    // The system locale's catalogue, built from translations/ and embedded in the console.
    RunResult r = runConsole(shot, false, english);
    ASSERT_TRUE(r.finished) << r.err.toStdString();
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral(":/i18n/aerodesk_en.qm"))) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains(QStringLiteral("pseudo-locale"))) << r.err.toStdString();

    // The pseudo-locale, by option and by environment variable.
    r = runConsole(QStringList { QStringLiteral("--pseudo-locale") } + shot, false, english);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("pseudo-locale"))) << r.err.toStdString();
    auto pseudoByVariable = english;
    pseudoByVariable.last().second = QStringLiteral("1");
    r = runConsole(shot, false, pseudoByVariable);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("pseudo-locale"))) << r.err.toStdString();
}

TEST(ConsoleApp, ScreenshotOfAnUnknownPanelFails)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("x.png"));
    const RunResult r = runConsole(
        { QStringLiteral("--screenshot"), file, QStringLiteral("--panel"), QStringLiteral("nope") },
        false);
    ASSERT_TRUE(r.finished);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("nope"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(file));
}

TEST(ConsoleApp, SelfTestPassesEveryStepWithNoDisplay)
{
    const RunResult r = runConsole({ QStringLiteral("--self-test") }, /*headless=*/true);
    ASSERT_TRUE(r.finished);
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    for (const char *step : { "Qt and OpenSSL", "Process hardening", "Keychain backend",
                              "Bundled sandbox", "API token", "Link on Aerosync Bank (OAuth)",
                              "Balance job", "Embedded-banking payload and retUrl" })
        EXPECT_TRUE(r.out.contains(QStringLiteral("[PASS] ") + QLatin1String(step)))
            << step << "\n"
            << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QLatin1String("retUrl answered 204")));
    EXPECT_TRUE(r.out.contains(QLatin1String("PASS: 8 of 8 steps passed")));
    EXPECT_FALSE(r.out.contains(QLatin1String("[FAIL]")));
}

TEST(ConsoleApp, SelfTestWithoutAKeychainSaysWhatToFix)
{
    // A session bus that is not there: no Secret Service. The keychain step fails with a
    // remedy, the rest are skipped, and the exit code is 1.
    const RunResult r =
        runConsole({ QStringLiteral("--self-test") }, /*headless=*/true,
                   { { QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=/nonexistent/aerodesk-no-bus") } });
    ASSERT_TRUE(r.finished);
    EXPECT_EQ(r.exitCode, 1) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QLatin1String("[FAIL] Keychain backend"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QLatin1String("fix: ")));
    EXPECT_TRUE(r.out.contains(QLatin1String("[SKIP] Balance job")));
    EXPECT_FALSE(r.out.contains(QLatin1String("[PASS] API token")));
}
