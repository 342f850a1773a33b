#pragma once

#include "core/api/LinkWidgetResult.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class LinkWidgetDialog;

/// Opens the Aerosync widget (LinkWidgetDialog) from the Connections panel: linkBank() for a new
/// link, reconnect(id) for an existing connection. Each start gets a fresh widget token (the
/// dialog's session does). While the token is fetched and the first step is on its way,
/// isOpening() is true and the dialog is not shown yet — the panel shows the loading state; the
/// dialog appears with its first step (stepShown). A failure before any step ends the opening
/// and is reported with message().
///
/// The connectionId of a success is stored by the session's LinkRecorder inside the widget's
/// event dispatch, before any other call; this class starts nothing else.
class ConnectionLinker : public QObject
{
    Q_OBJECT
public:
    ConnectionLinker(session::Session &session, QWidget &dialogParent, QObject *parent = nullptr);
    ~ConnectionLinker() override;

    /// Why nothing can be opened now ("" when it can): no environment yet, no store.
    QString blockedBecause() const;
    bool isOpening() const { return m_opening; }
    /// The widget dialog of the current (or last) session; null when none is open.
    LinkWidgetDialog *dialog() const;

public Q_SLOTS:
    void linkBank();
    void reconnect(const QString &connectionId);

Q_SIGNALS:
    /// The opening state changed (true: waiting for the widget token and its first step).
    void openingChanged(bool opening);
    void message(const QString &text, bool error);
    /// The widget session ended (linked or not).
    void finished(const aerodesk::api::LinkWidgetResult &result);

private:
    LinkWidgetDialog *open();
    void setOpening(bool opening);
    void onFinished(const api::LinkWidgetResult &result);

    session::Session &m_session;
    QWidget &m_dialogParent;
    QPointer<LinkWidgetDialog> m_dialog;
    bool m_opening = false;
    bool m_reconnect = false;
};

} // namespace aerodesk::ui
