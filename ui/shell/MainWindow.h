#pragma once

#include "ui/shell/PanelCatalogue.h"

#include <QMainWindow>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QAction;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace aerodesk::ui {

class EnvironmentBanner;

/// The console's main window: the environment banner on top, a navigation list on the left and
/// a stack of panels on the right. It knows nothing about what a panel does: the app wiring
/// registers panels with addPanel() — usually every PanelCatalogue entry through
/// PanelCatalogue::installInto() — which also creates the panel's View-menu entry, its shortcut
/// and its line in the keyboard help (F1).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Appends the panel of `entry` (id, title, icon, shortcut, help; its order is the caller's:
    /// panels show in the order they are added). Takes ownership of `panel`; if it has no
    /// objectName it gets "<id>Panel". Returns false (and deletes nothing) when the id is already
    /// registered or `panel` is null.
    bool addPanel(const PanelEntry &entry, QWidget *panel);
    using PanelFactory = std::function<QWidget *()>;
    /// Registers `entry` now (navigation row, View-menu entry, shortcut, help) but creates its
    /// panel only when it is first needed: shown, or asked for through panel(). Until then the
    /// page is an empty placeholder widget (objectName "<id>Placeholder"). Each creation is
    /// followed by panelCreated(). Same refusals as addPanel().
    bool addLazyPanel(const PanelEntry &entry, PanelFactory create);
    /// Swaps the widget of a registered panel in place (e.g. in a test). The old widget is
    /// deleted. Returns false for an unknown id or a null panel.
    bool replacePanel(const QString &id, QWidget *panel);
    /// Makes `id` the current panel; false when no such panel.
    bool showPanel(const QString &id);

    QString currentPanelId() const;
    QStringList panelIds() const;
    /// The panel of `id`: a lazily registered one is created now if it was not yet.
    QWidget *panel(const QString &id);
    /// The page of `id` as it is now (a lazy panel's placeholder until it is created).
    QWidget *page(const QString &id) const;
    bool isPanelCreated(const QString &id) const;
    EnvironmentBanner *environmentBanner() const { return m_banner; }

    /// Window geometry, dock/toolbar state and the current panel, in QSettings (the
    /// application's organization and name decide where).
    void saveSettings() const;
    void restoreSettings();

    /// The size the window opens at when nothing was saved.
    static QSize defaultSize();

    /// The keyboard help shown by F1 (rich text): every panel's shortcut, title and one-line help.
    QString helpText() const;

Q_SIGNALS:
    /// A lazily registered panel was created (it has replaced its placeholder).
    void panelCreated(const QString &id, QWidget *panel);

public Q_SLOTS:
    void showAbout();
    void showHelp();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Registered
    {
        PanelEntry entry;
        QWidget *widget = nullptr;
        QAction *action = nullptr;
        PanelFactory create; ///< set while a lazy panel is still a placeholder
    };

    void createMenus();
    void refreshIcons();
    void applyStyle();
    int indexOf(const QString &id) const;
    /// Creates the lazy panel at `index` if it is still a placeholder.
    void materialise(int index);

    EnvironmentBanner *m_banner = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QMenu *m_viewMenu = nullptr;
    std::vector<Registered> m_panels;
    bool m_refreshingIcons = false;
    bool m_styling = false;
};

} // namespace aerodesk::ui
