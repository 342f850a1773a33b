#include "core/jobs/JobRunner.h"

#include "core/api/ErrorCatalog.h"
#include "core/connections/IdMask.h"
#include "core/util/LogCategories.h"

#include <QPointer>

#include <algorithm>
#include <climits>

namespace aerodesk::jobs {

using api::ApiError;
using api::ErrorInfo;
using api::JobState;

struct JobRunner::Job
{
    quint64 key = 0;
    api::JobType type = api::JobType::Balance;
    QString connectionId;
    QString jobId;
    QDate startDate, endDate;
    JobState state = JobState::Initiated;
    int attempt = 0; ///< polls in the current bound
    int totalAttempts = 0;
    qint64 createdMs = 0; ///< monotonic, for elapsed
    qint64 boundStartMs = 0; ///< monotonic, start of the current poll bound
    bool mfaPending = false;
    qint64 mfaDeadlineMs = 0;
    QDateTime mfaEndsAt;
    qint64 capMs = 0; ///< monotonic: start + PollPolicy::totalBoundMs()
    quint64 pollSeq = 0; ///< polls sent
    quint64 mfaDoneAfterSeq = 0; ///< polls sent up to this one predate the completed MFA step
    QTimer timer; ///< the next poll
    QTimer deadline; ///< the current bound's end (fires whatever the polls answer)
    bool deadlineIsCap = false; ///< the armed deadline is the total bound (capMs)
};

JobRunner::JobRunner(api::ApiClient &client, const Clock &clock, PollPolicy policy, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_policy(policy)
{
    qRegisterMetaType<aerodesk::jobs::JobResult>();
}

JobRunner::~JobRunner() = default;

JobRunner::Job *JobRunner::find(quint64 key) const
{
    const auto it = m_jobs.find(key);
    return it == m_jobs.end() ? nullptr : it->second.get();
}

std::optional<quint64> JobRunner::runningJob(const QString &connectionId, api::JobType type) const
{
    const auto it = m_running.find({ connectionId, int(type) });
    if (it == m_running.end())
        return std::nullopt;
    return it->second;
}

QString JobRunner::jobId(quint64 key) const
{
    const Job *j = find(key);
    return j ? j->jobId : QString();
}

QDateTime JobRunner::mfaDeadline(quint64 key) const
{
    const Job *j = find(key);
    return j && j->mfaPending ? j->mfaEndsAt : QDateTime();
}

QList<JobRunner::Running> JobRunner::running() const
{
    QList<Running> result;
    result.reserve(qsizetype(m_jobs.size()));
    for (const auto &[key, job] : m_jobs) {
        result.append({ key, job->type, job->connectionId, job->jobId, job->state,
                        job->totalAttempts, elapsed(*job), job->mfaPending,
                        job->mfaPending ? job->mfaEndsAt : QDateTime() });
    }
    return result; // m_jobs is ordered by key: the order of start()
}

qint64 JobRunner::elapsed(const Job &job) const
{
    return m_clock.monotonicMs() - job.createdMs;
}

JobResult JobRunner::base(const Job &job, JobOutcome outcome) const
{
    JobResult r;
    r.key = job.key;
    r.type = job.type;
    r.connectionId = job.connectionId;
    r.jobId = job.jobId;
    r.outcome = outcome;
    r.attempts = job.totalAttempts;
    r.elapsedMs = elapsed(job);
    return r;
}

JobResult JobRunner::fromError(const Job &job, const ErrorInfo &info,
                               std::optional<ApiError> apiError) const
{
    JobOutcome outcome = JobOutcome::Error;
    if (info.code == QLatin1String("AC-112"))
        outcome = JobOutcome::AlreadyRunning;
    else if (info.code == QLatin1String("AC-110"))
        outcome = JobOutcome::MfaTimedOut;
    else if (info.code == QLatin1String("AC-108"))
        outcome = JobOutcome::MfaLocked;
    else if (info.code == QLatin1String("AC-105"))
        outcome = JobOutcome::Skipped;
    else if (!apiError)
        outcome = JobOutcome::Failed;
    JobResult r = base(job, outcome);
    r.error = info;
    r.apiError = std::move(apiError);
    r.nextStep = info.nextStep;
    if (outcome == JobOutcome::AlreadyRunning) {
        r.runningJobId = info.runningJobId;
        r.message = info.runningJobId.isEmpty()
            ? QStringLiteral("A %1 job is already running on this connection.")
                  .arg(api::jobTypeName(job.type))
            : QStringLiteral("already running: %1").arg(info.runningJobId);
    } else if (r.apiError && info.code.isEmpty()) {
        r.message = r.apiError->message;
    } else {
        r.message = info.code.isEmpty()
            ? info.cause
            : QStringLiteral("%1 (%2): %3").arg(info.title, info.code, info.cause);
    }
    return r;
}

quint64 JobRunner::start(api::JobType type, const QString &connectionId, const QDate &startDate,
                         const QDate &endDate)
{
    const quint64 key = m_nextKey++;
    if (const auto running = runningJob(connectionId, type)) {
        const Job *other = find(*running);
        JobResult r;
        r.key = key;
        r.type = type;
        r.connectionId = connectionId;
        r.outcome = JobOutcome::AlreadyRunning;
        r.runningJobId = other->jobId;
        r.error = api::ErrorCatalog::lookup(QStringLiteral("AC-112"), other->jobId);
        r.nextStep = r.error.nextStep;
        r.message = other->jobId.isEmpty()
            ? QStringLiteral("A %1 job is already starting on this connection.")
                  .arg(api::jobTypeName(type))
            : QStringLiteral("already running: %1").arg(other->jobId);
        qCInfo(aerodesk::log::jobs).noquote()
            << "job" << key << api::jobTypeName(type) << "on"
            << connections::IdMask::mask(connectionId) << "refused locally: job" << other->jobId
            << "of that type is running";
        QTimer::singleShot(0, this, [this, r] { Q_EMIT finished(r); });
        return key;
    }
    auto job = std::make_unique<Job>();
    job->key = key;
    job->type = type;
    job->connectionId = connectionId;
    job->startDate = startDate;
    job->endDate = endDate;
    job->createdMs = job->boundStartMs = m_clock.monotonicMs();
    job->capMs = job->createdMs + m_policy.totalBoundMs();
    job->timer.setSingleShot(true);
    job->deadline.setSingleShot(true);
    connect(&job->timer, &QTimer::timeout, this,
            [this, key] { pacedSend([this, key] { poll(key); }); });
    connect(&job->deadline, &QTimer::timeout, this, [this, key] { onDeadline(key); });
    armDeadline(*job, job->createdMs + m_policy.maxDurationMs);
    m_jobs.emplace(key, std::move(job));
    m_running[{ connectionId, int(type) }] = key;
    qCInfo(aerodesk::log::jobs).noquote() << "job" << key << api::jobTypeName(type) << "started on"
                                          << connections::IdMask::mask(connectionId);
    Q_EMIT started(key, type, connectionId);

    if (type != api::JobType::Balance) {
        pacedSend([this, key] { create(key); });
        return key;
    }
    pacedSend([this, key] { checkAccount(key); });
    return key;
}

void JobRunner::paced(std::function<void()> work)
{
    m_paced.post(std::move(work));
}

void JobRunner::pacedSend(std::function<void()> send)
{
    paced([this, send = std::move(send)] {
        // Without a fresh token every request would wait for the same token request, and all of
        // them would be sent in the one turn it is answered (500 at once: a 100-ms stall). Wait
        // for it here instead, then send through the queue like any other request. A token
        // error needs no handling here: the request itself then gets it through ApiClient.
        if (m_client.tokens().hasFreshToken())
            return send();
        QPointer<JobRunner> self(this);
        m_client.tokens().token([self, send](const Result<api::ApiToken, ApiError> &) {
            if (self)
                self->paced(send);
        });
    });
}

void JobRunner::checkAccount(quint64 key)
{
    const Job *started = find(key);
    if (!started)
        return; // cancelled before its turn
    QPointer<JobRunner> self(this);
    m_client.getAccount(started->connectionId, [self, key](Result<api::Account, ApiError> a) {
        if (self)
            self->paced([self, key, a] { self->onAccount(key, a); });
    });
}

void JobRunner::onAccount(quint64 key, const Result<api::Account, ApiError> &a)
{
    Job *job = find(key);
    if (!job)
        return;
    if (!a.ok())
        return finish(key, fromError(*job, a.error().info, a.error()));
    if (a->canFetchBalance.has_value() && !*a->canFetchBalance) {
        JobResult r = base(*job, JobOutcome::Skipped);
        r.error = api::ErrorCatalog::lookup(QStringLiteral("AC-105"));
        r.message =
            QStringLiteral("Balance refresh skipped: this account was linked manually, so the bank "
                           "cannot report a balance (canFetchBalance is false).");
        r.nextStep = r.error.nextStep;
        return finish(key, r);
    }
    create(key);
}

void JobRunner::create(quint64 key)
{
    Job *job = find(key);
    if (!job)
        return; // cancelled before its turn
    QPointer<JobRunner> self(this);
    m_client.createJob(
        job->type, job->connectionId,
        [self, key](Result<api::JobCreated, ApiError> answer) {
            if (self)
                self->paced([self, key, answer] { self->onCreated(key, answer); });
        },
        job->startDate, job->endDate);
}

void JobRunner::onCreated(quint64 key, const Result<api::JobCreated, ApiError> &c)
{
    Job *job = find(key);
    if (!job)
        return;
    if (!c.ok())
        return finish(key, fromError(*job, c.error().info, c.error()));
    job->jobId = c->jobId;
    job->state = c->state == JobState::Unknown ? JobState::Initiated : c->state;
    qCDebug(aerodesk::log::jobs).noquote()
        << "job" << key << "created as" << job->jobId << "state" << api::jobStateName(job->state);
    job->boundStartMs = m_clock.monotonicMs();
    armDeadline(*job, job->boundStartMs + m_policy.maxDurationMs);
    Q_EMIT progress(key, job->state, 0, elapsed(*job), m_policy.expectedDurationMs);
    // Spread over part of the first interval: jobs created in one turn do not all poll in one.
    schedulePoll(*job, m_policy.firstPollDelayMs(key));
}

void JobRunner::schedulePoll(Job &job, int delayMs)
{
    job.timer.start(std::max(0, delayMs));
}

void JobRunner::poll(quint64 key)
{
    Job *job = find(key);
    if (!job)
        return;
    ++job->attempt;
    ++job->totalAttempts;
    const quint64 seq = ++job->pollSeq;
    QPointer<JobRunner> self(this);
    m_client.getJobStatus(job->connectionId, job->jobId,
                          [self, key, seq](Result<api::JobStatus, ApiError> answer) {
                              if (!self)
                                  return;
                              self->paced([self, key, seq, answer] {
                                  if (!self->find(key))
                                      return;
                                  if (answer.ok())
                                      self->onStatus(key, *answer, seq);
                                  else
                                      self->onPollError(key, answer.error());
                              });
                          });
}

void JobRunner::onStatus(quint64 key, const api::JobStatus &status, quint64 seq)
{
    Job &job = *find(key);
    if (status.needsMfa() && seq <= job.mfaDoneAfterSeq) {
        // Sent before the MFA step completed: its "pending MFA" is stale and must not reopen
        // the MFA widget; the polls sent since then tell the job's real state.
        qCDebug(aerodesk::log::jobs) << "job" << key << "ignores a stale MFA answer of poll" << seq;
        return schedulePoll(job, m_policy.intervalForAttempt(job.attempt + 1));
    }
    job.state = status.state;
    const qint64 now = m_clock.monotonicMs();
    qCDebug(aerodesk::log::jobs).noquote() << "job" << key << "poll" << job.totalAttempts << "state"
                                           << api::jobStateName(status.state);

    if (status.state == JobState::Completed) {
        // Done at the bank: the result fetch is bounded by the request timeout, not the poll bound.
        job.deadline.stop();
        Q_EMIT progress(key, job.state, job.totalAttempts, elapsed(job), 0);
        fetch(key);
        return;
    }
    if (status.state == JobState::Failed) {
        ErrorInfo info = status.hasError ? status.error : ErrorInfo {};
        if (!status.hasError) {
            info.title = QStringLiteral("Job failed");
            info.cause =
                QStringLiteral("The bank could not complete the %1 job (no reason was given).")
                    .arg(api::jobTypeName(job.type));
            info.nextStep = QStringLiteral(
                "Start the job again later; if it keeps failing, reconnect the account.");
        }
        finish(key, fromError(job, info, std::nullopt));
        return;
    }
    if (status.needsMfa()) {
        if (!job.mfaPending) {
            job.mfaPending = true;
            job.mfaDeadlineMs = now + m_policy.mfaWindowMs;
            job.mfaEndsAt = m_clock.nowUtc().addMSecs(m_policy.mfaWindowMs);
            armDeadline(job, job.mfaDeadlineMs + m_policy.mfaGraceMs);
            qCInfo(aerodesk::log::jobs)
                << "job" << key << "waits for MFA; window" << m_policy.mfaWindowMs / 1000 << "s";
            Q_EMIT mfaRequired(key, job.jobId, job.connectionId, job.mfaEndsAt);
        }
        Q_EMIT progress(key, JobState::PendingMfa, job.totalAttempts, elapsed(job),
                        std::max<qint64>(0, job.mfaDeadlineMs - now));
        if (now > job.mfaDeadlineMs + m_policy.mfaGraceMs) {
            finish(
                key,
                fromError(job, api::ErrorCatalog::lookup(QStringLiteral("AC-110")), std::nullopt));
            return;
        }
        schedulePoll(job, m_policy.maxIntervalMs);
        return;
    }
    if (job.mfaPending) {
        // The job moved on after MFA: a fresh bound from here.
        job.mfaPending = false;
        job.attempt = 0;
        job.boundStartMs = now;
        armDeadline(job, now + m_policy.maxDurationMs);
    }
    const qint64 inBound = now - job.boundStartMs;
    const qint64 remainingEstimate = std::max<qint64>(0, m_policy.expectedDurationMs - inBound);
    Q_EMIT progress(
        key, job.state, job.totalAttempts, elapsed(job),
        std::min<qint64>(remainingEstimate, std::max<qint64>(0, m_policy.maxDurationMs - inBound)));
    if (job.attempt >= m_policy.maxAttempts || inBound >= m_policy.maxDurationMs) {
        qCWarning(aerodesk::log::jobs)
            << "job" << key << "reached its poll bound:" << job.attempt << "/"
            << m_policy.maxAttempts << "polls," << inBound << "/" << m_policy.maxDurationMs << "ms";
        // Name the bound that was reached: a poll can also be the first to see the time run out.
        const bool byAttempts = job.attempt >= m_policy.maxAttempts;
        finish(key,
               timedOut(job,
                        byAttempts ? QStringLiteral("%1 checks").arg(job.attempt)
                                   : QStringLiteral("%1 s").arg(m_policy.maxDurationMs / 1000.0, 0,
                                                                'f', 0)));
        return;
    }
    schedulePoll(job, m_policy.intervalForAttempt(job.attempt + 1));
}

void JobRunner::onPollError(quint64 key, const ApiError &error)
{
    Job &job = *find(key);
    const bool transient = error.code.isEmpty() &&
        (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout ||
         error.kind == ApiError::Kind::Server || error.kind == ApiError::Kind::RateLimited ||
         error.kind == ApiError::Kind::NonJson);
    const qint64 now = m_clock.monotonicMs();
    const qint64 inBound = now - job.boundStartMs;
    const bool withinBound = job.mfaPending
        ? now <= job.mfaDeadlineMs + m_policy.mfaGraceMs
        : job.attempt < m_policy.maxAttempts && inBound < m_policy.maxDurationMs;
    if (transient && withinBound && now < job.capMs) {
        // A poll is a read: retrying it later is safe (never the create).
        qCInfo(aerodesk::log::jobs).noquote()
            << "job" << key << "poll failed transiently:" << api::apiErrorKindName(error.kind)
            << "- polling again";
        schedulePoll(job, m_policy.maxIntervalMs);
        return;
    }
    if (transient && job.mfaPending) // the MFA window ran out while the polls were failing
        return onDeadline(key);
    finish(key, fromError(job, error.info, error));
}

void JobRunner::armDeadline(Job &job, qint64 atMs)
{
    const qint64 at = std::min(atMs, job.capMs);
    // A coarse timer may fire a little early: remember which bound it stands for rather than
    // comparing the clock with capMs when it fires.
    job.deadlineIsCap = at == job.capMs;
    job.deadline.start(int(std::clamp<qint64>(at - m_clock.monotonicMs(), 0, INT_MAX)));
}

void JobRunner::onDeadline(quint64 key)
{
    Job *job = find(key);
    if (!job)
        return;
    const qint64 now = m_clock.monotonicMs();
    qCWarning(aerodesk::log::jobs)
        << "job" << key << "reached its deadline after" << now - job->createdMs << "ms"
        << (job->mfaPending ? "waiting for MFA" : "");
    if (job->deadlineIsCap || now >= job->capMs)
        return finish(key,
                      timedOut(*job,
                               QStringLiteral("the total bound of %1 s")
                                   .arg(m_policy.totalBoundMs() / 1000.0, 0, 'f', 0)));
    if (job->mfaPending)
        return finish(
            key,
            fromError(*job, api::ErrorCatalog::lookup(QStringLiteral("AC-110")), std::nullopt));
    finish(key,
           timedOut(*job, QStringLiteral("%1 s").arg(m_policy.maxDurationMs / 1000.0, 0, 'f', 0)));
}

JobResult JobRunner::timedOut(const Job &job, const QString &why) const
{
    JobResult r = base(job, JobOutcome::TimedOut);
    r.message = QStringLiteral("The %1 job %2 did not finish within %3 (the bound is %4 s or %5 "
                               "checks, and a fresh one after MFA).")
                    .arg(api::jobTypeName(job.type), job.jobId, why)
                    .arg(m_policy.maxDurationMs / 1000.0, 0, 'f', 0)
                    .arg(m_policy.maxAttempts);
    r.nextStep =
        QStringLiteral("The bank is slow to answer. Check the job again in a few minutes (it may "
                       "still complete), or start it again later; starting another one now gives "
                       "AC-112 while this one runs.");
    return r;
}

void JobRunner::fetch(quint64 key)
{
    Job &job = *find(key);
    QPointer<JobRunner> self(this);
    auto fail = [self, key](const ApiError &e) {
        if (Job *j = self->find(key))
            self->finish(key, self->fromError(*j, e.info, e));
    };
    auto done = [self, key](auto setter) {
        Job *j = self->find(key);
        JobResult r = self->base(*j, JobOutcome::Completed);
        setter(r);
        r.message =
            QStringLiteral("The %1 job %2 completed.").arg(api::jobTypeName(j->type), j->jobId);
        self->finish(key, r);
    };
    switch (job.type) {
    case api::JobType::Balance:
        m_client.getBalance(job.connectionId,
                            [self, key, fail, done](Result<api::Balance, ApiError> b) {
                                if (!self)
                                    return;
                                self->paced([self, key, fail, done, b] {
                                    if (!self || !self->find(key))
                                        return;
                                    if (!b.ok())
                                        return fail(b.error());
                                    done([&](JobResult &r) { r.balance = *b; });
                                });
                            });
        break;
    case api::JobType::Transactions:
        m_client.getTransactions(job.connectionId, job.jobId,
                                 [self, key, fail, done](Result<api::TransactionList, ApiError> t) {
                                     if (!self)
                                         return;
                                     self->paced([self, key, fail, done, t] {
                                         if (!self || !self->find(key))
                                             return;
                                         if (!t.ok())
                                             return fail(t.error());
                                         done([&](JobResult &r) { r.transactions = *t; });
                                     });
                                 });
        break;
    case api::JobType::Identity:
        m_client.getIdentity(job.connectionId,
                             [self, key, fail, done](Result<api::Identity, ApiError> i) {
                                 if (!self)
                                     return;
                                 self->paced([self, key, fail, done, i] {
                                     if (!self || !self->find(key))
                                         return;
                                     if (!i.ok())
                                         return fail(i.error());
                                     done([&](JobResult &r) { r.identity = *i; });
                                 });
                             });
        break;
    }
}

void JobRunner::cancel(quint64 key)
{
    Job *job = find(key);
    if (!job)
        return;
    JobResult r = base(*job, JobOutcome::Cancelled);
    r.message = QStringLiteral("Stopped watching the %1 job %2.")
                    .arg(api::jobTypeName(job->type), job->jobId);
    r.nextStep = QStringLiteral(
        "The job may still finish at the bank; a new job of this type gives AC-112 until it does.");
    finish(key, r);
}

void JobRunner::mfaCompleted(quint64 key)
{
    Job *job = find(key);
    if (!job)
        return;
    job->mfaPending = false;
    job->attempt = 0;
    job->mfaDoneAfterSeq = job->pollSeq;
    job->boundStartMs = m_clock.monotonicMs();
    armDeadline(*job, job->boundStartMs + m_policy.maxDurationMs);
    qCInfo(aerodesk::log::jobs) << "job" << key
                                << "MFA relaunch completed; polling with a fresh bound";
    schedulePoll(*job, 0);
}

void JobRunner::finish(quint64 key, JobResult result)
{
    const auto it = m_jobs.find(key);
    if (it == m_jobs.end())
        return;
    it->second->timer.stop();
    it->second->deadline.stop();
    const auto running = m_running.find({ it->second->connectionId, int(it->second->type) });
    if (running != m_running.end() && running->second == key)
        m_running.erase(running);
    // Delete later: we may be inside the job's own callback chain.
    m_finished.push_back(std::move(it->second));
    m_jobs.erase(it);
    QTimer::singleShot(0, this, [this] { m_finished.clear(); });
    const QString ended =
        QStringLiteral("job %1 %2 %3 ended: %4%5 after %6 polls, %7 ms")
            .arg(key)
            .arg(api::jobTypeName(result.type), result.jobId, jobOutcomeName(result.outcome),
                 result.error.code.isEmpty() ? QString() : QLatin1Char(' ') + result.error.code)
            .arg(result.attempts)
            .arg(result.elapsedMs);
    if (result.outcome == JobOutcome::Completed || result.outcome == JobOutcome::Cancelled)
        qCInfo(aerodesk::log::jobs).noquote() << ended;
    else if (result.apiError)
        qCWarning(aerodesk::log::jobs).noquote()
            << ended << "-" << api::apiErrorLogText(*result.apiError);
    else
        qCWarning(aerodesk::log::jobs).noquote() << ended << "-" << result.message;
    Q_EMIT finished(result);
}

} // namespace aerodesk::jobs
