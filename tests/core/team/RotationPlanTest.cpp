// Key rotation's state machine (docs/team.md, "Key rotation"): phases, what each console may do
// with the keys it holds, idempotent resume after a crash, the driver's lease.
#include "core/team/RotationPlan.h"

#include "core/team/TeamKey.h"

#include <gtest/gtest.h>

using aerodesk::team::RotationPlan;
using aerodesk::team::TeamKey;
using Phase = aerodesk::team::RotationPlan::Phase;

namespace {

struct Keys
{
    QString oldId = TeamKey::create().keyId();
    QString newId = TeamKey::create().keyId();
};

RotationPlan reEncrypting(const Keys &k)
{
    RotationPlan plan = RotationPlan::steady(3, k.oldId);
    EXPECT_TRUE(plan.propose(k.newId).ok());
    EXPECT_TRUE(plan.startReEncrypting().ok());
    return plan;
}

} // namespace

TEST(RotationPlan, AFullRotationMovesEveryConsoleToTheNextEpoch)
{
    const Keys k;
    RotationPlan plan = RotationPlan::steady(3, k.oldId);
    EXPECT_EQ(plan.phase(), Phase::Steady);
    EXPECT_EQ(plan.writeEpoch(), 3);
    EXPECT_EQ(plan.liveEpochs(), QList<int> { 3 });

    ASSERT_TRUE(plan.propose(k.newId).ok());
    EXPECT_EQ(plan.phase(), Phase::Distributing);
    EXPECT_EQ(plan.next().number, 4);
    EXPECT_EQ(plan.writeEpoch(), 3) << "nothing moves while the new key is distributed";
    EXPECT_EQ(plan.liveEpochs(), QList<int> { 3 });
    EXPECT_FALSE(plan.propose(TeamKey::create().keyId()).ok()) << "one rotation at a time";

    ASSERT_TRUE(plan.startReEncrypting().ok());
    EXPECT_EQ(plan.writeEpoch(), 4);
    EXPECT_EQ(plan.liveEpochs(), (QList<int> { 3, 4 }));
    EXPECT_FALSE(plan.abort().ok()) << "once rows are re-encrypted the only way is forward";

    ASSERT_TRUE(plan.recordBatch(200, 200).ok());
    ASSERT_TRUE(plan.recordBatch(400, 198).ok());
    EXPECT_EQ(plan.cursor(), 400);
    EXPECT_EQ(plan.rewritten(), 398);

    auto notYet = plan.finish(2);
    ASSERT_TRUE(notYet.ok());
    EXPECT_FALSE(notYet.value());
    EXPECT_EQ(plan.phase(), Phase::ReEncrypting);
    EXPECT_EQ(plan.cursor(), 0) << "another pass picks up the rows skipped while locked";
    ASSERT_TRUE(plan.recordBatch(17, 2).ok());
    auto done = plan.finish(0);
    ASSERT_TRUE(done.ok());
    EXPECT_TRUE(done.value());
    EXPECT_EQ(plan.phase(), Phase::Finished);
    EXPECT_EQ(plan.current().number, 4);
    EXPECT_EQ(plan.current().keyId, k.newId);
    EXPECT_EQ(plan.liveEpochs(), QList<int> { 4 });
    EXPECT_FALSE(plan.recordBatch(500, 1).ok());

    // The next rotation starts from the finished one.
    ASSERT_TRUE(plan.propose(TeamKey::create().keyId()).ok());
    EXPECT_EQ(plan.next().number, 5);
}

TEST(RotationPlan, AbortIsOnlyPossibleBeforeReEncryptionAndNeedsANewKey)
{
    const Keys k;
    RotationPlan plan = RotationPlan::steady(1, k.oldId);
    EXPECT_FALSE(plan.abort().ok());
    EXPECT_FALSE(plan.startReEncrypting().ok()) << "no new key proposed";
    EXPECT_FALSE(plan.propose(k.oldId).ok()) << "the same key is no rotation";
    EXPECT_FALSE(plan.propose(QStringLiteral("not-an-id")).ok());
    ASSERT_TRUE(plan.propose(k.newId).ok());
    ASSERT_TRUE(plan.abort().ok());
    EXPECT_EQ(plan.phase(), Phase::Steady);
    EXPECT_EQ(plan.writeEpoch(), 1);
    EXPECT_EQ(plan.current().keyId, k.oldId);
}

TEST(RotationPlan, WhatAConsoleMayDoDependsOnTheKeysItHolds)
{
    const Keys k;
    const QString stranger = TeamKey::create().keyId();
    RotationPlan plan = RotationPlan::steady(3, k.oldId);
    EXPECT_TRUE(plan.accessFor({ k.oldId }).canWrite);
    EXPECT_TRUE(plan.accessFor({ stranger }).none()) << "a wrong key reads and writes nothing";
    EXPECT_TRUE(plan.accessFor({}).none()) << "a missing key reads and writes nothing";

    ASSERT_TRUE(plan.propose(k.newId).ok());
    EXPECT_TRUE(plan.accessFor({ k.oldId }).canWrite) << "distributing: epoch 3 still current";
    EXPECT_TRUE(plan.accessFor({ k.newId }).none()) << "nothing is in epoch 4 yet";

    ASSERT_TRUE(plan.startReEncrypting().ok());
    const auto oldOnly = plan.accessFor({ k.oldId });
    EXPECT_EQ(oldOnly.readableEpochs, QList<int> { 3 });
    EXPECT_FALSE(oldOnly.canWrite) << "the old key alone never writes mid-rotation";
    const auto newOnly = plan.accessFor({ k.newId });
    EXPECT_EQ(newOnly.readableEpochs, QList<int> { 4 });
    EXPECT_TRUE(newOnly.canWrite);
    const auto both = plan.accessFor({ k.newId, k.oldId });
    EXPECT_EQ(both.readableEpochs, (QList<int> { 3, 4 }));
    EXPECT_TRUE(both.canWrite);
    EXPECT_TRUE(plan.accessFor({ stranger }).none());

    ASSERT_TRUE(plan.finish(0).ok());
    EXPECT_TRUE(plan.accessFor({ k.oldId }).none()) << "a retired key opens nothing";
    EXPECT_TRUE(plan.accessFor({ k.newId }).canWrite);
}

TEST(RotationPlan, ResumesAfterACrashFromItsSavedStateAndRedoneBatchesCountOnce)
{
    const Keys k;
    RotationPlan plan = reEncrypting(k);
    ASSERT_TRUE(plan.recordBatch(600, 600).ok());
    const QJsonObject saved = plan.toJson(); // committed with the batch

    // The process dies; a batch up to 800 was written but its transaction never committed.
    auto resumed = RotationPlan::fromJson(saved);
    ASSERT_TRUE(resumed.ok()) << resumed.error().message.toStdString();
    EXPECT_EQ(resumed->phase(), Phase::ReEncrypting);
    EXPECT_EQ(resumed->cursor(), 600);
    EXPECT_EQ(resumed->rewritten(), 600);
    EXPECT_EQ(resumed->next().keyId, k.newId);
    // A stale batch report from before the crash changes nothing.
    ASSERT_TRUE(resumed->recordBatch(400, 200).ok());
    EXPECT_EQ(resumed->cursor(), 600);
    EXPECT_EQ(resumed->rewritten(), 600);
    ASSERT_TRUE(resumed->recordBatch(800, 200).ok());
    EXPECT_EQ(resumed->rewritten(), 800);
    EXPECT_EQ(RotationPlan::fromJson(resumed->toJson())->toJson(), resumed->toJson());
}

TEST(RotationPlan, OneConsoleDrivesUntilItsLeaseExpires)
{
    const Keys k;
    RotationPlan plan = reEncrypting(k);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    EXPECT_TRUE(plan.takeLease(QStringLiteral("console-a"), t0));
    EXPECT_FALSE(plan.takeLease(QStringLiteral("console-b"), t0.addSecs(30)));
    EXPECT_TRUE(plan.takeLease(QStringLiteral("console-a"), t0.addSecs(30))) << "renewal";
    EXPECT_FALSE(plan.takeLease(QStringLiteral("console-b"), t0.addSecs(89)));
    EXPECT_TRUE(plan.takeLease(QStringLiteral("console-b"), t0.addSecs(91))) << "a's lease expired";
    EXPECT_EQ(plan.leaseHolder(), QStringLiteral("console-b"));
    // The lease survives a save and a reload (another console reads the store's state).
    auto reloaded = RotationPlan::fromJson(plan.toJson());
    ASSERT_TRUE(reloaded.ok());
    EXPECT_FALSE(reloaded->takeLease(QStringLiteral("console-a"), t0.addSecs(100)));
    RotationPlan steady = RotationPlan::steady(1, k.oldId);
    EXPECT_FALSE(steady.takeLease(QStringLiteral("console-a"), t0)) << "nothing to drive";
}

TEST(RotationPlan, AnImpossibleSavedStateIsRefused)
{
    const Keys k;
    const QJsonObject good = reEncrypting(k).toJson();
    const auto edited = [&good](const char *key, const QJsonValue &value) {
        QJsonObject o = good;
        o.insert(QLatin1String(key), value);
        return o;
    };
    const QJsonObject from { { QStringLiteral("epoch"), 3 }, { QStringLiteral("keyId"), k.oldId } };
    EXPECT_FALSE(RotationPlan::fromJson(edited("phase", QStringLiteral("paused"))).ok());
    EXPECT_FALSE(
        RotationPlan::fromJson(edited("to",
                                      QJsonObject { { QStringLiteral("epoch"), 5 },
                                                    { QStringLiteral("keyId"), k.newId } }))
            .ok())
        << "a rotation skips no epoch";
    EXPECT_FALSE(RotationPlan::fromJson(edited("to", from)).ok()) << "same key";
    EXPECT_FALSE(RotationPlan::fromJson(edited("cursor", -1)).ok());
    EXPECT_FALSE(RotationPlan::fromJson(edited("cursor", 1e300)).ok()) << "beyond any row id";
    EXPECT_FALSE(RotationPlan::fromJson(
                     edited("from",
                            QJsonObject { { QStringLiteral("epoch"), 3 },
                                          { QStringLiteral("keyId"), QStringLiteral("tk1-zz") } }))
                     .ok());
    EXPECT_FALSE(RotationPlan::fromJson(
                     edited("lease",
                            QJsonObject { { QStringLiteral("holder"), QStringLiteral("a") },
                                          { QStringLiteral("expires"), 7 } }))
                     .ok());
    EXPECT_TRUE(RotationPlan::fromJson(good).ok());
}
