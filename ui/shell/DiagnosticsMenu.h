#pragma once

#include "core/api/Environment.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace aerodesk::ui {

/// Help → "Open diagnostic log" (the file in the desktop's viewer; a clear message when there is
/// none yet) and "Copy diagnostics" (DiagnosticsReport on the clipboard: versions, environment
/// kind, recent log — nothing secret). Owned by the menu it adds its actions to.
class DiagnosticsMenu : public QObject
{
    Q_OBJECT
public:
    using KindSource = std::function<std::optional<api::Environment::Kind>()>;

    /// `window` parents the messages and gets a status-bar note when it is a QMainWindow.
    DiagnosticsMenu(QMenu *menu, QWidget *window, KindSource environmentKind);

    QAction *openLogAction() const { return m_open; }
    QAction *copyAction() const { return m_copy; }

public Q_SLOTS:
    void openLog();
    void copyDiagnostics();

private:
    void tell(const QString &objectName, const QString &text);

    QWidget *m_window = nullptr;
    KindSource m_kind;
    QAction *m_open = nullptr;
    QAction *m_copy = nullptr;
};

} // namespace aerodesk::ui
