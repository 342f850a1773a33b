// Help → "Open diagnostic log" and "Copy diagnostics" on the real main window: both actions are
// in the Help menu; Open hands the log file to the desktop (or says clearly that there is none
// yet); Copy puts versions, the environment kind and a recent log line on the clipboard, and no
// secret.
#include "core/util/CoreVersion.h"
#include "core/util/DiagnosticLog.h"
#include "core/util/LogCategories.h"
#include "tests/support/Wait.h"
#include "ui/shell/EnvironmentBanner.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using aerodesk::DiagnosticLog;
using aerodesk::ui::MainWindow;

namespace {

/// Stands in for the desktop's file opener (QDesktopServices' handler for file: URLs).
class FileOpener : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

class DiagnosticsMenuTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(dir.isValid());
        DiagnosticLog::Options o;
        o.directory = dir.filePath(QStringLiteral("logs"));
        options = o;
        window = std::make_unique<MainWindow>();
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }
    void TearDown() override
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        DiagnosticLog::uninstall();
        window.reset();
    }
    QAction *helpAction(const char *name) const
    {
        auto *help = window->menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
        if (!help)
            return nullptr;
        for (QAction *a : help->actions())
            if (a->objectName() == QLatin1String(name))
                return a;
        return nullptr;
    }

    QTemporaryDir dir;
    DiagnosticLog::Options options;
    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(DiagnosticsMenuTest, BothActionsAreInTheHelpMenu)
{
    QAction *open = helpAction("openDiagnosticLogAction");
    QAction *copy = helpAction("copyDiagnosticsAction");
    ASSERT_NE(open, nullptr);
    ASSERT_NE(copy, nullptr);
    EXPECT_EQ(open->text().remove(QLatin1Char('&')), QStringLiteral("Open diagnostic log"));
    EXPECT_EQ(copy->text().remove(QLatin1Char('&')), QStringLiteral("Copy diagnostics"));
    EXPECT_TRUE(open->isEnabled());
    EXPECT_TRUE(copy->isEnabled());
}

TEST_F(DiagnosticsMenuTest, OpenSaysClearlyWhenThereIsNoLogYet)
{
    ASSERT_TRUE(DiagnosticLog::install(options));
    ASSERT_TRUE(QFile::remove(DiagnosticLog::filePath())); // as before the first message
    FileOpener opener;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &opener, "open");
    helpAction("openDiagnosticLogAction")->trigger();
    QMessageBox *box = nullptr;
    ASSERT_TRUE(aerodesk::test::waitUntil([&] {
        box = window->findChild<QMessageBox *>(QStringLiteral("diagnosticLogMissingDialog"));
        return box && box->isVisible();
    }));
    EXPECT_TRUE(box->text().contains(QLatin1String("no diagnostic log yet")))
        << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(DiagnosticLog::filePath())) << "it says where the log will be";
    EXPECT_TRUE(opener.opened.isEmpty());
    box->close();
}

TEST_F(DiagnosticsMenuTest, OpenHandsTheLogFileToTheDesktop)
{
    ASSERT_TRUE(DiagnosticLog::install(options));
    qCInfo(aerodesk::log::ui) << "something to open";
    FileOpener opener;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &opener, "open");
    helpAction("openDiagnosticLogAction")->trigger();
    ASSERT_EQ(opener.opened.size(), 1);
    EXPECT_EQ(opener.opened.first().toLocalFile(), DiagnosticLog::filePath());
    EXPECT_EQ(window->findChild<QMessageBox *>(QStringLiteral("diagnosticLogMissingDialog")),
              nullptr);
}

TEST_F(DiagnosticsMenuTest, CopyPutsVersionsAndRecentLogButNoSecretOnTheClipboard)
{
    ASSERT_TRUE(DiagnosticLog::install(options));
    window->environmentBanner()->setEnvironment(aerodesk::api::Environment::Kind::Production,
                                                QStringLiteral("Production"),
                                                QStringLiteral("https://api.aerosync.com"));
    const QString token = QStringLiteral(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJjbGlwYm9hcmQifQ.Zm9vYmFyYmF6");
    qCInfo(aerodesk::log::jobs) << "clipboard marker 90210";
    // A slip that broke the rule: the copy still must not carry it.
    qCWarning(aerodesk::log::api).noquote() << "slipped Bearer" << token;
    QApplication::clipboard()->clear();
    helpAction("copyDiagnosticsAction")->trigger();
    QString text;
    ASSERT_TRUE(aerodesk::test::waitUntil([&] {
        text = QApplication::clipboard()->text();
        return !text.isEmpty();
    }));
    EXPECT_TRUE(text.contains(QStringLiteral("AeroDesk: ") + aerodesk::CoreVersion::application()))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Qt: ") + aerodesk::CoreVersion::qtRuntime()));
    EXPECT_TRUE(text.contains(aerodesk::CoreVersion::openSslRuntime()));
    EXPECT_TRUE(text.contains(QLatin1String("Environment: production")));
    EXPECT_FALSE(text.contains(QLatin1String("api.aerosync.com"))) << "the kind, not the URL";
    EXPECT_TRUE(text.contains(QLatin1String("aerodesk.jobs: clipboard marker 90210")));
    EXPECT_FALSE(text.contains(token));
    EXPECT_FALSE(text.contains(QLatin1String("eyJqdGkiOiJjbGlwYm9hcmQifQ")));
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QLatin1String("copied")));
}

#include "DiagnosticsMenuTest.moc"
