// The console's two-step start-up (ConsoleWiring: placeholders and the first panel before the
// window is shown, the shell's links, the store and the sandbox after its first paint; every other
// panel when first shown or needed), with real widgets, the real keychain, a real store file and
// the built-in sandbox as a child: each panel, once built, is the one building them all at once
// gives, linked the same way; the store and the sandbox come up.
#include "app/console/ConsoleWiring.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "tests/support/Wait.h"
#include "ui/jobs/JobsModel.h"
#include "ui/jobs/JobsPanel.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PanelCatalogue.h"
#include "ui/webhooks/RotationReminderStatus.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>
#include <memory>

namespace {

class ConsoleStartupTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLoggingCategory::setFilterRules(QStringLiteral("aerodesk.*.info=false"));
        ASSERT_TRUE(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toLocal8Bit());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_home.filePath(QStringLiteral("config")));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_home.filePath(QStringLiteral("config")));
    }

    /// id → class name of the page the window holds for it.
    static QMap<QString, QString> pageClasses(const aerodesk::ui::MainWindow &window)
    {
        QMap<QString, QString> classes;
        for (const QString &id : window.panelIds()) {
            const QWidget *page = window.page(id); // never builds a lazy panel
            classes.insert(id,
                           page ? QString::fromLatin1(page->metaObject()->className())
                                : QStringLiteral("(none)"));
        }
        return classes;
    }

    QTemporaryDir m_home;
};

} // namespace

TEST_F(ConsoleStartupTest, DeferredStartEndsWithEveryPanelLinkedAndTheSandboxUp)
{
    // What installPanels() builds at once: the reference.
    QMap<QString, QString> expected;
    {
        aerodesk::ui::MainWindow window;
        aerodesk::ConsoleWiring wiring(window);
        wiring.installPanels();
        expected = pageClasses(window);
    }
    ASSERT_EQ(expected.size(), int(aerodesk::ui::PanelCatalogue::entries().size()));

    aerodesk::ui::MainWindow window;
    aerodesk::ConsoleWiring wiring(window);
    wiring.installPanelPlaceholders();
    EXPECT_EQ(window.panelIds(), aerodesk::ui::PanelCatalogue::ids())
        << "every navigation row exists before the window is shown";
    wiring.createPanel(window.currentPanelId());
    ASSERT_EQ(window.currentPanelId(), QStringLiteral("connections"));
    const QMap<QString, QString> before = pageClasses(window);
    EXPECT_EQ(before.value(QStringLiteral("connections")), expected.value("connections"));
    EXPECT_EQ(before.value(QStringLiteral("webhooks")), QStringLiteral("QWidget"))
        << "the other panels wait for the first paint";
    EXPECT_EQ(window.statusBar()->findChild<aerodesk::ui::RotationReminderStatus *>(), nullptr);
    EXPECT_FALSE(wiring.isStartupComplete());

    QSignalSpy finished(&wiring, &aerodesk::ConsoleWiring::startupFinished);
    window.resize(aerodesk::ui::MainWindow::defaultSize());
    window.show();
    wiring.completeStartupAfterFirstPaint(/*fallbackMs=*/60000); // only the paint may trigger it
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return !finished.isEmpty(); }, 10000))
        << "the first paint did not complete the start-up";
    EXPECT_TRUE(wiring.isStartupComplete());
    const QMap<QString, QString> after = pageClasses(window);
    for (const QString &id : window.panelIds()) {
        if (id == QLatin1String("connections"))
            EXPECT_EQ(after.value(id), expected.value(id));
        else
            EXPECT_EQ(after.value(id), QStringLiteral("QWidget"))
                << id.toStdString() << ": built only when first shown or needed";
    }
    EXPECT_EQ(window.currentPanelId(), QStringLiteral("connections"));
    EXPECT_NE(window.statusBar()->findChild<aerodesk::ui::RotationReminderStatus *>(), nullptr)
        << "the rotation reminder is in the status bar without the Webhooks panel";

    // completeStartup() ran start(): the store opens and the built-in sandbox comes up.
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return wiring.session().isReady(); }, 30000))
        << "the built-in sandbox did not come up after the deferred start";
    EXPECT_EQ(wiring.session().environment().baseUrl.host(), QStringLiteral("127.0.0.1"));
    EXPECT_GT(wiring.sandboxEndpoint().pid, 0);
    EXPECT_TRUE(
        aerodesk::test::waitUntil([&] { return wiring.session().store() != nullptr; }, 15000))
        << "the store did not open";

    // A job started anywhere builds the Jobs panel at once, which shows it (its MFA prompt
    // would open from there: JobsPanelLate.*), though the panel was never shown.
    ASSERT_FALSE(window.isPanelCreated(QStringLiteral("jobs")));
    aerodesk::jobs::JobRunner *runner = wiring.session().jobs();
    ASSERT_NE(runner, nullptr);
    const quint64 key =
        runner->start(aerodesk::api::JobType::Identity, QStringLiteral("conn-startup-test-1"));
    ASSERT_TRUE(window.isPanelCreated(QStringLiteral("jobs")));
    auto *jobsPanel = qobject_cast<aerodesk::ui::JobsPanel *>(window.page(QStringLiteral("jobs")));
    ASSERT_NE(jobsPanel, nullptr);
    EXPECT_GE(jobsPanel->model()->rowForKey(key), 0) << "the job that built it is in it";
    EXPECT_EQ(window.currentPanelId(), QStringLiteral("connections")) << "nothing was switched";
    runner->cancel(key);

    // Shown → built, of the same class as installPanels() builds.
    EXPECT_TRUE(window.showPanel(QStringLiteral("settings")));
    EXPECT_EQ(window.currentPanelId(), QStringLiteral("settings"));
    EXPECT_EQ(pageClasses(window).value(QStringLiteral("settings")), expected.value("settings"));
    EXPECT_TRUE(window.isPanelCreated(QStringLiteral("settings")));
    for (const QString &id : window.panelIds())
        window.panel(id);
    EXPECT_EQ(pageClasses(window), expected) << "every panel, once asked for, is the real one";
    for (const QString &id : window.panelIds())
        EXPECT_FALSE(window.page(id)->objectName().endsWith(QStringLiteral("Placeholder")))
            << id.toStdString();

    // Once complete, nothing runs twice.
    wiring.completeStartup();
    EXPECT_EQ(finished.size(), 1);
}
