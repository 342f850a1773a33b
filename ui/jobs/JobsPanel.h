#pragma once

#include "core/api/JobType.h"
#include "core/jobs/JobResult.h"
#include "ui/common/SessionPanel.h"
#include "ui/jobs/LinkWidgetDialog.h"

#include <QDateTime>
#include <QMap>
#include <QPointer>

class QComboBox;
class QLabel;
class QShowEvent;
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

/// The Jobs panel (panel id "jobs"): a "Start job" row (type; the connection, picked from the
/// store's tracked connections — masked id and bank name, searchable by typing — or typed as a
/// raw connectionId; Start — disabled with "Waiting for the environment…" until the session is
/// ready), the table of jobs (JobsModel with a progress-bar delegate), an empty state saying
/// what to do first, Cancel for the selected running job and Reconnect for a job whose error
/// means the connection needs the user again (api::ErrorInfo::needsReconnect; opens the
/// reconnect widget on that connection). When a job reports MFA, an MfaPromptDialog opens at
/// once and opens the MFA widget itself (no click). Follows the session: rebinds to the new
/// JobRunner on environmentChanged().
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
    /// The connectionId the Start row names: the picked tracked connection, or the typed id.
    QString chosenConnectionId() const;
    /// Re-reads the tracked connections into the picker (at most kMaxListed, by expiry).
    void reloadConnections();
    /// Opens the reconnect widget on `connectionId` (as the Reconnect button does).
    LinkWidgetDialog *openReconnect(const QString &connectionId);
    LinkWidgetDialog *reconnectDialog() const { return m_reconnect; }

    static constexpr int kMaxListed = 500;

Q_SIGNALS:
    void mfaPromptOpened(quint64 key, aerodesk::ui::MfaPromptDialog *prompt);
    void reconnectOpened(aerodesk::ui::LinkWidgetDialog *dialog);

protected:
    void sessionEnvironmentChanged() override;
    void sessionEnvironmentFailed(const QString &) override { updateActions(); }
    void sessionStoreChanged() override { reloadConnections(); }
    void showEvent(QShowEvent *event) override;

private:
    void build();
    void fitColumnsToVocabulary();
    void rebind();
    void updateActions();
    void cancelSelected();
    void reconnectSelected();
    void updateEmptyState();
    void onMfaRequired(quint64 key, const QString &jobId, const QString &connectionId,
                       const QDateTime &endsAt);
    void onFinished(const jobs::JobResult &result);
    QString bankName(const QString &connectionId) const;

    session::Session &m_session;
    JobsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_connection = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_reconnectButton = nullptr;
    QLabel *m_empty = nullptr;
    QPointer<LinkWidgetDialog> m_reconnect;
    QList<QMetaObject::Connection> m_recorderConnections;
    NoticeLine *m_loading = nullptr;
    QLabel *m_summary = nullptr;
    QMap<quint64, QPointer<MfaPromptDialog>> m_prompts;
    QList<QMetaObject::Connection> m_runnerConnections;
    bool m_insertedThisTurn = false; ///< a row was added and selected in this event-loop turn
    bool m_selectNewestLater = false; ///< more rows followed it: select the newest next turn
};

} // namespace aerodesk::ui
