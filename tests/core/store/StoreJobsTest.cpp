// StoreJobs (docs/team.md, "The console's writes"): the console's single writes on a thread of
// their own with their own connection — in order, answered on the caller's thread, never
// holding the caller while the server makes a write wait, announced under the console's
// session id. Real SQLite files and a real PostgreSQL 15, real threads.
#include "core/store/StoreJobs.h"

#include "core/crypto/Random.h"
#include "core/store/ConnectionRepository.h"
#include "core/store/Store.h"
#include "core/store/StoreChange.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>
#include <memory>
#include <optional>

using namespace aerodesk;
using connections::Connection;
using store::Store;
using store::StoreError;
using store::StoreJobs;
using test::Backend;

namespace {

Connection jobRow(int i)
{
    Connection c;
    c.connectionId = QStringLiteral("10b5%1").arg(i, 28, 16, QLatin1Char('0'));
    c.bankName = QStringLiteral("Jobs Bank %1").arg(i);
    c.status = QStringLiteral("CONNECTED");
    return c;
}

class StoreJobsTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        auto opened = where.open(key);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        console = std::move(opened).value();
    }
    test::StoreBackend where { GetParam() };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    std::unique_ptr<Store> console;
};

} // namespace

TEST_P(StoreJobsTest, JobsRunInOrderOnTheirOwnThreadAndAnswerOnTheCallersThread)
{
    constexpr int kJobs = 40;
    StoreJobs jobs(*console);
    QObject context;
    QList<int> answered;
    QSet<QThread *> workThreads;
    bool answersOnCaller = true;
    for (int i = 0; i < kJobs; ++i) {
        jobs.run<int>(
            &context,
            [i, &workThreads](Store *db, const StoreError &openError) {
                workThreads.insert(QThread::currentThread()); // one job at a time: no race
                if (!db) {
                    ADD_FAILURE() << openError.message.toStdString();
                    return -1;
                }
                return db->connections().upsert(jobRow(i)).ok() ? i : -1;
            },
            [&](int result) {
                answersOnCaller = answersOnCaller && QThread::currentThread() == context.thread();
                answered << result;
            });
    }
    ASSERT_TRUE(test::waitUntil([&] { return answered.size() == kJobs; }, 60000));
    QList<int> inOrder;
    for (int i = 0; i < kJobs; ++i)
        inOrder << i;
    EXPECT_EQ(answered, inOrder) << "answers in the order the jobs were given, each written";
    EXPECT_TRUE(answersOnCaller);
    ASSERT_EQ(workThreads.size(), 1) << "one thread, the store's connection lives there";
    EXPECT_NE(*workThreads.begin(), QThread::currentThread());
    EXPECT_EQ(jobs.pending(), 0);
    // Committed: the console's own connection reads every row.
    EXPECT_EQ(console->connections().count(), kJobs);
    auto last = console->connections().get(jobRow(kJobs - 1).connectionId);
    ASSERT_TRUE(last.ok());
    EXPECT_EQ(last->bankName, jobRow(kJobs - 1).bankName);
}

TEST_P(StoreJobsTest, AGoneContextGetsNoAnswerAndTheDestructorFinishesWhatWasGiven)
{
    int answers = 0;
    {
        StoreJobs jobs(*console);
        auto context = std::make_unique<QObject>();
        for (int i = 0; i < 5; ++i) {
            jobs.run<bool>(
                context.get(),
                [i](Store *db, const StoreError &) {
                    return db && db->connections().upsert(jobRow(i)).ok();
                },
                [&](bool) { ++answers; });
        }
        context.reset(); // before any answer could arrive (they are queued to this thread)
    } // ~StoreJobs: every job given runs first
    QCoreApplication::processEvents();
    EXPECT_EQ(answers, 0) << "an answer reached a destroyed context";
    EXPECT_EQ(console->connections().count(), 5) << "a write given before the end was lost";
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreJobsTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);

namespace {
/// Two consoles on one team database: this one (with the StoreJobs) and another agent's.
class StoreJobsTeam : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        auto a = where.open(key);
        ASSERT_TRUE(a.ok()) << a.error().message.toStdString();
        auto b = where.open(key);
        ASSERT_TRUE(b.ok()) << b.error().message.toStdString();
        console = std::move(a).value();
        otherAgent = std::move(b).value();
    }
    test::StoreBackend where { Backend::Postgres };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    std::unique_ptr<Store> console;
    std::unique_ptr<Store> otherAgent;
};
} // namespace

// The point of StoreJobs: a write the server makes wait (another agent's transaction holds the
// row) keeps its own thread waiting, never the caller's — whose event loop keeps turning — and
// it answers once the other transaction ends.
TEST_F(StoreJobsTeam, AWriteTheServerHoldsDoesNotHoldTheCallersThread)
{
    ASSERT_TRUE(console->connections().upsert(jobRow(1)).ok());

    // The other agent's open transaction locks the row.
    QSqlQuery lock(otherAgent->database().db());
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN")));
    ASSERT_TRUE(lock.exec(QStringLiteral("SELECT id FROM connections FOR UPDATE")))
        << lock.lastError().text().toStdString();

    StoreJobs jobs(*console);
    QObject context;
    std::optional<bool> saved;
    Connection changed = jobRow(1);
    changed.status = QStringLiteral("EXPIRED");
    jobs.run<bool>(
        &context,
        [changed](Store *db, const StoreError &) {
            return db && db->connections().upsert(changed).ok();
        },
        [&](bool ok) { saved = ok; });

    QElapsedTimer sinceTick;
    qint64 longestGapMs = 0;
    int ticks = 0;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longestGapMs = std::max(longestGapMs, sinceTick.restart());
        ++ticks;
    });
    sinceTick.start();
    tick.start();
    QTest::qWait(1500); // the write is waiting on the server meanwhile
    EXPECT_FALSE(saved.has_value()) << "the write did not wait for the lock";
    EXPECT_EQ(jobs.pending(), 1);
    EXPECT_GT(ticks, 20) << "the caller's event loop stood still";
    EXPECT_LT(longestGapMs, 500) << "the caller's thread was held " << longestGapMs << " ms";

    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    ASSERT_TRUE(test::waitUntil([&] { return saved.has_value(); }, 20000)) << "no answer";
    tick.stop();
    EXPECT_TRUE(*saved);
    auto now = console->connections().get(jobRow(1).connectionId);
    ASSERT_TRUE(now.ok());
    EXPECT_EQ(now->status, QStringLiteral("EXPIRED"));
}

// Its changes are announced as the console's own (Store::sessionId()), so the console's
// listener does not take them for another console's and re-read them.
TEST_F(StoreJobsTeam, ChangesAreAnnouncedUnderTheConsolesSessionId)
{
    Store *listener = otherAgent.get();
    ASSERT_NE(console->sessionId(), listener->sessionId());

    QList<store::StoreChange> heard;
    QSqlDriver *driver = listener->database().db().driver();
    QObject::connect(driver, &QSqlDriver::notification,
                     [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                         if (auto change = store::StoreChange::fromPayload(payload.toString()))
                             heard << *change;
                     });
    ASSERT_TRUE(driver->subscribeToNotification(QString::fromLatin1(store::StoreChange::kChannel)));

    StoreJobs jobs(*console);
    QObject context;
    std::optional<bool> saved;
    jobs.run<bool>(
        &context,
        [](Store *db, const StoreError &) {
            return db && db->connections().upsert(jobRow(7)).ok();
        },
        [&](bool ok) { saved = ok; });
    ASSERT_TRUE(test::waitUntil([&] { return saved.has_value(); }, 20000));
    ASSERT_TRUE(*saved);
    ASSERT_TRUE(test::waitUntil([&] { return !heard.isEmpty(); }, 5000)) << "nothing announced";
    EXPECT_EQ(heard.first().session, console->sessionId())
        << "announced under a session of its own: the console would echo its own write";
}
