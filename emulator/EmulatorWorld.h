#pragma once

#include "emulator/EmulatorOptions.h"
#include "emulator/EmulatorTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QStringList>

#include <random>

namespace aerodesk::emulator {

/// The sandbox's state and rules, without HTTP: connections, jobs and their state machine.
/// Job states are computed lazily from timestamps when asked, so 100,000 connections and
/// hundreds of running jobs cost no timers. Every random choice about the DATA (ids, banks,
/// amounts, durations) comes from one seeded engine; credentials and capabilities never do (they
/// come from core/crypto/Random, in EmulatorServer, TokenIssuer and LinkWidgetSessions).
class EmulatorWorld
{
public:
    enum class JobState { Initiated, InProgress, PendingMfa, Completed, Failed };

    struct CreateResult
    {
        EmulatedJob *job = nullptr;
        int httpStatus = 200;
        QString code;
        QString message;
    };

    explicit EmulatorWorld(const EmulatorOptions &options);

    const EmulatorOptions &options() const { return m_options; }
    qint64 nowMs() const { return m_clock.elapsed(); }
    /// A design duration (seconds in the reference) scaled by --time-scale, in ms (>= 1).
    qint64 scaledMs(double designSeconds) const;

    QString randomHex(int bytes);
    QString randomUuid();
    double uniform(double low, double high);

    // Connections
    EmulatedConnection &link(TestBank bank, const QString &aeroPassUserUuid);
    void renew(EmulatedConnection &connection);
    EmulatedConnection *connection(const QString &connectionId);
    bool remove(const QString &connectionId);
    bool isExpired(const EmulatedConnection &connection) const;
    const QStringList &connectionOrder() const { return m_order; }
    int connectionCount() const { return int(m_connections.size()); }
    /// Creates `count` connections with a spread of expiries (some expired, some within 7 and
    /// 30 days, most later). Returns how many were made.
    int seed(int count);

    // Jobs
    CreateResult createJob(const QString &connectionId, JobType type, const QString &startDate = {},
                           const QString &endDate = {});
    EmulatedJob *job(const QString &jobId);
    JobState stateOf(EmulatedJob &job);
    /// The non-terminal job of this type on this connection, if any.
    EmulatedJob *runningJob(const QString &connectionId, JobType type);
    void completeMfa(EmulatedJob &job);
    /// Ids of jobs not yet reported terminal (for the webhook sweep); retire() drops one.
    QStringList activeJobIds() const { return QStringList(m_active.cbegin(), m_active.cend()); }
    void retire(const QString &jobId) { m_active.remove(jobId); }
    /// True once any job of `type` on the connection has reached COMPLETED.
    bool hasCompletedJob(const QString &connectionId, JobType type);
    /// Seeded, deterministic transactions for a connection (section 2, #8 of the reference).
    QJsonArray transactions(const QString &connectionId);
    /// Ends the job FAILED with `code`; AC-108 also locks job creation on the connection.
    void failJob(EmulatedJob &job, const QString &code, const QString &message);

    qint64 mfaWindowMs() const { return scaledMs(120); }
    qint64 lockoutMs() const { return scaledMs(15 * 60); }

private:
    EmulatorOptions m_options;
    QElapsedTimer m_clock;
    std::mt19937_64 m_rng;
    QHash<QString, EmulatedConnection> m_connections;
    QStringList m_order;
    QHash<QString, EmulatedJob> m_jobs;
    QSet<QString> m_active; ///< jobs whose terminal state was not yet published
    QSet<QString> m_completed; ///< "<connectionId>/<prefix>" that have completed once
    QHash<QString, QString> m_latestJob; ///< "<connectionId>/<prefix>" -> newest jobId
};

} // namespace aerodesk::emulator
