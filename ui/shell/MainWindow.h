#pragma once

#include <QMainWindow>
#include <QString>
#include <QStringList>

#include <vector>

class QAction;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace aerodesk::ui {

class EnvironmentBanner;

/// The console's main window: the environment banner on top, a navigation list on the left and
/// a stack of panels on the right. It knows nothing about what a panel does: the app wiring
/// registers panels with addPanel() (and may later swap one with replacePanel()), which also
/// creates the panel's View-menu entry and its Ctrl+<n> shortcut.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Appends a panel. `id` is stable and short ("connections"); `iconName` is a resource icon
    /// base name ("nav-connections"), recoloured for the palette. Takes ownership of `panel`;
    /// if it has no objectName it gets "<id>Panel". Returns false (and deletes nothing) when
    /// `id` is already registered or `panel` is null.
    bool addPanel(const QString &id, const QString &title, const QString &iconName, QWidget *panel);
    /// Swaps the widget of a registered panel (e.g. a placeholder for the real panel) in place.
    /// The old widget is deleted. Returns false for an unknown id or a null panel.
    bool replacePanel(const QString &id, QWidget *panel);
    /// Makes `id` the current panel; false when no such panel.
    bool showPanel(const QString &id);

    QString currentPanelId() const;
    QStringList panelIds() const;
    QWidget *panel(const QString &id) const;
    EnvironmentBanner *environmentBanner() const { return m_banner; }

    /// Window geometry, dock/toolbar state and the current panel, in QSettings (the
    /// application's organization and name decide where).
    void saveSettings() const;
    void restoreSettings();

    /// The size the window opens at when nothing was saved.
    static QSize defaultSize();

public Q_SLOTS:
    void showAbout();
    void showHelp();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct PanelEntry
    {
        QString id;
        QString title;
        QString iconName;
        QWidget *widget = nullptr;
        QAction *action = nullptr;
    };

    void createMenus();
    void refreshIcons();
    void applyStyle();
    int indexOf(const QString &id) const;

    EnvironmentBanner *m_banner = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QMenu *m_viewMenu = nullptr;
    std::vector<PanelEntry> m_panels;
    bool m_refreshingIcons = false;
    bool m_styling = false;
};

} // namespace aerodesk::ui
