// Faults as a support person meets them (issue 13): the live Connections panel on the real
// sandbox, whose fault injection (POST /sandbox/faults) makes the next answers slow, 5xx, 429
// with Retry-After, dropped or malformed JSON, or expires every token in the middle of a job.
// Each case ends in a clear state on screen (the panel's message line says what happened), no
// crash, a UI thread that kept answering (a 20 ms heartbeat never stalls for a second), and
// nothing lost: the connection is still in the table and in the encrypted store afterwards,
// and the next refresh, once the fault is gone, works.
#include "core/crypto/Random.h"
#include "core/jobs/JobResult.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "tests/support/Heartbeat.h"
#include "tests/support/SessionRig.h"
#include "tests/support/Wait.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>
#include <memory>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using connections::Connection;

namespace {

class ConnectionsFaults : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        auto opened = store::Store::open(dir.filePath(QStringLiteral("aerodesk.sqlite")),
                                         crypto::Random::secretBytes(32));
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = std::shared_ptr<store::Store>(std::move(opened).value());
    }

    /// The sandbox, one linked connection stored (as a pasted id), the panel showing it.
    void bringUp(int requestTimeoutMs = 15000, const QString &timeScale = QStringLiteral("0.05"))
    {
        ASSERT_TRUE(rig.start({ QStringLiteral("--seed"), QStringLiteral("42"),
                                QStringLiteral("--time-scale"), timeScale }));
        api::Environment env = rig.harness().environment();
        env.requestTimeoutMs = requestTimeoutMs;
        rig.session().setEnvironment(env);
        id = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
        ASSERT_FALSE(id.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
        Connection bare;
        bare.connectionId = id;
        ASSERT_TRUE(db->connections().upsert(bare));
        panel = std::make_unique<ui::ConnectionsPanel>(rig.session());
        panel->resize(1300, 800);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        QSignalSpy loaded(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
        rig.session().setStore(db);
        ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1; }, 30000));
        ASSERT_TRUE(panel->selectConnection(id));
    }

    void fault(const QJsonObject &faults)
    {
        const auto reply =
            rig.harness().sandbox.request("POST", QStringLiteral("/sandbox/faults"), faults);
        ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    }
    void clearFaults()
    {
        rig.harness().sandbox.request("DELETE", QStringLiteral("/sandbox/faults"), {}, {}, 10000);
    }

    QString message() const
    {
        return panel->findChild<QLabel *>(QStringLiteral("connectionsMessage"))->text();
    }
    QToolButton *refreshButton() const
    {
        return panel->findChild<QToolButton *>(QStringLiteral("refreshDetailsButton"));
    }
    const Connection *row() const
    {
        const int r = panel->model()->rowOf(id);
        return r < 0 ? nullptr : &panel->model()->connection(r);
    }

    /// Clicks Refresh details and waits until the panel has said how it ended (the button is
    /// enabled again and the message line changed).
    QString refreshAndWait(qint64 *longestGapMs)
    {
        const QString before = message();
        test::Heartbeat heartbeat;
        EXPECT_TRUE(refreshButton()->isEnabled()) << refreshButton()->toolTip().toStdString();
        QTest::mouseClick(refreshButton(), Qt::LeftButton);
        EXPECT_TRUE(waitUntil(
            [&] {
                return message() != before && !message().isEmpty() && refreshButton()->isEnabled();
            },
            60000))
            << "the panel never said how the refresh ended; it shows: " << message().toStdString();
        *longestGapMs = heartbeat.longestGapMs();
        return message();
    }

    /// Nothing lost: the row is on screen and in the store; a refresh without faults works.
    void expectNothingLostAndRecovers()
    {
        ASSERT_NE(row(), nullptr) << "the connection left the table";
        EXPECT_TRUE(db->connections().get(id).ok()) << "the connection left the store";
        clearFaults();
        qint64 gap = 0;
        refreshAndWait(&gap);
        EXPECT_TRUE(waitUntil([&] { return row() && row()->connectionExpiry.isValid(); }, 30000))
            << "the refresh after the fault did not work: " << message().toStdString();
    }

    test::SessionRig rig;
    QTemporaryDir dir;
    std::shared_ptr<store::Store> db;
    std::unique_ptr<ui::ConnectionsPanel> panel;
    QString id;
};

constexpr qint64 kStallMs = test::kUiStallMs;

TEST_F(ConnectionsFaults, ServerErrorsThatOutlastTheRetriesSaySoAndLoseNothing)
{
    bringUp();
    fault({ { QStringLiteral("server-error"), 20 } });
    qint64 gap = 0;
    const QString said = refreshAndWait(&gap);
    std::fprintf(stderr, "5xx: %s\n", qPrintable(said));
    EXPECT_TRUE(said.contains(QStringLiteral("500")) || said.contains(QStringLiteral("server")))
        << said.toStdString();
    EXPECT_LT(gap, kStallMs);
    expectNothingLostAndRecovers();
}

TEST_F(ConnectionsFaults, RateLimitWithRetryAfterIsWaitedOutAndTheRefreshSucceeds)
{
    bringUp();
    fault({ { QStringLiteral("rate-limit"), 1 } });
    qint64 gap = 0;
    const QString said = refreshAndWait(&gap);
    std::fprintf(stderr, "429: %s\n", qPrintable(said));
    EXPECT_TRUE(waitUntil([&] { return row() && row()->connectionExpiry.isValid(); }, 30000))
        << "a single 429 with Retry-After: 1 must be waited out: " << said.toStdString();
    EXPECT_LT(gap, kStallMs);
    ASSERT_TRUE(db->connections().get(id).ok());
}

TEST_F(ConnectionsFaults, MalformedJsonIsNamedAsSuchAndLosesNothing)
{
    bringUp();
    fault({ { QStringLiteral("malformed"), 5 } });
    qint64 gap = 0;
    const QString said = refreshAndWait(&gap);
    std::fprintf(stderr, "malformed: %s\n", qPrintable(said));
    EXPECT_TRUE(said.contains(QStringLiteral("JSON"), Qt::CaseInsensitive) ||
                said.contains(QStringLiteral("understood"), Qt::CaseInsensitive))
        << said.toStdString();
    EXPECT_LT(gap, kStallMs);
    expectNothingLostAndRecovers();
}

TEST_F(ConnectionsFaults, DroppedConnectionsSayTheNetworkFailedAndLoseNothing)
{
    bringUp();
    fault({ { QStringLiteral("drop"), 20 } });
    qint64 gap = 0;
    const QString said = refreshAndWait(&gap);
    std::fprintf(stderr, "drop: %s\n", qPrintable(said));
    EXPECT_FALSE(said.isEmpty());
    EXPECT_LT(gap, kStallMs);
    expectNothingLostAndRecovers();
}

TEST_F(ConnectionsFaults, LatencyPastTheTimeoutSaysItTimedOutAndLosesNothing)
{
    bringUp(/*requestTimeoutMs=*/1500);
    fault({ { QStringLiteral("latency-ms"), 4000 } });
    qint64 gap = 0;
    const QString said = refreshAndWait(&gap);
    std::fprintf(stderr, "latency: %s\n", qPrintable(said));
    EXPECT_TRUE(said.contains(QStringLiteral("did not answer within 1.5 s"))) << said.toStdString();
    EXPECT_LT(gap, kStallMs);
    expectNothingLostAndRecovers();
}

TEST_F(ConnectionsFaults, TokensExpiringInTheMiddleOfABalanceJobDoNotStopIt)
{
    // Jobs at half their real length (2.5-7.5 s), so the expiry lands while it polls.
    bringUp(15000, QStringLiteral("0.5"));
    qint64 gap = 0;
    refreshAndWait(&gap); // details and the account summary (canFetchBalance)
    auto *balance = panel->findChild<QAction *>(QStringLiteral("refreshBalanceAction"));
    ASSERT_NE(balance, nullptr);
    ASSERT_TRUE(waitUntil([&] { return balance->isEnabled(); }, 30000))
        << balance->toolTip().toStdString();

    QSignalSpy recorded(panel->feed(), &ui::ConnectionStoreFeed::jobRecorded);
    test::Heartbeat heartbeat;
    balance->trigger();
    ASSERT_TRUE(waitUntil([&] { return !balance->isEnabled(); }, 10000))
        << "the balance job did not start: " << message().toStdString();
    QTest::qWait(700); // its first poll has gone out with the current token
    ASSERT_TRUE(recorded.isEmpty()) << "the job ended before the tokens could expire";
    const auto expired =
        rig.harness().sandbox.request("POST", QStringLiteral("/sandbox/faults/expire-tokens"));
    ASSERT_EQ(expired.status, 200) << expired.body.toStdString();

    ASSERT_TRUE(waitUntil([&] { return recorded.count() == 1; }, 90000)) << message().toStdString();
    const auto result = recorded.first().first().value<jobs::JobResult>();
    EXPECT_EQ(result.outcome, jobs::JobOutcome::Completed) << result.message.toStdString();
    EXPECT_LT(heartbeat.longestGapMs(), kStallMs);
    ASSERT_NE(row(), nullptr);
    EXPECT_TRUE(db->connections().get(id).ok());
}

} // namespace
