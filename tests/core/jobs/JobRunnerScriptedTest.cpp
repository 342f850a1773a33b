#include "core/crypto/Random.h"
#include "core/jobs/JobRunner.h"
#include "core/keychain/Keychain.h"
#include "core/util/Clock.h"
#include "tests/core/jobs/ScriptedAerosync.h"
#include "tests/support/Wait.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::jobs;
using aerodesk::api::JobState;
using aerodesk::api::JobType;

namespace {
/// Real keychain (unique profile), ApiClient on the scripted peer, a fast poll policy.
struct Rig
{
    Rig()
    {
        keychain = std::make_unique<keychain::Keychain>(
            QStringLiteral("aerodesk-test-jobs-%1")
                .arg(QString::fromLatin1(crypto::Random::hex(6))));
        write(QStringLiteral("apiKey"), "k");
        write(QStringLiteral("apiSecret"), "s");
        api::Environment env = peer.environment(keychain->profile());
        env.requestTimeoutMs = 5000;
        client = std::make_unique<api::ApiClient>(env, *keychain, clock);
        PollPolicy p;
        p.initialIntervalMs = 10;
        p.maxIntervalMs = 30;
        p.maxAttempts = 5;
        p.maxDurationMs = 5000;
        p.mfaWindowMs = 2000;
        p.mfaGraceMs = 2000;
        runner = std::make_unique<JobRunner>(*client, clock, p);
        QObject::connect(runner.get(), &JobRunner::finished, &ctx,
                         [this](const JobResult &r) { results.append(r); });
        QObject::connect(
            runner.get(), &JobRunner::mfaRequired, &ctx,
            [this](quint64 key, const QString &, const QString &c, const QDateTime &ends) {
                mfa.append({ key, c });
                mfaEnds = ends;
            });
        QObject::connect(runner.get(), &JobRunner::progress, &ctx,
                         [this](quint64, JobState s, int, qint64, qint64) { states.append(s); });
    }
    ~Rig()
    {
        int pending = 2;
        for (const QString &n : { QStringLiteral("apiKey"), QStringLiteral("apiSecret") })
            keychain->remove(n, [&](const keychain::KeychainError &) { --pending; });
        test::waitUntil([&] { return pending == 0; }, 10000);
    }
    void write(const QString &name, const char *value)
    {
        bool done = false;
        keychain->write(name, crypto::SecureBytes(QByteArrayView(value)),
                        [&](const keychain::KeychainError &e) {
                            EXPECT_TRUE(e.ok()) << e.message.toStdString();
                            done = true;
                        });
        EXPECT_TRUE(test::waitUntil([&] { return done; }, 20000));
    }
    JobResult run(JobType type, const QString &connection)
    {
        const int before = results.size();
        runner->start(type, connection);
        EXPECT_TRUE(test::waitUntil([&] { return results.size() > before; }, 20000));
        return results.value(before);
    }

    test::ScriptedAerosync peer;
    SystemClock clock;
    std::unique_ptr<keychain::Keychain> keychain;
    std::unique_ptr<api::ApiClient> client;
    std::unique_ptr<JobRunner> runner;
    QObject ctx;
    QList<JobResult> results;
    QList<QPair<quint64, QString>> mfa;
    QDateTime mfaEnds;
    QList<JobState> states;
};
} // namespace

TEST(PollPolicyTest, BacksOffToTheCap)
{
    PollPolicy p;
    EXPECT_EQ(p.intervalForAttempt(1), 1000);
    EXPECT_EQ(p.intervalForAttempt(2), 1500);
    EXPECT_EQ(p.intervalForAttempt(3), 2250);
    EXPECT_EQ(p.intervalForAttempt(4), 3000);
    EXPECT_EQ(p.intervalForAttempt(30), 3000);
    EXPECT_EQ(p.maxAttempts, 30);
    EXPECT_EQ(p.maxDurationMs, 90000);
}

TEST(JobRunnerScripted, CompletedFetchesEachKind)
{
    Rig rig;
    const JobResult b = rig.run(JobType::Balance, QStringLiteral("okA"));
    EXPECT_EQ(b.outcome, JobOutcome::Completed) << b.message.toStdString();
    ASSERT_TRUE(b.balance.has_value());
    EXPECT_DOUBLE_EQ(*b.balance->availableBalance, 3124.25);
    EXPECT_TRUE(b.jobId.startsWith(QStringLiteral("REF-")));
    EXPECT_TRUE(rig.states.contains(JobState::InProgress));
    EXPECT_TRUE(rig.states.contains(JobState::Completed));

    const JobResult t = rig.run(JobType::Transactions, QStringLiteral("okA"));
    ASSERT_EQ(t.outcome, JobOutcome::Completed);
    ASSERT_TRUE(t.transactions.has_value());
    EXPECT_EQ(t.transactions->transactions.size(), 1);
    const JobResult i = rig.run(JobType::Identity, QStringLiteral("okA"));
    ASSERT_EQ(i.outcome, JobOutcome::Completed);
    EXPECT_EQ(i.identity->accountHolderName, QStringLiteral("Pat Doe"));
    EXPECT_EQ(rig.peer.tokenRequests, 1);
}

TEST(JobRunnerScripted, FailedCarriesTheCatalogueExplanation)
{
    Rig rig;
    const JobResult r = rig.run(JobType::Balance, QStringLiteral("failA"));
    EXPECT_EQ(r.outcome, JobOutcome::Failed);
    EXPECT_EQ(r.error.code, QStringLiteral("AC-103"));
    EXPECT_FALSE(r.nextStep.isEmpty());
}

TEST(JobRunnerScripted, TimesOutByTheAttemptBound)
{
    Rig rig;
    const JobResult r = rig.run(JobType::Identity, QStringLiteral("slowA"));
    EXPECT_EQ(r.outcome, JobOutcome::TimedOut);
    EXPECT_EQ(r.attempts, 5);
    EXPECT_EQ(rig.peer.polls.value(QStringLiteral("slowA")), 5);
    EXPECT_FALSE(r.nextStep.isEmpty());
}

TEST(JobRunnerScripted, LocalExclusivityNamesTheRunningJob)
{
    Rig rig;
    rig.runner->start(JobType::Identity, QStringLiteral("slowB"));
    ASSERT_TRUE(test::waitUntil([&] { return !rig.runner->jobId(1).isEmpty(); }, 10000));
    const QString running = rig.runner->jobId(1);
    const JobResult second = rig.run(JobType::Identity, QStringLiteral("slowB"));
    EXPECT_EQ(second.outcome, JobOutcome::AlreadyRunning);
    EXPECT_EQ(second.runningJobId, running);
    EXPECT_EQ(second.message, QStringLiteral("already running: %1").arg(running));
    EXPECT_EQ(rig.peer.creates.value(QStringLiteral("slowB")), 1)
        << "refused locally: no second POST";
    // A different type on the same connection may run.
    rig.runner->start(JobType::Transactions, QStringLiteral("slowB"));
    EXPECT_TRUE(test::waitUntil(
        [&] { return rig.peer.creates.value(QStringLiteral("slowB")) == 2; }, 10000));
    rig.runner->cancel(1);
}

TEST(JobRunnerScripted, RemoteAc112IsHandledTheSameWay)
{
    Rig rig;
    const JobResult r = rig.run(JobType::Balance, QStringLiteral("busyA"));
    EXPECT_EQ(r.outcome, JobOutcome::AlreadyRunning);
    EXPECT_EQ(r.runningJobId, QStringLiteral("REF-0123456789abcdef0123456789abcdef"));
    EXPECT_EQ(r.message, QStringLiteral("already running: REF-0123456789abcdef0123456789abcdef"));
}

TEST(JobRunnerScripted, ManualLinkIsSkippedWithoutAPost)
{
    Rig rig;
    const JobResult r = rig.run(JobType::Balance, QStringLiteral("manualA"));
    EXPECT_EQ(r.outcome, JobOutcome::Skipped);
    EXPECT_EQ(r.error.code, QStringLiteral("AC-105"));
    EXPECT_TRUE(r.message.contains(QStringLiteral("canFetchBalance")));
    EXPECT_EQ(rig.peer.creates.value(QStringLiteral("manualA")), 0);
}

TEST(JobRunnerScripted, MfaPromptThenRelaunchThenCompletion)
{
    Rig rig;
    const int before = rig.results.size();
    const quint64 key = rig.runner->start(JobType::Balance, QStringLiteral("mfaA"));
    ASSERT_TRUE(test::waitUntil([&] { return !rig.mfa.isEmpty(); }, 10000));
    EXPECT_EQ(rig.mfa.first().first, key);
    EXPECT_EQ(rig.mfa.first().second, QStringLiteral("mfaA"));
    EXPECT_TRUE(rig.mfaEnds > QDateTime::currentDateTimeUtc());
    EXPECT_EQ(rig.runner->mfaDeadline(key), rig.mfaEnds);
    // Several polls while pending: still one prompt, no timeout by the attempt bound.
    const int polls = rig.peer.polls.value(QStringLiteral("mfaA"));
    ASSERT_TRUE(test::waitUntil(
        [&] { return rig.peer.polls.value(QStringLiteral("mfaA")) >= polls + 6; }, 10000));
    EXPECT_EQ(rig.mfa.size(), 1);
    EXPECT_EQ(rig.results.size(), before);
    // The widget's MFA step completes; the caller tells the runner.
    rig.peer.mfaDone[QStringLiteral("mfaA")] = true;
    rig.runner->mfaCompleted(key);
    ASSERT_TRUE(test::waitUntil([&] { return rig.results.size() > before; }, 10000));
    EXPECT_EQ(rig.results.last().outcome, JobOutcome::Completed);
    EXPECT_TRUE(rig.results.last().balance.has_value());
}

TEST(JobRunnerScripted, Ac110EndsWithRelaunchAdvice)
{
    Rig rig;
    const JobResult r = rig.run(JobType::Balance, QStringLiteral("mfatimeoutA"));
    EXPECT_EQ(rig.mfa.size(), 1);
    EXPECT_EQ(r.outcome, JobOutcome::MfaTimedOut);
    EXPECT_EQ(r.error.retry, api::RetryPolicy::RelaunchMfa);
}

TEST(JobRunnerScripted, Ac108EndsWithoutAnyRetry)
{
    Rig rig;
    const JobResult r = rig.run(JobType::Balance, QStringLiteral("lockedA"));
    EXPECT_EQ(r.outcome, JobOutcome::MfaLocked);
    EXPECT_EQ(r.error.retry, api::RetryPolicy::Never);
    // Give any (wrong) automatic retry the chance to happen, then check none did.
    const int polls = rig.peer.polls.value(QStringLiteral("lockedA"));
    const JobResult other =
        rig.run(JobType::Identity, QStringLiteral("okZ")); // the event loop runs meanwhile
    EXPECT_EQ(other.outcome, JobOutcome::Completed);
    EXPECT_EQ(rig.peer.creates.value(QStringLiteral("lockedA")), 1);
    EXPECT_EQ(rig.peer.polls.value(QStringLiteral("lockedA")), polls);
    // A new job on the locked connection is refused by the server with 429 AC-108.
    const JobResult again = rig.run(JobType::Balance, QStringLiteral("lockedA"));
    EXPECT_EQ(again.outcome, JobOutcome::MfaLocked);
    ASSERT_TRUE(again.apiError.has_value());
    EXPECT_EQ(again.apiError->kind, api::ApiError::Kind::RateLimited);
}

TEST(JobRunnerScripted, CancelStopsPolling)
{
    Rig rig;
    const quint64 key = rig.runner->start(JobType::Identity, QStringLiteral("slowC"));
    ASSERT_TRUE(
        test::waitUntil([&] { return rig.peer.polls.value(QStringLiteral("slowC")) >= 1; }, 10000));
    rig.runner->cancel(key);
    ASSERT_FALSE(rig.results.isEmpty());
    EXPECT_EQ(rig.results.last().outcome, JobOutcome::Cancelled);
    EXPECT_EQ(rig.runner->activeCount(), 0);
    EXPECT_FALSE(rig.runner->runningJob(QStringLiteral("slowC"), JobType::Identity).has_value());
}

TEST(JobRunnerScripted, HundredsOfJobsAtOnce)
{
    Rig rig;
    for (int i = 0; i < 300; ++i)
        rig.runner->start(JobType::Identity, QStringLiteral("ok%1").arg(i));
    ASSERT_TRUE(test::waitUntil([&] { return rig.results.size() == 300; }, 60000))
        << rig.results.size();
    int completed = 0;
    for (const auto &r : rig.results)
        completed += r.outcome == JobOutcome::Completed;
    EXPECT_EQ(completed, 300);
    EXPECT_EQ(rig.peer.tokenRequests, 1);
}

// Each bound of PollPolicy holds by itself, whatever the polls answer. The policy is the
// production one scaled down (90 s → 900 ms), so the duration bound is exercised for real.
namespace {
PollPolicy scaled()
{
    PollPolicy p;
    p.initialIntervalMs = 20;
    p.maxIntervalMs = 60;
    p.maxAttempts = 30;
    p.maxDurationMs = 900;
    p.mfaWindowMs = 600;
    p.mfaGraceMs = 300;
    return p;
}
} // namespace

TEST(JobRunnerBounds, TheDurationBoundEndsAJobBeforeItsAttemptsRunOut)
{
    Rig rig;
    PollPolicy p = scaled();
    p.initialIntervalMs = p.maxIntervalMs = 100; // ~9 polls in 900 ms, far from 30
    rig.runner->setPolicy(p);
    QElapsedTimer t;
    t.start();
    const JobResult r = rig.run(JobType::Identity, QStringLiteral("slowD"));
    EXPECT_EQ(r.outcome, JobOutcome::TimedOut);
    EXPECT_LT(r.attempts, 30);
    EXPECT_GE(t.elapsed(), 850);
    EXPECT_LT(t.elapsed(), 900 + 1500) << "the duration bound did not hold";
    EXPECT_TRUE(r.message.contains(QLatin1String("did not finish"))) << r.message.toStdString();
}

TEST(JobRunnerBounds, TheAttemptBoundEndsAFastPollingJob)
{
    Rig rig;
    PollPolicy p = scaled();
    p.maxDurationMs = 60000;
    p.initialIntervalMs = p.maxIntervalMs = 5;
    rig.runner->setPolicy(p);
    const JobResult r = rig.run(JobType::Identity, QStringLiteral("slowE"));
    EXPECT_EQ(r.outcome, JobOutcome::TimedOut);
    EXPECT_EQ(r.attempts, 30);
    EXPECT_EQ(rig.peer.polls.value(QStringLiteral("slowE")), 30);
}

TEST(JobRunnerBounds, FailingPollsDuringMfaEndAtTheWindowAndItsGrace)
{
    Rig rig;
    PollPolicy p = scaled();
    // Room for three retried polls inside the window on a loaded machine (the first poll is
    // spread over half an interval and sends are paced per event-loop turn).
    p.mfaWindowMs = 1500;
    p.mfaGraceMs = 500;
    rig.runner->setPolicy(p);
    QElapsedTimer t;
    t.start();
    const JobResult r = rig.run(JobType::Balance, QStringLiteral("mfaflakyA"));
    EXPECT_EQ(rig.mfa.size(), 1);
    EXPECT_EQ(r.outcome, JobOutcome::MfaTimedOut);
    EXPECT_EQ(r.error.code, QStringLiteral("AC-110"));
    EXPECT_GE(rig.peer.polls.value(QStringLiteral("mfaflakyA")), 3) << "the 502s were retried";
    EXPECT_LT(t.elapsed(), p.mfaWindowMs + p.mfaGraceMs + 1500)
        << "failing polls stretched the MFA bound";
}

TEST(JobRunnerBounds, AfterMfaAFreshBoundAndNeverBeyondTheSum)
{
    Rig rig;
    PollPolicy p = scaled();
    p.mfaWindowMs = 1500; // room for a loaded machine between the MFA prompt and its completion
    p.mfaGraceMs = 500;
    rig.runner->setPolicy(p);
    QElapsedTimer t;
    t.start();
    const int before = rig.results.size();
    const quint64 key = rig.runner->start(JobType::Balance, QStringLiteral("mfaslowA"));
    ASSERT_TRUE(test::waitUntil([&] { return !rig.mfa.isEmpty(); }, 10000));
    // The MFA step completes near the end of the window: the fresh bound starts then.
    test::waitUntil([] { return false; }, 400);
    const int pollsAtMfa = rig.peer.polls.value(QStringLiteral("mfaslowA"));
    rig.peer.mfaDone[QStringLiteral("mfaslowA")] = true;
    QElapsedTimer afterMfa;
    afterMfa.start();
    rig.runner->mfaCompleted(key);
    ASSERT_TRUE(test::waitUntil([&] { return rig.results.size() > before; }, 10000));
    const JobResult r = rig.results.last();
    EXPECT_EQ(r.outcome, JobOutcome::TimedOut);
    EXPECT_GE(afterMfa.elapsed(), 850) << "the bound after MFA was not a fresh one";
    EXPECT_GT(rig.peer.polls.value(QStringLiteral("mfaslowA")), pollsAtMfa);
    EXPECT_LT(t.elapsed(), p.totalBoundMs() + 1500);
    EXPECT_EQ(rig.mfa.size(), 1) << "an answer sent before the MFA step reopened MFA";

    // A job that keeps going back to MFA is stopped by the total bound.
    QElapsedTimer total;
    total.start();
    const JobResult loop = rig.run(JobType::Balance, QStringLiteral("mfarepeatA"));
    EXPECT_EQ(loop.outcome, JobOutcome::TimedOut);
    EXPECT_TRUE(loop.message.contains(QLatin1String("total bound"))) << loop.message.toStdString();
    EXPECT_GE(total.elapsed(), p.totalBoundMs() - 100);
    EXPECT_LT(total.elapsed(), p.totalBoundMs() + 1500);
}
