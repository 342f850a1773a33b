// The diagnostic log on real files: every message lands in the file with time, level and
// category and still reaches the previous handler; the file rotates at its cap keeping N files;
// threads do not tear lines; the diagnostics text has versions and the recent log, not secrets.
#include "core/util/DiagnosticLog.h"

#include "core/util/CoreVersion.h"
#include "core/util/DiagnosticsReport.h"
#include "core/util/LogCategories.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <gtest/gtest.h>
#include <vector>

using aerodesk::DiagnosticLog;
using aerodesk::DiagnosticsReport;

namespace {

std::atomic<int> g_forwarded { 0 };
QtMessageHandler g_outer = nullptr;

void countingHandler(QtMsgType, const QMessageLogContext &, const QString &)
{
    ++g_forwarded;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class DiagnosticLogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        g_forwarded = 0;
        g_outer = qInstallMessageHandler(countingHandler); // the "previous" handler
        QLoggingCategory::setFilterRules(QStringLiteral("aerodesk.*.debug=true"));
    }
    void TearDown() override
    {
        DiagnosticLog::uninstall();
        qInstallMessageHandler(g_outer);
        QLoggingCategory::setFilterRules(QString());
    }
    DiagnosticLog::Options options(qint64 maxBytes = 1024 * 1024, int keep = 3,
                                   bool redact = true) const
    {
        DiagnosticLog::Options o;
        o.directory = dir.filePath(QStringLiteral("logs"));
        o.maxBytes = maxBytes;
        o.keepFiles = keep;
        o.redact = redact;
        return o;
    }
    QTemporaryDir dir;
};

} // namespace

TEST_F(DiagnosticLogTest, WritesTimeLevelCategoryAndStillForwards)
{
    ASSERT_TRUE(DiagnosticLog::install(options()));
    EXPECT_TRUE(DiagnosticLog::isInstalled());
    EXPECT_EQ(DiagnosticLog::filePath(), dir.filePath(QStringLiteral("logs/aerodesk.log")));
    qCWarning(aerodesk::log::api) << "first line";
    qCDebug(aerodesk::log::store) << "second line";
    EXPECT_EQ(g_forwarded, 2) << "every message still reaches the previous handler";

    const QStringList lines = QString::fromUtf8(readAll(DiagnosticLog::filePath()))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2);
    static const QRegularExpression shape(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z "
                       "(debug|info|warning|critical) aerodesk\\.\\w+: .+$"));
    for (const QString &l : lines)
        EXPECT_TRUE(shape.match(l).hasMatch()) << l.toStdString();
    EXPECT_TRUE(lines[0].contains(QLatin1String(" warning aerodesk.api: first line")))
        << lines[0].toStdString();
    EXPECT_TRUE(lines[1].contains(QLatin1String(" debug aerodesk.store: second line")))
        << lines[1].toStdString();
    EXPECT_EQ(QFile(DiagnosticLog::filePath()).permissions() &
                  (QFileDevice::ReadOther | QFileDevice::ReadGroup),
              QFileDevice::Permissions())
        << "the log is readable by its owner only";

    const QStringList tail = DiagnosticLog::tail(1);
    ASSERT_EQ(tail.size(), 1);
    EXPECT_TRUE(tail[0].endsWith(QLatin1String("second line")));

    DiagnosticLog::uninstall();
    qCWarning(aerodesk::log::api) << "after uninstall";
    EXPECT_FALSE(
        readAll(dir.filePath(QStringLiteral("logs/aerodesk.log"))).contains("after uninstall"));
    EXPECT_EQ(g_forwarded, 3) << "the previous handler is back";
}

TEST_F(DiagnosticLogTest, RotatesAtTheCapKeepingThreeFiles)
{
    ASSERT_TRUE(DiagnosticLog::install(options(4096, 3)));
    const QString filler(100, QLatin1Char('x'));
    for (int i = 0; i < 400; ++i) // ~50 KB through a 4 KB cap
        qCInfo(aerodesk::log::jobs).noquote() << "line" << i << filler;
    const QDir logs(dir.filePath(QStringLiteral("logs")));
    const QStringList files = logs.entryList(QDir::Files, QDir::Name);
    EXPECT_EQ(files,
              (QStringList { QStringLiteral("aerodesk.log"), QStringLiteral("aerodesk.log.1"),
                             QStringLiteral("aerodesk.log.2") }));
    for (const QString &f : files)
        EXPECT_LE(QFileInfo(logs.filePath(f)).size(), 4096) << f.toStdString();
    EXPECT_TRUE(readAll(logs.filePath(QStringLiteral("aerodesk.log"))).contains("line 399 "));
    EXPECT_FALSE(readAll(logs.filePath(QStringLiteral("aerodesk.log.2"))).contains("line 0 "))
        << "the oldest file was dropped";
    // The tail reaches into the rotated file when the current one is short.
    const QStringList tail = DiagnosticLog::tail(60);
    EXPECT_EQ(tail.size(), 60);
    EXPECT_TRUE(tail.last().contains(QLatin1String("line 399 ")));
}

TEST_F(DiagnosticLogTest, ThreadsDoNotTearLines)
{
    ASSERT_TRUE(DiagnosticLog::install(options()));
    std::vector<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.push_back(QThread::create([t] {
            for (int i = 0; i < 250; ++i)
                qCInfo(aerodesk::log::store).noquote()
                    << QStringLiteral("thread %1 message %2 end").arg(t).arg(i);
        }));
        threads.back()->start();
    }
    for (QThread *t : threads) {
        ASSERT_TRUE(t->wait(20000));
        delete t;
    }
    const QStringList lines = QString::fromUtf8(readAll(DiagnosticLog::filePath()))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 1000);
    for (const QString &l : lines)
        ASSERT_TRUE(l.endsWith(QLatin1String(" end")) && l.count(QLatin1String("thread ")) == 1)
            << l.toStdString();
    EXPECT_EQ(g_forwarded, 1000);
}

TEST_F(DiagnosticLogTest, RedactsObviousSecretShapesInTheFileOnly)
{
    ASSERT_TRUE(DiagnosticLog::install(options()));
    const QString jwt =
        QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiIxMjM0NTY3OCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ");
    const QString hex = QStringLiteral("3f0c8a2e5a7b4c1d9e2f0a1b2c3d4e5f");
    const QString uuid = QStringLiteral("123e4567-e89b-42d3-a456-426614174000");
    qCWarning(aerodesk::log::api).noquote()
        << "Authorization: Bearer" << jwt << "apiSecret=\"s3cr3t-value\"" << hex << uuid
        << "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY----- kept";
    const QByteArray file = readAll(DiagnosticLog::filePath());
    for (const QString &secret :
         { jwt, hex, uuid, QStringLiteral("s3cr3t-value"), QStringLiteral("MIIEvQIBADANBg") })
        EXPECT_FALSE(file.contains(secret.toUtf8()))
            << secret.toStdString() << " in " << file.toStdString();
    EXPECT_TRUE(file.contains("[redacted")) << file.toStdString();
    EXPECT_TRUE(file.contains("kept"));
    EXPECT_TRUE(file.contains("aerodesk.api: Authorization: Bearer [redacted]"));

    // Without redaction (how the secret-scan test proves the rule itself), the line is as logged.
    DiagnosticLog::uninstall();
    ASSERT_TRUE(DiagnosticLog::install(options(1024 * 1024, 3, false)));
    qCWarning(aerodesk::log::api).noquote() << "raw" << hex;
    EXPECT_TRUE(readAll(DiagnosticLog::filePath()).contains(hex.toUtf8()));
}

TEST_F(DiagnosticLogTest, DiagnosticsTextHasVersionsKindAndRecentLogButNoSecret)
{
    ASSERT_TRUE(DiagnosticLog::install(options()));
    qCInfo(aerodesk::log::session) << "recent marker 4711";
    qCWarning(aerodesk::log::api).noquote()
        << "leaky token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    const QString text = DiagnosticsReport::text(aerodesk::api::Environment::Kind::CustomSandbox);
    EXPECT_TRUE(text.contains(QStringLiteral("AeroDesk: ") + aerodesk::CoreVersion::application()))
        << text.toStdString();
    EXPECT_TRUE(text.contains(aerodesk::CoreVersion::qtRuntime()));
    EXPECT_TRUE(text.contains(aerodesk::CoreVersion::openSslRuntime()));
    EXPECT_TRUE(text.contains(QLatin1String("Environment: custom sandbox")));
    EXPECT_TRUE(text.contains(QLatin1String("aerodesk.session: recent marker 4711")));
    EXPECT_FALSE(text.contains(QLatin1String("eyJzdWIiOiJ4In0")));
    EXPECT_TRUE(DiagnosticsReport::text(std::nullopt)
                    .contains(QLatin1String("Environment: not set up yet")));
}
