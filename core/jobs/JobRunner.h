#pragma once

#include "core/api/ApiClient.h"
#include "core/api/JobState.h"
#include "core/api/JobType.h"
#include "core/jobs/JobResult.h"
#include "core/jobs/PacedQueue.h"
#include "core/jobs/PollPolicy.h"
#include "core/util/Clock.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace aerodesk::jobs {

/// Runs balance / transactions / identity jobs: create, poll (PollPolicy), fetch.
///
/// - Exclusivity: never two jobs of one type on one connection. A second start() is refused
///   locally (JobOutcome::AlreadyRunning naming the running jobId); an AC-112 from the API
///   (another client) ends the same way.
/// - Balance: GET /accounts first; canFetchBalance == false → Skipped (AC-105), no POST.
/// - MFA: the first poll that shows pending MFA (any casing) or mfaTriggered emits
///   mfaRequired() with the window's end; when the relaunch completes (mfaCompleted(), or a poll
///   shows progress again) polling resumes with a fresh bound. AC-110 → MfaTimedOut,
///   AC-108 → MfaLocked; nothing is ever retried automatically (no second create).
/// - Bounds (PollPolicy): maxDurationMs / maxAttempts before MFA; the MFA window plus its grace
///   while MFA is pending (then MfaTimedOut with AC-110's advice); a fresh maxDurationMs /
///   maxAttempts after MFA; never beyond totalBoundMs() from start(). Each time bound is a
///   deadline timer of the job's own: it fires whatever the polls answer (errors, no answer).
/// - Scale: one single-shot QTimer per job, all on this thread; no busy loops, no threads. Every
///   request sent and every answer handled goes through a PacedQueue (kTurnBudgetMs of work per
///   event-loop turn, in order), and each job's first poll is spread over part of the first
///   interval (PollPolicy::firstPollDelayMs): 500 jobs polling at once never hold the UI thread
///   for more than about a frame. The time bounds are deadline timers, outside the queue.
///
/// Every outcome, including a local refusal, arrives through finished() (never inside start()).
class JobRunner : public QObject
{
    Q_OBJECT
public:
    JobRunner(api::ApiClient &client, const Clock &clock, PollPolicy policy = {},
              QObject *parent = nullptr);
    ~JobRunner() override;

    void setPolicy(const PollPolicy &policy) { m_policy = policy; }
    const PollPolicy &policy() const { return m_policy; }

    /// Starts a job; returns its key (also for a refusal, whose finished() follows).
    quint64 start(api::JobType type, const QString &connectionId, const QDate &startDate = {},
                  const QDate &endDate = {});
    /// Stops polling and ends the job with Cancelled (the server's job is not stopped).
    void cancel(quint64 key);
    /// The MFA relaunch for this job has completed: poll again at once with a fresh bound.
    void mfaCompleted(quint64 key);

    /// The key of the running job of `type` on `connectionId`, if any.
    std::optional<quint64> runningJob(const QString &connectionId, api::JobType type) const;
    /// Server job id of a running job (empty until created).
    QString jobId(quint64 key) const;
    /// End of the MFA window of a job waiting for MFA (invalid otherwise), for a countdown.
    QDateTime mfaDeadline(quint64 key) const;
    int activeCount() const { return int(m_jobs.size()); }

    /// A running job as a watcher that comes late sees it (JobsModel::setRunner: the Jobs panel
    /// is created on first need, so a job may already run, even wait for MFA).
    struct Running
    {
        quint64 key = 0;
        api::JobType type = api::JobType::Balance;
        QString connectionId;
        QString jobId; ///< empty until created
        api::JobState state = api::JobState::Initiated;
        int attempt = 0;
        qint64 elapsedMs = 0;
        bool mfaPending = false;
        QDateTime mfaEndsAt; ///< while mfaPending
    };
    /// Every running job, in the order they were started.
    QList<Running> running() const;
    /// The paced work queue (sends and answers), for tests and the probe.
    const PacedQueue &pacing() const { return m_paced; }

    /// UI-thread work (sending requests, handling answers) run per event-loop turn at most.
    static constexpr int kTurnBudgetMs = 4;

Q_SIGNALS:
    void started(quint64 key, aerodesk::api::JobType type, const QString &connectionId);
    void progress(quint64 key, aerodesk::api::JobState state, int attempt, qint64 elapsedMs,
                  qint64 estimatedRemainingMs);
    void mfaRequired(quint64 key, const QString &jobId, const QString &connectionId,
                     const QDateTime &mfaWindowEndsAt);
    void finished(const aerodesk::jobs::JobResult &result);

private:
    struct Job;
    Job *find(quint64 key) const;
    void create(quint64 key);
    /// Runs `work` through the paced queue (in order, on a later turn).
    void paced(std::function<void()> work);
    /// A request to send through the paced queue, once a token is at hand.
    void pacedSend(std::function<void()> send);
    void checkAccount(quint64 key);
    void onAccount(quint64 key, const Result<api::Account, api::ApiError> &a);
    void onCreated(quint64 key, const Result<api::JobCreated, api::ApiError> &c);
    void schedulePoll(Job &job, int delayMs);
    void poll(quint64 key);
    /// `seq`: the poll's number, to recognise answers sent before a completed MFA step.
    void onStatus(quint64 key, const api::JobStatus &status, quint64 seq);
    void onPollError(quint64 key, const api::ApiError &error);
    /// Arms the job's deadline at `atMs` (monotonic), never beyond its total bound.
    void armDeadline(Job &job, qint64 atMs);
    void onDeadline(quint64 key);
    JobResult timedOut(const Job &job, const QString &why) const;
    void fetch(quint64 key);
    void finish(quint64 key, JobResult result);
    JobResult base(const Job &job, JobOutcome outcome) const;
    JobResult fromError(const Job &job, const api::ErrorInfo &info,
                        std::optional<api::ApiError> apiError) const;
    qint64 elapsed(const Job &job) const;

    api::ApiClient &m_client;
    const Clock &m_clock;
    PollPolicy m_policy;
    quint64 m_nextKey = 1;
    std::map<quint64, std::unique_ptr<Job>> m_jobs;
    /// (connectionId, type) → key of the running job: runningJob() without a scan of every job.
    std::map<std::pair<QString, int>, quint64> m_running;
    PacedQueue m_paced { kTurnBudgetMs };
    std::vector<std::unique_ptr<Job>>
        m_finished; ///< freed from the event loop, not inside callbacks
};

} // namespace aerodesk::jobs
