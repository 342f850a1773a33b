#include "ui/shell/MainWindow.h"

#include "core/session/Session.h"
#include "core/util/Clock.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/EnvironmentBanner.h"
#include "ui/shell/PanelCatalogue.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>
#include <memory>

using aerodesk::ui::MainWindow;
using aerodesk::ui::PanelCatalogue;

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Settings land in a private temporary directory, never in the user's configuration.
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_settingsDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings().clear();
    }

    /// The window with every panel of the catalogue, bound to a session with no environment yet.
    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>();
        PanelCatalogue::installInto(*window, m_session);
        return window;
    }

    static void showAndActivate(MainWindow &window) { aerodesk::test::showAndActivate(window); }

    static QString currentObjectName(MainWindow &window)
    {
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("panelStack"));
        return stack && stack->currentWidget() ? stack->currentWidget()->objectName() : QString();
    }

    QTemporaryDir m_settingsDir;
    aerodesk::SystemClock m_clock;
    aerodesk::session::Session m_session { m_clock };
};

TEST_F(MainWindowTest, HasTheSevenPanelsInOrder)
{
    auto window = makeWindow();
    const QStringList expected { QStringLiteral("connections"), QStringLiteral("jobs"),
                                 QStringLiteral("inspector"),   QStringLiteral("partnerusers"),
                                 QStringLiteral("webhooks"),    QStringLiteral("walkthroughs"),
                                 QStringLiteral("settings"),    QStringLiteral("audit") };
    EXPECT_EQ(window->panelIds(), expected);
    auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    ASSERT_NE(navigation, nullptr);
    ASSERT_EQ(navigation->count(), 8);
    for (int row = 0; row < navigation->count(); ++row)
        EXPECT_FALSE(navigation->item(row)->icon().isNull()) << "row " << row << " has no icon";
    EXPECT_EQ(window->currentPanelId(), QStringLiteral("connections"));
}

TEST_F(MainWindowTest, ClickingTheNavigationListVisitsEveryPanel)
{
    auto window = makeWindow();
    showAndActivate(*window);
    auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    ASSERT_NE(navigation, nullptr);

    // From the last to the first, so that every click changes the panel.
    for (int row = navigation->count() - 1; row >= 0; --row) {
        const QString before = currentObjectName(*window);
        const QRect rect = navigation->visualItemRect(navigation->item(row));
        ASSERT_TRUE(rect.isValid());
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
        const QString expected = window->panelIds().at(row) + QStringLiteral("Panel");
        EXPECT_EQ(currentObjectName(*window), expected);
        EXPECT_NE(currentObjectName(*window), before);
    }
}

TEST_F(MainWindowTest, CtrlDigitShortcutsVisitEveryPanel)
{
    auto window = makeWindow();
    showAndActivate(*window);
    auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    ASSERT_NE(navigation, nullptr);
    navigation->setFocus();

    for (int i : { 8, 7, 6, 5, 4, 3, 2, 1 }) {
        const QString before = currentObjectName(*window);
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : window.get();
        QTest::keyClick(target, static_cast<Qt::Key>(Qt::Key_0 + i), Qt::ControlModifier);
        const QString expected = window->panelIds().at(i - 1) + QStringLiteral("Panel");
        EXPECT_EQ(currentObjectName(*window), expected) << "Ctrl+" << i;
        EXPECT_NE(currentObjectName(*window), before) << "Ctrl+" << i;
        EXPECT_EQ(navigation->currentRow(), i - 1);
    }
}

TEST_F(MainWindowTest, NavigationListIsReachableByKeyboard)
{
    auto window = makeWindow();
    showAndActivate(*window);
    auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    ASSERT_NE(navigation, nullptr);
    EXPECT_EQ(navigation->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    navigation->setFocus();
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return navigation->hasFocus(); }, 5000));
    QTest::keyClick(navigation, Qt::Key_Down);
    EXPECT_EQ(window->currentPanelId(), QStringLiteral("jobs"));
    QTest::keyClick(navigation, Qt::Key_End);
    EXPECT_EQ(window->currentPanelId(), QStringLiteral("audit"));
}

TEST_F(MainWindowTest, EveryInteractiveWidgetHasAnAccessibleName)
{
    auto window = makeWindow();
    showAndActivate(*window);
    window->showAbout();
    auto *about = window->findChild<aerodesk::ui::AboutDialog *>(QStringLiteral("aboutDialog"));
    ASSERT_NE(about, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(about));

    // Every control of every real panel, the shell and the About dialog.
    int checked = 0;
    for (QWidget *root : { static_cast<QWidget *>(window.get()), static_cast<QWidget *>(about) })
        checked += aerodesk::test::expectAccessibleNames(root);
    EXPECT_GE(checked, 60); // the seven panels' controls, the navigation list, the About buttons
    about->close();
}

TEST_F(MainWindowTest, AboutShowsTheVersions)
{
    const QString text = aerodesk::ui::AboutDialog::versionText();
    EXPECT_TRUE(text.contains(QStringLiteral(AERODESK_VERSION)));
    EXPECT_TRUE(text.contains(QString::fromLatin1(qVersion())));
    EXPECT_TRUE(text.contains(QStringLiteral("OpenSSL")));
}

TEST_F(MainWindowTest, GeometryAndPanelSurviveARestart)
{
    // Not the default size, and above the real panels' minimum width (about 1070 px).
    const QSize size(1110, 690);
    {
        auto window = makeWindow();
        window->resize(size);
        showAndActivate(*window);
        ASSERT_TRUE(aerodesk::test::waitUntil([&] { return window->size() == size; }, 5000))
            << window->width() << "x" << window->height() << " min "
            << window->minimumSizeHint().width() << "x" << window->minimumSizeHint().height();
        ASSERT_TRUE(window->showPanel(QStringLiteral("webhooks")));
        window->close(); // closeEvent saves
    }
    {
        QSettings settings;
        EXPECT_FALSE(settings.value(QStringLiteral("MainWindow/geometry")).toByteArray().isEmpty());
        EXPECT_TRUE(QFile::exists(settings.fileName())) << settings.fileName().toStdString();
        EXPECT_TRUE(settings.fileName().startsWith(m_settingsDir.path()))
            << settings.fileName().toStdString();
    }
    auto restored = makeWindow();
    EXPECT_EQ(restored->size(), MainWindow::defaultSize());
    restored->restoreSettings();
    showAndActivate(*restored);
    EXPECT_TRUE(aerodesk::test::waitUntil([&] { return restored->size() == size; }, 5000))
        << restored->width() << "x" << restored->height();
    EXPECT_EQ(restored->currentPanelId(), QStringLiteral("webhooks"));
}

TEST_F(MainWindowTest, ACatalogueEntryBuildsNavigationShortcutAndHelp)
{
    auto window = makeWindow();
    auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    ASSERT_NE(navigation, nullptr);
    const QString help = window->helpText();
    int row = 0;
    for (const aerodesk::ui::PanelEntry &entry : PanelCatalogue::entries()) {
        // The real panel, not a stand-in, under the id's objectName.
        ASSERT_NE(window->panel(entry.id), nullptr) << entry.id.toStdString();
        EXPECT_EQ(window->panel(entry.id)->objectName(), entry.id + QStringLiteral("Panel"));
        EXPECT_EQ(navigation->item(row)->text(), entry.title());
        auto *action = window->findChild<QAction *>(entry.id + QStringLiteral("Action"));
        ASSERT_NE(action, nullptr) << entry.id.toStdString();
        EXPECT_EQ(action->shortcut(), entry.shortcut);
        EXPECT_FALSE(entry.help().isEmpty());
        EXPECT_TRUE(help.contains(entry.help().toHtmlEscaped())) << entry.id.toStdString();
        EXPECT_TRUE(help.contains(entry.shortcut.toString(QKeySequence::NativeText)));
        ++row;
    }
    EXPECT_EQ(row, 8);
}

TEST_F(MainWindowTest, APanelCanBeSwappedAndAnIdIsRegisteredOnce)
{
    auto window = makeWindow();
    auto *real = new QLabel(QStringLiteral("another jobs panel"));
    ASSERT_TRUE(window->replacePanel(QStringLiteral("jobs"), real));
    EXPECT_EQ(real->objectName(), QStringLiteral("jobsPanel"));
    ASSERT_TRUE(window->showPanel(QStringLiteral("jobs")));
    EXPECT_EQ(window->panel(QStringLiteral("jobs")), real);
    EXPECT_EQ(currentObjectName(*window), QStringLiteral("jobsPanel"));
    EXPECT_EQ(window->panelIds().size(), 8);
    EXPECT_FALSE(window->replacePanel(QStringLiteral("nope"), new QLabel(window.get())));
    EXPECT_FALSE(
        window->addPanel(*PanelCatalogue::find(QStringLiteral("jobs")), new QLabel(window.get())));
}

TEST_F(MainWindowTest, ResourcesAreLinkedIn)
{
    auto window = makeWindow();
    EXPECT_TRUE(QFile::exists(QStringLiteral(":/icons/org.aerodesk.AeroDesk.svg")));
    EXPECT_FALSE(window->windowIcon().isNull());
}

TEST_F(MainWindowTest, BannerIsAtTheTopAndSaysStarting)
{
    auto window = makeWindow();
    showAndActivate(*window);
    auto *banner = window->environmentBanner();
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("SANDBOX")));
    EXPECT_LT(banner->mapTo(window.get(), QPoint(0, 0)).y(),
              window->findChild<QStackedWidget *>(QStringLiteral("panelStack"))
                  ->mapTo(window.get(), QPoint(0, 0))
                  .y());
}

} // namespace

namespace {

/// The colour of the most opaque pixel of the navigation icon in `row` (the icon's ink).
QColor navigationInk(MainWindow &window, int row)
{
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
    const QImage image =
        navigation->item(row)->icon().pixmap(QSize(24, 24), 1.0, QIcon::Normal).toImage();
    QColor best(Qt::transparent);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > best.alpha())
                best = c;
        }
    }
    return best;
}

} // namespace

TEST_F(MainWindowTest, IconsFollowTheSystemPalette)
{
    const QPalette original = QApplication::palette();
    auto window = makeWindow();
    showAndActivate(*window);
    const QColor lightInk = navigationInk(*window, 1);
    ASSERT_GT(lightInk.alpha(), 200);

    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    QApplication::setPalette(dark);
    const bool followed = aerodesk::test::waitUntil(
        [&] { return navigationInk(*window, 1).lightness() > 200; }, 5000);
    QApplication::setPalette(original);

    EXPECT_TRUE(followed) << "ink stayed " << navigationInk(*window, 1).name().toStdString();
    EXPECT_LT(lightInk.lightness(), 150) << lightInk.name().toStdString();
}

TEST_F(MainWindowTest, F1ShowsHelpAndCtrlQQuits)
{
    auto window = makeWindow();
    showAndActivate(*window);
    auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    ASSERT_NE(navigation, nullptr);
    navigation->setFocus();

    QTest::keyClick(navigation, Qt::Key_F1);
    QWidget *help = nullptr;
    ASSERT_TRUE(aerodesk::test::waitUntil(
        [&] {
            help = window->findChild<QWidget *>(QStringLiteral("helpDialog"));
            return help && help->isVisible();
        },
        5000));
    help->close();
    ASSERT_TRUE(aerodesk::test::waitUntil(
        [&] { return QApplication::activeModalWidget() == nullptr; }, 5000));
    showAndActivate(*window);

    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window.get(),
                    Qt::Key_Q, Qt::ControlModifier);
    EXPECT_TRUE(aerodesk::test::waitUntil([&] { return !window->isVisible(); }, 5000));
}

TEST_F(MainWindowTest, ALazyPanelIsBuiltOnceWhenFirstShownOrAskedFor)
{
    MainWindow window;
    QStringList built;
    for (const aerodesk::ui::PanelEntry &entry : PanelCatalogue::entries()) {
        ASSERT_TRUE(window.addLazyPanel(entry, [&built, id = entry.id] {
            built << id;
            return new QLabel(id);
        }));
    }
    EXPECT_FALSE(window.addLazyPanel(*PanelCatalogue::find(QStringLiteral("jobs")), [] {
        return new QLabel;
    })) << "an id is registered once";
    QSignalSpy created(&window, &MainWindow::panelCreated);
    EXPECT_TRUE(built.isEmpty()) << "nothing is built by registering";
    EXPECT_EQ(window.panelIds(), PanelCatalogue::ids()) << "every row, shortcut and help is there";
    EXPECT_EQ(window.page(QStringLiteral("settings"))->objectName(),
              QStringLiteral("settingsPlaceholder"));
    EXPECT_FALSE(window.isPanelCreated(QStringLiteral("settings")));

    // Shown by its shortcut (the navigation row changes): built then, once.
    showAndActivate(window);
    QTest::keySequence(&window, PanelCatalogue::find(QStringLiteral("settings"))->shortcut);
    ASSERT_EQ(window.currentPanelId(), QStringLiteral("settings"));
    EXPECT_TRUE(built.contains(QStringLiteral("settings")));
    EXPECT_TRUE(window.isPanelCreated(QStringLiteral("settings")));
    EXPECT_EQ(currentObjectName(window), QStringLiteral("settingsPanel"));
    ASSERT_EQ(created.size(), 1);
    EXPECT_EQ(created.first().at(0).toString(), QStringLiteral("settings"));
    EXPECT_EQ(created.first().at(1).value<QWidget *>(), window.page(QStringLiteral("settings")));

    // Asked for by the wiring (panel()): built without being shown; page() never builds.
    EXPECT_EQ(window.page(QStringLiteral("audit"))->objectName(),
              QStringLiteral("auditPlaceholder"));
    QWidget *audit = window.panel(QStringLiteral("audit"));
    ASSERT_NE(audit, nullptr);
    EXPECT_EQ(audit->objectName(), QStringLiteral("auditPanel"));
    EXPECT_EQ(window.currentPanelId(), QStringLiteral("settings"));

    // Visiting again builds nothing more.
    ASSERT_TRUE(window.showPanel(QStringLiteral("connections")));
    ASSERT_TRUE(window.showPanel(QStringLiteral("settings")));
    EXPECT_EQ(window.panel(QStringLiteral("audit")), audit);
    EXPECT_EQ(built.count(QStringLiteral("settings")), 1);
    EXPECT_EQ(created.size(), 3) << "settings, audit, connections: one signal each";
    EXPECT_FALSE(window.isPanelCreated(QStringLiteral("jobs")));
}
