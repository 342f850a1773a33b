#pragma once

#include <QKeySequence>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

class QWidget;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class MainWindow;

/// One console panel as the shell sees it. Titles and help are untranslated source texts
/// (QT_TRANSLATE_NOOP in the catalogue); title() and help() translate them.
struct PanelEntry
{
    QString id; ///< stable and short: "connections"; the panel's objectName is id + "Panel"
    const char *titleText; ///< navigation and View-menu text
    QString iconName; ///< a resource icon base name ("nav-connections"), recoloured for the palette
    int order = 0; ///< position in the navigation, ascending
    QKeySequence shortcut; ///< switches to the panel (Ctrl+1 …)
    const char *helpText; ///< one line for Help → Keyboard shortcuts and the navigation tooltip
    /// Builds the panel bound to the console's session (the caller takes ownership).
    std::function<QWidget *(session::Session &)> create;

    QString title() const;
    QString help() const;
};

/// The console's panels, in one list: id, title, icon, order, shortcut, one-line help and how to
/// build it. MainWindow builds the navigation, the View menu, the Ctrl+<n> shortcuts and the
/// keyboard help from these entries; the app wiring creates the real panels through
/// installInto(). Adding a panel is one entry in PanelCatalogue.cpp plus its folder under ui/.
class PanelCatalogue
{
public:
    /// Every entry, sorted by order.
    static const std::vector<PanelEntry> &entries();
    /// Panel ids in navigation order.
    static QStringList ids();
    static std::optional<PanelEntry> find(const QString &id);
    /// Creates every panel bound to `session` and adds it to `window`, in order.
    static void installInto(MainWindow &window, session::Session &session);
};

} // namespace aerodesk::ui
