#pragma once

#include <QStringList>

namespace aerodesk::ui {

class MainWindow;

/// The six console panels as placeholders, registered in navigation order (Ctrl+1 … Ctrl+6):
/// connections, jobs, inspector, webhooks, walkthroughs, settings. The app wiring calls
/// installInto(); when a real panel exists it calls MainWindow::replacePanel(id, realPanel)
/// (or registers the real one itself instead of the placeholder).
class PanelCatalogue
{
public:
    /// Panel ids in navigation order.
    static QStringList ids();
    /// Adds every panel of ids() to `window` as a PlaceholderPanel.
    static void installInto(MainWindow &window);
};

} // namespace aerodesk::ui
