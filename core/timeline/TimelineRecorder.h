#pragma once

#include "core/api/ApiExchange.h"
#include "core/api/LinkWidgetEvent.h"
#include "core/api/LinkWidgetSession.h"
#include "core/crypto/SecureBytes.h"
#include "core/store/StoreTarget.h"
#include "core/timeline/TimelineEntry.h"
#include "core/webhooks/WebhookLog.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QThread>

#include <optional>

namespace aerodesk::api {
class ApiClient;
class LinkWidgetEventDispatcher;
} // namespace aerodesk::api
namespace aerodesk::jobs {
class JobRunner;
struct JobResult;
} // namespace aerodesk::jobs
namespace aerodesk::webhooks {
class WebhookListener;
} // namespace aerodesk::webhooks

namespace aerodesk::timeline {

class TimelineSource;
class TimelineWorker;

/// One timeline per connection (docs/timeline.md): the core components report here, the
/// recorder routes each step to its connection, stamps it with the connection's current
/// correlation id and appends it to the store OFF this thread (a TimelineWorker on a thread of
/// its own, with its own Store on the same file).
///
/// Correlation ids: a link session mints a flow id before its first request; the steps of the
/// session (its API calls, widget events) wait in memory until pageSuccess names the
/// connection(s), which then get that id as their current flow (stored in timeline_flows) and
/// the waiting steps. A reconnect mints a new current flow for its connection; an MFA relaunch,
/// jobs, polls, webhooks and staff actions use the connection's current flow; a connection
/// that has none (imported, linked before v5) gets one minted at its first step. Every API
/// request that belongs to a connection or to the open link session carries the id as
/// X-Correlation-Id.
///
/// Lives on the UI thread, like the components it observes. Keep it alive longer than them,
/// or detach them first (connections are Qt connections: destroyed objects detach themselves).
class TimelineRecorder : public QObject
{
    Q_OBJECT
public:
    /// `store`: a SQLite file (a path converts) or a team store, with its PostgreSQL password.
    TimelineRecorder(const store::StoreTarget &store, const crypto::SecureBytes &dataKey,
                     QObject *parent = nullptr);
    TimelineRecorder(const store::StoreTarget &store, const crypto::SecureBytes &dataKey,
                     const crypto::SecureBytes &password, QObject *parent = nullptr);
    ~TimelineRecorder() override;

    // --- Flows ---------------------------------------------------------------------------
    /// Starts a new flow for `connectionId` (a reconnect does this); returns its id.
    QString beginFlow(const QString &connectionId);
    /// The connection's current flow id; one is minted and stored when it has none. May wait
    /// once per connection for the store worker (a one-row read).
    QString flowFor(const QString &connectionId);
    /// The open link session's flow id ("" when no session is open).
    QString sessionFlow() const { return m_session.open ? m_session.flow : QString(); }

    // --- Recording (every step lands in the store asynchronously) -------------------------
    /// Appends `entry` to the connection's timeline; an empty correlationId gets the current
    /// flow's; an invalid time gets now. `entryKey` makes it idempotent (see TimelineRepository).
    void record(const QString &connectionId, TimelineEntry entry, const QString &entryKey = {});
    /// A staff action (reveal, delete, note...) — what the audit log will report; `summary` is
    /// shown as is (no secret, ids masked by the caller).
    void recordStaffAction(const QString &connectionId, const QString &action,
                           const QString &summary, QJsonObject fields = {},
                           const QDateTime &at = {});
    void recordApiExchange(const api::ApiExchange &exchange);
    void recordWidgetEvent(const api::LinkWidgetEvent &event);
    /// A delivery the listener answered: routed by its body's data.connection_id (or user_id).
    void recordWebhook(const webhooks::WebhookLogEntry &entry, const QByteArray &body);

    // --- Wiring ------------------------------------------------------------------------------
    /// Every call of the client's transport: X-Correlation-Id on the way out, an ApiCall step
    /// when it ends (for calls that belong to a connection or to the open link session).
    void attach(api::ApiClient &client);
    /// Job started / each poll / waiting for MFA / finished.
    void attach(jobs::JobRunner &runner);
    /// The session's start opens a flow; the dispatcher's events become WidgetEvent steps and
    /// its pageSuccess binds the link flow to the connection(s).
    void attach(api::LinkWidgetSession &session, api::LinkWidgetEventDispatcher &dispatcher);
    /// Every delivery the listener answered, verified or not.
    void attach(webhooks::WebhookListener &listener);
    /// Steps kept elsewhere (the audit log), merged in by load(). Not owned.
    void addSource(const TimelineSource *source);
    void removeSource(const TimelineSource *source);

    // --- Reading -----------------------------------------------------------------------------
    /// Reads the connection's timeline (after every step recorded before this call); the
    /// answer comes as loaded(), merged with the sources, oldest first.
    quint64 load(const QString &connectionId, int latest = -1);
    /// A team store: announce the steps this recorder stores under the console's session id
    /// (`Store::sessionId()`), so the console's own listener ignores them (other consoles
    /// re-read the connection's timeline; docs/team.md, "Live updates").
    void setSessionId(const QString &sessionId);
    /// Appends queued and not yet answered by the worker (tests, shutdown).
    int pendingWrites() const { return m_pendingWrites; }

Q_SIGNALS:
    /// A step was stored for the connection (a live view appends it).
    void recorded(const QString &connectionId, const aerodesk::timeline::TimelineEntry &entry);
    void loaded(quint64 request, const QString &connectionId,
                const QList<aerodesk::timeline::TimelineEntry> &entries);
    /// A store failure (not "connection not in the store", which only drops the step).
    void failed(const QString &why);

private:
    struct JobInfo
    {
        QString connectionId;
        QString typeName;
    };
    struct Session
    {
        bool open = false;
        bool bound = false; ///< the connection(s) are known (successArriving)
        bool flushed = false; ///< ... and persisted: steps go straight to the store
        api::LinkWidgetSession::Mode mode = api::LinkWidgetSession::Mode::Link;
        QString flow;
        QStringList connections;
        QList<TimelineEntry> waiting; ///< link steps before pageSuccess named the connection
    };
    using JobKey = QPair<const jobs::JobRunner *, quint64>;

    void setFlow(const QString &connectionId, const QString &flow);
    /// The connection an API path is about ("" when none): /v2/accounts/{id}..., /v2/job/{jobId}.
    QString connectionOfPath(const QString &path) const;
    QString connectionOfJob(const QString &jobId) const;
    static bool isSessionPath(const QString &path);
    QByteArray correlationFor(const QString &path);
    /// A step of the open widget session: held until pageSuccess (link) or recorded.
    void recordSessionStep(TimelineEntry entry);
    /// pageSuccess is about to be persisted: the link's flow becomes the connection's current
    /// flow in memory (the hook's follow-up calls carry it).
    void bindSession(const QStringList &connectionIds);
    /// pageSuccess was persisted: the flow and the waiting steps go to the store.
    void flushSession();
    void sessionStarting(api::LinkWidgetSession::Mode mode, const QString &connectionId);
    void jobStep(const JobKey &job, TimelineKind kind, const QString &summary, QJsonObject fields,
                 const QString &entryKey = {});
    void jobFinished(const jobs::JobRunner *runner, const jobs::JobResult &result);

    QThread m_thread;
    TimelineWorker *m_worker = nullptr;
    QHash<QString, QString> m_flows; ///< normalised connectionId → current flow
    QHash<JobKey, JobInfo> m_jobs; ///< running jobs of the attached runners
    QHash<QString, QString> m_jobConnections; ///< jobId → connectionId, once seen
    QList<QPointer<jobs::JobRunner>> m_runners;
    Session m_session;
    std::optional<webhooks::WebhookLogEntry> m_lastWebhook; ///< logged(), until delivered()
    QList<const TimelineSource *> m_sources;
    quint64 m_lastRequest = 0;
    int m_pendingWrites = 0;
};

} // namespace aerodesk::timeline
