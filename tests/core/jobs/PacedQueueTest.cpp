// The pacing behind 500 jobs polling at once (issue 14): PacedQueue runs work in order, never
// inside post(), and no more than its budget per event-loop turn; PollPolicy spreads first polls.
#include "core/jobs/PacedQueue.h"

#include "core/jobs/PollPolicy.h"
#include "tests/support/Wait.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <gtest/gtest.h>
#include <vector>

using namespace aerodesk;
using namespace aerodesk::jobs;

namespace {
void busyFor(int micros)
{
    QElapsedTimer t;
    t.start();
    while (t.nsecsElapsed() < qint64(micros) * 1000) { }
}
} // namespace

TEST(PacedQueueTest, RunsInOrderOverSeveralTurnsWithinItsBudget)
{
    PacedQueue queue(4);
    std::vector<int> ran;
    // A timer that ticks between turns: it must get turns while the queue drains.
    int ticksWhileDraining = 0;
    QTimer tick;
    tick.setInterval(0);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        if (queue.pending() > 0)
            ++ticksWhileDraining;
    });
    tick.start();
    constexpr int kItems = 200;
    for (int i = 0; i < kItems; ++i)
        queue.post([&ran, i] {
            ran.push_back(i);
            busyFor(500); // 200 × 0.5 ms: 100 ms of work, 25 budgets of 4 ms
        });
    EXPECT_TRUE(ran.empty()) << "nothing runs inside post()";
    ASSERT_TRUE(test::waitUntil([&] { return int(ran.size()) == kItems; }, 20000));
    tick.stop();
    std::vector<int> expected(kItems);
    for (int i = 0; i < kItems; ++i)
        expected[std::size_t(i)] = i;
    EXPECT_EQ(ran, expected) << "in the order posted";
    EXPECT_GE(queue.turns(), 10) << "spread over turns, not one";
    EXPECT_LE(queue.mostPerTurn(), 9) << "about 4 ms of 0.5-ms items per turn (one over)";
    EXPECT_GT(ticksWhileDraining, 5) << "other timers run between the turns";
    EXPECT_EQ(queue.pending(), 0);
}

TEST(PacedQueueTest, WorkPostedByWorkWaitsForTheNextTurn)
{
    PacedQueue queue(1000);
    QList<QString> order;
    queue.post([&] {
        order << QStringLiteral("a");
        queue.post([&] { order << QStringLiteral("c"); });
    });
    queue.post([&] { order << QStringLiteral("b"); });
    ASSERT_TRUE(test::waitUntil([&] { return order.size() == 3; }, 5000));
    EXPECT_EQ(order, (QList<QString> { "a", "b", "c" }));
    EXPECT_EQ(queue.turns(), 2);
}

TEST(PollPolicyTest, FirstPollsAreSpreadOverHalfAnInterval)
{
    const PollPolicy p;
    const int first = p.intervalForAttempt(1);
    // 500 jobs started together: every first poll within [interval, 1.5 × interval], and spread
    // evenly (5 windows of 100 ms hold 100 ± 10 each), not in one timer tick.
    std::vector<int> perWindow(5, 0);
    for (quint64 key = 1; key <= 500; ++key) {
        const int d = p.firstPollDelayMs(key);
        ASSERT_GE(d, first) << key;
        ASSERT_LT(d, first + first / 2) << key;
        ++perWindow[std::size_t((d - first) / 100)];
    }
    for (int n : perWindow)
        EXPECT_NEAR(n, 100, 10);
    // Deterministic per job, and off when the spread is 0.
    EXPECT_EQ(p.firstPollDelayMs(42), p.firstPollDelayMs(42));
    PollPolicy none;
    none.firstPollSpread = 0;
    EXPECT_EQ(none.firstPollDelayMs(7), first);
    EXPECT_EQ(none.firstPollDelayMs(8), first);
}
