#pragma once

#include <QObject>

class QStatusBar;

namespace aerodesk::ui {

class NoticeLine;
class WebhooksPanel;

/// The Webhooks panel's rotation reminder in a window's status bar: a permanent NoticeLine
/// (objectName "webhookReminderStatus") that shows the reminder as a warning while one is due
/// (WebhooksPanel::rotationReminderChanged) and hides when it clears. It takes only the room the
/// status bar gives it, so a long reminder never widens the window.
class RotationReminderStatus : public QObject
{
    Q_OBJECT
public:
    RotationReminderStatus(QStatusBar *statusBar, WebhooksPanel *panel);

    NoticeLine *line() const { return m_line; }

private:
    NoticeLine *m_line = nullptr;
};

} // namespace aerodesk::ui
