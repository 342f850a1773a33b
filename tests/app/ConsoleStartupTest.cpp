// The console's two-step start-up (ConsoleWiring: placeholders and the first panel before the
// window is shown, the rest after its first paint), with real widgets, the real keychain, a real
// store file and the built-in sandbox as a child: the deferred start ends with the same panels,
// linked the same way, as building them all at once, and the store and the sandbox come up.
#include "app/console/ConsoleWiring.h"
#include "core/session/Session.h"
#include "tests/support/Wait.h"
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
            const QWidget *page = window.panel(id);
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
    EXPECT_EQ(pageClasses(window), expected);
    for (const QString &id : window.panelIds())
        EXPECT_FALSE(window.panel(id)->objectName().endsWith(QStringLiteral("Placeholder")))
            << id.toStdString();
    EXPECT_EQ(window.currentPanelId(), QStringLiteral("connections"));
    EXPECT_NE(window.statusBar()->findChild<aerodesk::ui::RotationReminderStatus *>(), nullptr)
        << "the webhooks panel is linked to the status bar as installPanels() links it";
    EXPECT_TRUE(window.showPanel(QStringLiteral("settings")));
    EXPECT_EQ(window.currentPanelId(), QStringLiteral("settings"));

    // completeStartup() ran start(): the store opens and the built-in sandbox comes up.
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return wiring.session().isReady(); }, 30000))
        << "the built-in sandbox did not come up after the deferred start";
    EXPECT_EQ(wiring.session().environment().baseUrl.host(), QStringLiteral("127.0.0.1"));
    EXPECT_GT(wiring.sandboxEndpoint().pid, 0);
    EXPECT_TRUE(
        aerodesk::test::waitUntil([&] { return wiring.session().store() != nullptr; }, 15000))
        << "the store did not open";

    // Once complete, nothing runs twice.
    wiring.completeStartup();
    EXPECT_EQ(finished.size(), 1);
}
