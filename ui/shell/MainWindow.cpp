#include "ui/shell/MainWindow.h"

#include "ui/common/Icons.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/DiagnosticsMenu.h"
#include "ui/shell/EnvironmentBanner.h"

#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <utility>

namespace aerodesk::ui {

namespace {
const auto kGeometryKey = QStringLiteral("MainWindow/geometry");
const auto kStateKey = QStringLiteral("MainWindow/state");
const auto kPanelKey = QStringLiteral("MainWindow/panel");
constexpr int kIdRole = Qt::UserRole + 1;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    Icons::initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("AeroDesk"));
    setWindowIcon(Icons::appIcon());

    m_banner = new EnvironmentBanner(this);

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setAccessibleName(tr("Panels"));
    m_navigation->setFocusPolicy(Qt::StrongFocus);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setFixedWidth(220);
    m_navigation->setUniformItemSizes(true);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("panelStack"));
    m_stack->setAccessibleName(tr("Current panel"));

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(m_navigation);
    body->addWidget(m_stack, 1);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= static_cast<int>(m_panels.size()))
            return;
        materialise(row);
        m_stack->setCurrentIndex(row);
        m_panels[static_cast<std::size_t>(row)].action->setChecked(true);
        statusBar()->showMessage(m_panels[static_cast<std::size_t>(row)].entry.title());
    });

    createMenus();
    applyStyle();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->showMessage(tr("Ready"));
    resize(defaultSize());
    m_navigation->setFocus();
}

MainWindow::~MainWindow() = default;

QSize MainWindow::defaultSize()
{
    return { 1200, 760 };
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);
    // QKeySequence::Quit is empty on some platforms; Ctrl+Q is the documented shortcut everywhere.
    if (quit->shortcut().isEmpty())
        quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    QAction *help = helpMenu->addAction(tr("AeroDesk &Help"));
    help->setObjectName(QStringLiteral("helpAction"));
    help->setShortcut(QKeySequence(Qt::Key_F1));
    connect(help, &QAction::triggered, this, &MainWindow::showHelp);
    helpMenu->addSeparator();
    new DiagnosticsMenu(helpMenu, this, [this] { return std::optional(m_banner->kind()); });
    helpMenu->addSeparator();
    QAction *about = helpMenu->addAction(tr("&About AeroDesk"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    // The menu bar's own overflow button (shown when the window is too narrow) has no name.
    if (auto *more =
            menuBar()->findChild<QAbstractButton *>(QStringLiteral("qt_menubar_ext_button")))
        more->setAccessibleName(tr("More menus"));
}

bool MainWindow::addPanel(const PanelEntry &entry, QWidget *panel)
{
    const QString &id = entry.id;
    if (!panel || id.isEmpty() || indexOf(id) >= 0)
        return false;
    const QString title = entry.title();
    if (panel->objectName().isEmpty())
        panel->setObjectName(id + QStringLiteral("Panel"));
    if (panel->accessibleName().isEmpty())
        panel->setAccessibleName(title);

    auto *item = new QListWidgetItem(title);
    item->setData(kIdRole, id);
    const QString keys = entry.shortcut.toString(QKeySequence::NativeText);
    item->setToolTip(keys.isEmpty() ? entry.help()
                                    : tr("%1 (%2)\n%3").arg(title, keys, entry.help()));
    m_navigation->addItem(item);
    m_stack->addWidget(panel);
    // As wide as the longest title needs (a longer language): the icon, the gap, the item's
    // padding and margin from applyStyle() and the text margins; 220 px at least.
    const int titleWidth = m_navigation->fontMetrics().horizontalAdvance(title) +
        m_navigation->iconSize().width() + 2 * 12 + 2 * 8 + 16;
    if (titleWidth > m_navigation->width())
        m_navigation->setFixedWidth(titleWidth);

    auto *action = m_viewMenu->addAction(title);
    action->setObjectName(id + QStringLiteral("Action"));
    action->setCheckable(true);
    action->setShortcut(entry.shortcut);
    action->setStatusTip(entry.help());
    auto *group = m_viewMenu->findChild<QActionGroup *>(QStringLiteral("panelActionGroup"));
    if (!group) {
        group = new QActionGroup(m_viewMenu);
        group->setObjectName(QStringLiteral("panelActionGroup"));
    }
    group->addAction(action);
    connect(action, &QAction::triggered, this, [this, id] { showPanel(id); });

    m_panels.push_back({ entry, panel, action, {} });
    m_navigation->setAccessibleDescription(
        tr("Choose the panel to show; each panel's shortcut (F1 lists them) also switches to it."));
    refreshIcons();
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
    return true;
}

bool MainWindow::addLazyPanel(const PanelEntry &entry, PanelFactory create)
{
    if (!create || entry.id.isEmpty() || indexOf(entry.id) >= 0)
        return false;
    auto *placeholder = new QWidget;
    placeholder->setObjectName(entry.id + QStringLiteral("Placeholder"));
    // The first panel added becomes the current row inside addPanel() while it has no factory
    // yet: it stays a placeholder until panel() or a change of row asks for it (the start-up
    // creates the panel it shows first itself, once the saved current panel is known).
    if (!addPanel(entry, placeholder)) {
        delete placeholder;
        return false;
    }
    m_panels[static_cast<std::size_t>(indexOf(entry.id))].create = std::move(create);
    return true;
}

void MainWindow::materialise(int index)
{
    Registered &registered = m_panels[static_cast<std::size_t>(index)];
    if (!registered.create)
        return;
    const PanelFactory create = std::exchange(registered.create, {});
    QWidget *panel = create();
    if (!panel)
        return;
    const QString id = registered.entry.id;
    replacePanel(id, panel);
    Q_EMIT panelCreated(id, panel);
}

bool MainWindow::replacePanel(const QString &id, QWidget *panel)
{
    const int index = indexOf(id);
    if (index < 0 || !panel)
        return false;
    Registered &entry = m_panels[static_cast<std::size_t>(index)];
    if (panel->objectName().isEmpty())
        panel->setObjectName(id + QStringLiteral("Panel"));
    if (panel->accessibleName().isEmpty())
        panel->setAccessibleName(entry.entry.title());
    const bool wasCurrent = m_stack->currentIndex() == index;
    QWidget *old = entry.widget;
    m_stack->insertWidget(index, panel);
    m_stack->removeWidget(old);
    old->deleteLater();
    entry.widget = panel;
    if (wasCurrent)
        m_stack->setCurrentIndex(index);
    return true;
}

bool MainWindow::showPanel(const QString &id)
{
    const int index = indexOf(id);
    if (index < 0)
        return false;
    m_navigation->setCurrentRow(index);
    return true;
}

QString MainWindow::currentPanelId() const
{
    const int index = m_stack->currentIndex();
    return index >= 0 && index < static_cast<int>(m_panels.size())
        ? m_panels[static_cast<std::size_t>(index)].entry.id
        : QString();
}

QStringList MainWindow::panelIds() const
{
    QStringList ids;
    for (const Registered &registered : m_panels)
        ids << registered.entry.id;
    return ids;
}

QWidget *MainWindow::panel(const QString &id)
{
    const int index = indexOf(id);
    if (index < 0)
        return nullptr;
    materialise(index);
    return m_panels[static_cast<std::size_t>(index)].widget;
}

QWidget *MainWindow::page(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : m_panels[static_cast<std::size_t>(index)].widget;
}

bool MainWindow::isPanelCreated(const QString &id) const
{
    const int index = indexOf(id);
    return index >= 0 && !m_panels[static_cast<std::size_t>(index)].create;
}

int MainWindow::indexOf(const QString &id) const
{
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        if (m_panels[i].entry.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

void MainWindow::refreshIcons()
{
    // Icons are drawn with the palette's text colour so they stay visible on dark palettes.
    if (m_refreshingIcons)
        return;
    m_refreshingIcons = true;
    const QColor ink = palette().color(QPalette::WindowText);
    const QColor selectedInk = palette().color(QPalette::HighlightedText);
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        const QIcon icon = Icons::themed(m_panels[i].entry.iconName, ink, selectedInk);
        m_navigation->item(static_cast<int>(i))->setIcon(icon);
        m_panels[i].action->setIcon(icon);
    }
    m_refreshingIcons = false;
}

void MainWindow::applyStyle()
{
    // palette(...) in a style sheet is resolved when it is set: set it again when the system
    // palette changes (light/dark switch). Re-polishing sends PaletteChange itself, hence the
    // guard.
    if (m_styling)
        return;
    m_styling = true;
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget#navigationList { background: palette(alternate-base); padding-top: 8px;"
        " border-right: 1px solid palette(mid); }"
        "QListWidget#navigationList::item { padding: 9px 12px; border-radius: 6px; margin: 1px "
        "8px; }"
        "QListWidget#navigationList::item:selected { background: palette(highlight);"
        " color: palette(highlighted-text); }"));
    m_styling = false;
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPanelKey, currentPanelId());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(defaultSize());
    restoreState(settings.value(kStateKey).toByteArray());
    const QString panelId = settings.value(kPanelKey).toString();
    if (!panelId.isEmpty())
        showPanel(panelId);
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QString MainWindow::helpText() const
{
    QString rows;
    for (const Registered &registered : m_panels) {
        const PanelEntry &entry = registered.entry;
        rows += QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td>"
                               "<td style=\"padding-right:12px\">%2</td><td>%3</td></tr>")
                    .arg(entry.shortcut.toString(QKeySequence::NativeText).toHtmlEscaped(),
                         entry.title().toHtmlEscaped(), entry.help().toHtmlEscaped());
    }
    return tr("<p><b>Panels</b></p><table>%1</table>"
              "<p><b>Keyboard</b></p>"
              "<p>Tab / Shift+Tab: move between the panel list and the panel<br>"
              "Up / Down in the panel list: change panel<br>"
              "F1: this help &nbsp; Ctrl+Q: quit</p>"
              "<p>The coloured banner at the top always names the environment you are "
              "working on: teal SANDBOX, blue CUSTOM SANDBOX, red PRODUCTION.</p>")
        .arg(rows);
}

void MainWindow::showHelp()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("AeroDesk Help"), helpText(),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("helpDialog"));
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Close)->setObjectName(QStringLiteral("helpCloseButton"));
    box->button(QMessageBox::Close)->setAccessibleName(tr("Close help"));
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::ApplicationPaletteChange) {
        applyStyle();
        refreshIcons();
    }
}

} // namespace aerodesk::ui
