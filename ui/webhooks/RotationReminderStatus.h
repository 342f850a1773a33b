#pragma once

#include <QList>
#include <QMetaObject>
#include <QObject>

class QStatusBar;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class NoticeLine;

/// The webhook secret's rotation reminder in a window's status bar: a permanent NoticeLine
/// (objectName "webhookReminderStatus") that shows the reminder as a warning while one is due
/// and hides when it clears. It follows the session's webhook secrets itself (the environment's
/// ring, its rotation period, the clock once a minute), so it works whether or not the Webhooks
/// panel was ever opened — the panel is created only when first shown. It takes only the room
/// the status bar gives it, so a long reminder never widens the window.
class RotationReminderStatus : public QObject
{
    Q_OBJECT
public:
    RotationReminderStatus(QStatusBar *statusBar, session::Session &session);

    NoticeLine *line() const { return m_line; }
    /// What the line says now (empty while nothing is due).
    QString reminder() const { return m_reminder; }

    /// Evaluates the reminder again (the minute timer and every change of the secrets do).
    void refresh();

private:
    void rebind();

    session::Session &m_session;
    NoticeLine *m_line = nullptr;
    QString m_reminder;
    QList<QMetaObject::Connection> m_secretsConnections;
};

} // namespace aerodesk::ui
