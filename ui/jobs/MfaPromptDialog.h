#pragma once

#include "core/api/JobType.h"
#include "core/api/LinkWidgetResult.h"
#include "core/jobs/JobResult.h"
#include "ui/jobs/LinkWidgetDialog.h"

#include <QDateTime>
#include <QDialog>
#include <QPointer>
#include <QTimer>

class QLabel;
class QPushButton;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

/// What JobRunner::mfaRequired said about a job waiting for MFA.
struct MfaRequest
{
    quint64 key = 0;
    api::JobType type = api::JobType::Balance;
    QString jobId;
    QString connectionId;
    QString bankName; ///< from the store when known, else empty ("the bank")
    QDateTime windowEndsAt; ///< UTC
};

/// The MFA relaunch prompt, shown at once (non-modal) when a job reports MFA: names the
/// connection (masked) and the bank, counts down to the end of the MFA window ("4:52 left",
/// every second, also shown in the widget) and offers Relaunch, which opens a LinkWidgetDialog
/// with LinkWidgetSession::startMfaRelaunch(jobId, connectionId) (a fresh widget token each
/// time). The Jobs panel calls relaunch() at once, so the MFA widget opens with no click; the
/// widget's own retry prompt covers a close (Not now leaves Relaunch here). On Linked it emits
/// mfaCompleted(key) (the panel calls JobRunner::mfaCompleted). When the job ends, an open
/// widget is dismissed.
///
/// What an error means is asked of the error catalogue (api::ErrorInfo), never decided from its
/// code here: an MFA timeout (AC-110, in the widget or as the job's end) explains and offers
/// Relaunch (once the job has ended, Relaunch starts the job again — a person's decision, never
/// automatic); a lockout (AC-108) is explained and Relaunch removed; nothing is retried.
class MfaPromptDialog : public QDialog
{
    Q_OBJECT
public:
    MfaPromptDialog(session::Session &session, MfaRequest request, QWidget *parent = nullptr);
    ~MfaPromptDialog() override;

    const MfaRequest &request() const { return m_request; }
    /// "4:52 left", or the closed-window sentence.
    QString countdownText() const;
    LinkWidgetDialog *widgetDialog() const { return m_widget; }
    QPushButton *relaunchButton() const { return m_relaunch; }
    bool isLockedOut() const { return m_locked; }

    /// The job ended: Completed/Cancelled close the prompt; AC-110 explains and offers to start
    /// again; AC-108 shows the lockout.
    void jobFinished(const jobs::JobResult &result);

public Q_SLOTS:
    void relaunch();

Q_SIGNALS:
    void mfaCompleted(quint64 key);
    /// relaunch() opened the MFA widget.
    void widgetOpened(aerodesk::ui::LinkWidgetDialog *widget);
    /// The job ended with AC-110 and the user asked to start it again.
    void restartRequested(aerodesk::api::JobType type, const QString &connectionId);

private:
    void build();
    void tick();
    void onWidgetFinished(const api::LinkWidgetResult &result);
    void showLockout(const api::ErrorInfo &error, const QString &detail);
    void setStatus(const QString &text);

    session::Session &m_session;
    MfaRequest m_request;
    QTimer m_countdown;
    QPointer<LinkWidgetDialog> m_widget;
    bool m_jobEnded = false;
    bool m_locked = false;
    QLabel *m_message = nullptr;
    QLabel *m_remaining = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_relaunch = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace aerodesk::ui
