// JobRunner against the real sandbox over HTTPS (time scale 0.05: jobs take well under a
// second, the MFA window is 6 s).
#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/api/LinkWidgetSession.h"
#include "core/jobs/JobRunner.h"
#include "tests/core/api/ClientHarness.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <optional>

using namespace aerodesk;
using namespace aerodesk::jobs;
using aerodesk::api::JobType;

namespace {
struct SandboxRig
{
    bool start()
    {
        if (!h.start())
            return false;
        client = h.makeClient(clock);
        PollPolicy p;
        p.initialIntervalMs = 100;
        p.maxIntervalMs = 300;
        p.mfaWindowMs = 6000;
        p.mfaGraceMs = 10000;
        runner = std::make_unique<JobRunner>(*client, clock, p);
        QObject::connect(runner.get(), &JobRunner::finished, &ctx,
                         [this](const JobResult &r) { results.append(r); });
        QObject::connect(
            runner.get(), &JobRunner::mfaRequired, &ctx,
            [this](quint64 key, const QString &jobId, const QString &, const QDateTime &) {
                mfa.append({ key, jobId });
            });
        QObject::connect(&client->transport(), &api::HttpTransport::requestStarted, &ctx,
                         [this](const QByteArray &m, const QString &path) {
                             if (m == "POST" && path.endsWith(QLatin1String("/refresh")))
                                 ++balanceCreates;
                         });
        return true;
    }
    JobResult wait(int before)
    {
        EXPECT_TRUE(test::waitUntil([&] { return results.size() > before; }, 60000));
        return results.value(before);
    }
    /// Plays the widget's MFA relaunch through LinkWidgetSession (fresh widget token, handleMFA +
    /// jobId + connectionId), answering the code prompt with `code`.
    api::LinkWidgetResult relaunchMfa(const QString &jobId, const QString &connectionId,
                                      const QString &code)
    {
        api::LinkWidgetEventDispatcher dispatcher;
        api::LinkWidgetSession session(*client, dispatcher);
        QStringList states;
        std::optional<api::LinkWidgetResult> result;
        QObject::connect(&session, &api::LinkWidgetSession::stepReady, &ctx,
                         [&](const api::LinkWidgetStep &step) {
                             states.append(step.state);
                             if (step.state == QLatin1String("mfa"))
                                 session.submitMfaCode(code);
                             else
                                 session.close();
                         });
        QObject::connect(&session, &api::LinkWidgetSession::finished, &ctx,
                         [&](const api::LinkWidgetResult &r) { result = r; });
        session.startMfaRelaunch(jobId, connectionId);
        EXPECT_TRUE(test::waitUntil([&] { return result.has_value(); }, 30000));
        EXPECT_EQ(states, QStringList { QStringLiteral("mfa") }); // straight to the code
        return result.value_or(api::LinkWidgetResult());
    }

    test::ClientHarness h;
    SystemClock clock;
    std::unique_ptr<api::ApiClient> client;
    std::unique_ptr<JobRunner> runner;
    QObject ctx;
    QList<JobResult> results;
    QList<QPair<quint64, QString>> mfa;
    int balanceCreates = 0;
};
} // namespace

TEST(JobRunnerSandbox, BalanceTransactionsIdentityComplete)
{
    SandboxRig rig;
    ASSERT_TRUE(rig.start());
    const QString c = rig.h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty()) << rig.h.sandbox.lastError().toStdString();
    rig.runner->start(JobType::Balance, c);
    const JobResult b = rig.wait(0);
    EXPECT_EQ(b.outcome, JobOutcome::Completed) << b.message.toStdString();
    EXPECT_TRUE(b.balance.has_value());
    rig.runner->start(JobType::Transactions, c);
    rig.runner->start(JobType::Identity, c);
    ASSERT_TRUE(test::waitUntil([&] { return rig.results.size() == 3; }, 60000));
    for (const auto &r : rig.results)
        EXPECT_EQ(r.outcome, JobOutcome::Completed) << r.message.toStdString();
}

TEST(JobRunnerSandbox, RemoteAc112NamesTheRunningJob)
{
    SandboxRig rig;
    ASSERT_TRUE(rig.start());
    const QString c = rig.h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty());
    // Another client starts an identity job first.
    const auto other = rig.h.sandbox.request(
        "POST", QStringLiteral("/v2/accounts/%1/identity").arg(c), {}, rig.h.sandbox.bearer());
    const QString running = other.json.value(QStringLiteral("jobId")).toString();
    ASSERT_FALSE(running.isEmpty()) << other.body.toStdString();
    rig.runner->start(JobType::Identity, c);
    const JobResult r = rig.wait(0);
    EXPECT_EQ(r.outcome, JobOutcome::AlreadyRunning) << r.message.toStdString();
    EXPECT_EQ(r.runningJobId, running);
    EXPECT_EQ(r.message, QStringLiteral("already running: %1").arg(running));
}

TEST(JobRunnerSandbox, MfaPromptRelaunchThenCompletion)
{
    SandboxRig rig;
    ASSERT_TRUE(rig.start());
    const QString c = rig.h.sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty()) << rig.h.sandbox.lastError().toStdString();
    const quint64 key = rig.runner->start(JobType::Balance, c);
    ASSERT_TRUE(test::waitUntil([&] { return !rig.mfa.isEmpty(); }, 30000));
    const api::LinkWidgetResult relaunch =
        rig.relaunchMfa(rig.mfa.first().second, c, QStringLiteral("1234"));
    EXPECT_EQ(relaunch.outcome, api::LinkWidgetResult::Outcome::Linked)
        << relaunch.message.toStdString();
    EXPECT_EQ(relaunch.success.connectionId, c);
    rig.runner->mfaCompleted(key);
    const JobResult r = rig.wait(0);
    EXPECT_EQ(r.outcome, JobOutcome::Completed) << r.message.toStdString();
    EXPECT_EQ(rig.mfa.size(), 1);
}

TEST(JobRunnerSandbox, Ac110WhenTheWindowPasses)
{
    SandboxRig rig;
    ASSERT_TRUE(rig.start());
    const QString c = rig.h.sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty());
    rig.runner->start(JobType::Balance, c);
    const JobResult r = rig.wait(0); // nobody answers MFA: the sandbox fails the job with AC-110
    EXPECT_EQ(rig.mfa.size(), 1);
    EXPECT_EQ(r.outcome, JobOutcome::MfaTimedOut) << r.message.toStdString();
    EXPECT_EQ(r.error.retry, api::RetryPolicy::RelaunchMfa);
}

TEST(JobRunnerSandbox, Ac108EndsWithoutRetry)
{
    SandboxRig rig;
    ASSERT_TRUE(rig.start());
    const QString c = rig.h.sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty());
    rig.runner->start(JobType::Balance, c);
    ASSERT_TRUE(test::waitUntil([&] { return !rig.mfa.isEmpty(); }, 30000));
    const api::LinkWidgetResult lockout =
        rig.relaunchMfa(rig.mfa.first().second, c, QStringLiteral("0002")); // sandbox: lockout
    EXPECT_EQ(lockout.error.code, QStringLiteral("AC-108"));
    const JobResult r = rig.wait(0);
    EXPECT_EQ(r.outcome, JobOutcome::MfaLocked) << r.message.toStdString();
    EXPECT_EQ(r.error.retry, api::RetryPolicy::Never);
    const int creates = rig.balanceCreates;
    // Let the event loop run (another job on another connection) and check nothing was retried.
    const QString other = rig.h.sandbox.linkConnection(QStringLiteral("oauth"));
    rig.runner->start(JobType::Identity, other);
    rig.wait(1);
    EXPECT_EQ(rig.balanceCreates, creates);
    EXPECT_EQ(creates, 1);
}

TEST(JobRunnerSandbox, TimesOutByTheBound)
{
    SandboxRig rig;
    ASSERT_TRUE(rig.start());
    const QString c = rig.h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty());
    PollPolicy tiny = rig.runner->policy();
    tiny.initialIntervalMs = 1;
    tiny.maxIntervalMs = 1;
    tiny.maxAttempts = 1;
    rig.runner->setPolicy(tiny);
    rig.runner->start(JobType::Identity, c);
    const JobResult r = rig.wait(0);
    EXPECT_EQ(r.outcome, JobOutcome::TimedOut) << r.message.toStdString();
    EXPECT_FALSE(r.nextStep.isEmpty());
}

// Many jobs at once (issue 14): the sends and answers go through the paced queue and the first
// polls are spread, yet every job still polls within its first interval (plus its spread), and
// every job reaches its final state, one per (connection, type).
TEST(JobRunnerSandbox, ManyJobsAtOnceArePacedAndAllComplete)
{
    SandboxRig rig;
    ASSERT_TRUE(rig.start());
    const JobType types[] = { JobType::Balance, JobType::Transactions, JobType::Identity };
    constexpr int kConnections = 20;
    QStringList ids;
    for (int i = 0; i < kConnections; ++i) {
        ids << rig.h.sandbox.linkConnection(QStringLiteral("oauth"));
        ASSERT_FALSE(ids.last().isEmpty()) << rig.h.sandbox.lastError().toStdString();
    }
    // Job key → monotonic ms of its creation (attempt 0) and of its first poll's answer.
    QHash<quint64, qint64> createdAt, firstPolledAt;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(rig.runner.get(), &JobRunner::progress, &rig.ctx,
                     [&](quint64 key, api::JobState, int attempt, qint64, qint64) {
                         if (attempt == 0)
                             createdAt.insert(key, clock.elapsed());
                         else if (!firstPolledAt.contains(key))
                             firstPolledAt.insert(key, clock.elapsed());
                     });
    QList<quint64> keys;
    for (int i = 0; i < kConnections * 3; ++i)
        keys << rig.runner->start(types[i % 3], ids.at(i / 3));
    EXPECT_EQ(rig.runner->pacing().turns(), 0) << "nothing is sent inside start()";
    ASSERT_TRUE(test::waitUntil([&] { return rig.results.size() == keys.size(); }, 60000));

    QSet<quint64> ended;
    for (const JobResult &r : std::as_const(rig.results)) {
        EXPECT_EQ(r.outcome, JobOutcome::Completed) << r.message.toStdString();
        EXPECT_GE(r.attempts, 1);
        ended.insert(r.key);
    }
    EXPECT_EQ(ended.size(), keys.size()) << "each job ended exactly once";
    const PollPolicy &p = rig.runner->policy();
    QSet<int> firstDelays;
    for (quint64 key : std::as_const(keys)) {
        ASSERT_TRUE(createdAt.contains(key) && firstPolledAt.contains(key)) << key;
        const int delay = p.firstPollDelayMs(key);
        firstDelays.insert(delay);
        EXPECT_GE(delay, p.intervalForAttempt(1));
        EXPECT_LE(delay, p.intervalForAttempt(1) * 3 / 2);
        // The first poll's answer within its (spread) interval, with room for a loaded machine.
        EXPECT_LE(firstPolledAt.value(key) - createdAt.value(key), delay + 2000) << key;
    }
    EXPECT_GE(firstDelays.size(), keys.size() / 2) << "the first polls are spread, not equal";
    EXPECT_GT(rig.runner->pacing().turns(), 1);
    EXPECT_EQ(rig.runner->pacing().pending(), 0);
    EXPECT_EQ(rig.runner->activeCount(), 0);
    for (const QString &c : std::as_const(ids))
        for (JobType t : types)
            EXPECT_FALSE(rig.runner->runningJob(c, t).has_value());
}
