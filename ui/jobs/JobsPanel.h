#pragma once

#include "core/api/JobType.h"
#include "core/jobs/JobResult.h"
#include "ui/common/SessionPanel.h"

#include <QDateTime>
#include <QMap>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class JobsModel;
class MfaPromptDialog;
class NoticeLine;

/// The Jobs panel (panel id "jobs"): a "Start job" row (type, connectionId, Start — disabled with
/// "Waiting for the environment…" until the session is ready), the table of jobs (JobsModel with
/// a progress-bar delegate) and Cancel for the selected running job (disabled with the reason
/// otherwise). When a job reports MFA, an MfaPromptDialog opens at once. Follows the session:
/// rebinds to the new JobRunner on environmentChanged().
class JobsPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit JobsPanel(session::Session &session, QWidget *parent = nullptr);
    ~JobsPanel() override;

    /// Starts a job on the session's runner (as the Start button does); 0 when not ready.
    quint64 startJob(api::JobType type, const QString &connectionId);
    /// The open MFA prompt of job `key` (current runner), or null.
    MfaPromptDialog *mfaPrompt(quint64 key) const;

    JobsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void mfaPromptOpened(quint64 key, aerodesk::ui::MfaPromptDialog *prompt);

protected:
    void sessionEnvironmentChanged() override { rebind(); }
    void sessionEnvironmentFailed(const QString &) override { updateActions(); }

private:
    void build();
    void rebind();
    void updateActions();
    void cancelSelected();
    void onMfaRequired(quint64 key, const QString &jobId, const QString &connectionId,
                       const QDateTime &endsAt);
    void onFinished(const jobs::JobResult &result);
    QString bankName(const QString &connectionId) const;

    session::Session &m_session;
    JobsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_connection = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    NoticeLine *m_loading = nullptr;
    QLabel *m_summary = nullptr;
    QMap<quint64, QPointer<MfaPromptDialog>> m_prompts;
    QList<QMetaObject::Connection> m_runnerConnections;
};

} // namespace aerodesk::ui
