// The timeline's tables (schema v5) on both backends (a real encrypted SQLite file; a real
// PostgreSQL database): steps come back oldest
// first with their sealed detail, a keyed step (a retried webhook delivery) is stored once, the
// current flow round-trips and is replaced, a step for an unknown connection is refused, the
// steps and the flow go with their connection, and the sealed parts are not on disk in plain.

#include "core/timeline/TimelineRepository.h"

#include "core/crypto/Random.h"
#include "core/store/Store.h"
#include "core/timeline/CorrelationId.h"
#include "tests/support/StoreBackend.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using test::Backend;
using timeline::TimelineEntry;
using timeline::TimelineKind;

namespace {

class TimelineRepositoryTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        auto opened = where.open(key);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = std::move(opened).value();
        connections::Connection c;
        c.connectionId = kConnection;
        c.bankName = QStringLiteral("MFA Bank");
        ASSERT_TRUE(db->connections().upsert(c).ok());
        repo = std::make_unique<timeline::TimelineRepository>(*db);
    }
    static TimelineEntry step(qint64 ms, TimelineKind kind, const QString &summary,
                              const QString &flow)
    {
        TimelineEntry e;
        e.at = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000 + ms, Qt::UTC);
        e.kind = kind;
        e.correlationId = flow;
        e.summary = summary;
        e.fields =
            QJsonObject { { QStringLiteral("requestId"), QStringLiteral("req-%1").arg(ms) } };
        return e;
    }

    const QString kConnection = QStringLiteral("3f0c8a2e-5a7b-4c1d-9e2f-0a1b2c3d4e5f");
    test::StoreBackend where { GetParam() };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    std::unique_ptr<store::Store> db;
    std::unique_ptr<timeline::TimelineRepository> repo;
};

} // namespace

TEST_P(TimelineRepositoryTest, StepsComeBackInTimeOrderWithTheirSealedDetail)
{
    const QString flow = timeline::CorrelationId::mint();
    ASSERT_TRUE(*repo->append(kConnection, step(300, TimelineKind::Webhook, "third", flow)));
    ASSERT_TRUE(*repo->append(kConnection, step(100, TimelineKind::ApiCall, "first", flow)));
    ASSERT_TRUE(*repo->append(kConnection, step(200, TimelineKind::JobPoll, "second", flow)));
    auto steps = repo->forConnection(kConnection);
    ASSERT_TRUE(steps.ok()) << steps.error().message.toStdString();
    ASSERT_EQ(steps->size(), 3);
    EXPECT_EQ(steps->at(0).summary, QStringLiteral("first"));
    EXPECT_EQ(steps->at(0).kind, TimelineKind::ApiCall);
    EXPECT_EQ(steps->at(1).kind, TimelineKind::JobPoll);
    EXPECT_EQ(steps->at(2).summary, QStringLiteral("third"));
    EXPECT_EQ(steps->at(2).correlationId, flow);
    EXPECT_EQ(steps->at(2).fields.value(QStringLiteral("requestId")).toString(),
              QStringLiteral("req-300"));
    auto latest = repo->forConnection(kConnection, 2);
    ASSERT_EQ(latest->size(), 2);
    EXPECT_EQ(latest->at(0).summary, QStringLiteral("second"));
}

TEST_P(TimelineRepositoryTest, AKeyedStepIsStoredOncePerConnection)
{
    const TimelineEntry delivery = step(100, TimelineKind::Webhook, "job.balance completed", "f");
    EXPECT_TRUE(*repo->append(kConnection, delivery, QStringLiteral("webhook:abc:valid")));
    EXPECT_FALSE(*repo->append(kConnection, delivery, QStringLiteral("webhook:abc:valid")));
    EXPECT_TRUE(*repo->append(kConnection, delivery, QStringLiteral("webhook:abc:no-secret")));
    EXPECT_EQ(repo->forConnection(kConnection)->size(), 2);
}

TEST_P(TimelineRepositoryTest, TheCurrentFlowRoundTripsAndIsReplaced)
{
    EXPECT_EQ(*repo->currentFlow(kConnection), QString());
    const QString first = timeline::CorrelationId::mint();
    const QString second = timeline::CorrelationId::mint();
    ASSERT_NE(first, second);
    ASSERT_TRUE(repo->setCurrentFlow(kConnection, first, {}).ok());
    EXPECT_EQ(*repo->currentFlow(kConnection), first);
    ASSERT_TRUE(repo->setCurrentFlow(kConnection, second, {}).ok());
    EXPECT_EQ(*repo->currentFlow(kConnection), second);
}

TEST_P(TimelineRepositoryTest, AnUnknownConnectionIsRefusedAndADeletedOneTakesItsTimeline)
{
    auto refused = repo->append(QStringLiteral("not-stored"), step(1, TimelineKind::Job, "x", "f"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, store::StoreError::Kind::NotFound);

    ASSERT_TRUE(*repo->append(kConnection, step(1, TimelineKind::Job, "x", "f")));
    ASSERT_TRUE(repo->setCurrentFlow(kConnection, QStringLiteral("f"), {}).ok());
    ASSERT_TRUE(db->connections().remove(kConnection).ok());
    connections::Connection again;
    again.connectionId = kConnection;
    ASSERT_TRUE(db->connections().upsert(again).ok());
    EXPECT_TRUE(repo->forConnection(kConnection)->isEmpty());
    EXPECT_EQ(*repo->currentFlow(kConnection), QString());
}

TEST_P(TimelineRepositoryTest, NothingSealedIsOnDiskInPlain)
{
    const QString flow = timeline::CorrelationId::mint();
    TimelineEntry e = step(1, TimelineKind::StaffAction, "Connection id revealed by pat", flow);
    ASSERT_TRUE(*repo->append(kConnection, e));
    ASSERT_TRUE(repo->setCurrentFlow(kConnection, flow, {}).ok());
    db.reset();
    repo.reset();
    const QByteArray bytes = where.rawBytes();
    ASSERT_FALSE(bytes.isEmpty());
    EXPECT_TRUE(bytes.contains("timeline_entries")) << "not the v5 schema";
    EXPECT_FALSE(bytes.contains(flow.toUtf8()));
    EXPECT_FALSE(bytes.contains("revealed by pat"));
    EXPECT_FALSE(bytes.contains("req-1"));
    EXPECT_FALSE(bytes.contains(kConnection.toUtf8()));
}

INSTANTIATE_TEST_SUITE_P(Backends, TimelineRepositoryTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);
