// Team store live updates and outages (docs/team.md, "Live updates", "When the database goes
// away") on a real PostgreSQL 15 (PgServer), with a second console as a process of its own
// (StorePeer) or a second Store: a committed change reaches the other console's listener within
// a second, decrypted, with its version; a console never hears its own echo; the payload on the
// wire carries no plaintext; the server stopped mid-session makes the console Offline and it
// recovers by itself, catching up on what changed meanwhile.
#include "core/store/StoreLive.h"

#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/store/KeyRotation.h"
#include "core/store/ReEncryptor.h"
#include "core/store/Store.h"
#include "core/store/StoreChange.h"
#include "core/store/StoreChangeListener.h"
#include "core/store/StoreHealth.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeychain.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/StorePeerProcess.h"
#include "tests/support/Wait.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>
#include <iostream>
#include <memory>

using namespace aerodesk;
using connections::Connection;
using store::StoreError;
using store::StoreHealth;
using test::Backend;
using test::waitUntil;

namespace {
/// One StorePeer process (a second console) on the test's team store.
class LivePeer : public test::StorePeerProcess
{
public:
    LivePeer(const test::StoreBackend &where, const crypto::SecureBytes &key,
             const QStringList &command)
        : StorePeerProcess(QStringLiteral(AERODESK_STORE_PEER), where, key, command)
    {
    }
};

Connection liveSample(int i)
{
    Connection c;
    c.connectionId = QStringLiteral("11fe%1").arg(i, 28, 16, QLatin1Char('0'));
    c.aeroPassUserUuid =
        QStringLiteral("0b1c2d3e-4f50-4a6b-8c7d-%1").arg(i, 12, 10, QLatin1Char('0'));
    c.bankName = QStringLiteral("Live Bank %1").arg(i);
    c.status = QStringLiteral("CONNECTED");
    return c;
}

/// The lead's re-encryption, batch after batch, until the rotation is Finished.
::testing::AssertionResult reEncryptToTheEnd(store::Store &lead)
{
    store::ReEncryptor driver(lead, QStringLiteral("lead"));
    for (int i = 0; i < 100; ++i) {
        auto step = driver.step();
        if (!step)
            return ::testing::AssertionFailure() << step.error().message.toStdString();
        if (step->outcome == store::ReEncryptor::Step::Outcome::Finished)
            return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "not finished after 100 batches";
}

class StoreLiveTest : public ::testing::Test
{
protected:
    StoreLiveTest()
        : StoreLiveTest(test::sharedPgServer())
    {
    }
    explicit StoreLiveTest(test::PgServer &server)
        : where(Backend::Postgres, server)
    {
    }

    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        auto a = where.open(key);
        ASSERT_TRUE(a.ok()) << a.error().message.toStdString();
        mine = std::move(a).value();
        auto b = where.open(key);
        ASSERT_TRUE(b.ok()) << b.error().message.toStdString();
        other = std::move(b).value();
        ASSERT_NE(mine->sessionId(), other->sessionId());
    }
    /// A StoreLive on `mine`, subscribed.
    std::unique_ptr<store::StoreLive> follow()
    {
        auto live = std::make_unique<store::StoreLive>(*mine);
        EXPECT_TRUE(live->isActive());
        QSignalSpy subscribed(live.get(), &store::StoreLive::subscribed);
        EXPECT_TRUE(waitUntil([&] { return subscribed.count() >= 1; }, 20000));
        return live;
    }

    test::StoreBackend where;
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    std::unique_ptr<store::Store> mine;
    std::unique_ptr<store::Store> other;
};
} // namespace

TEST_F(StoreLiveTest, AnotherProcessesEditReachesThisConsoleWithinASecond)
{
    const Connection c = liveSample(1);
    ASSERT_TRUE(mine->connections().upsert(c).ok());
    auto live = follow();
    QSignalSpy changed(live.get(), &store::StoreLive::rowChanged);

    LivePeer peer(where, key,
                  { QStringLiteral("edit"), c.connectionId, QStringLiteral("BY_PEER") });
    ASSERT_EQ(peer.next(), QStringLiteral("read 1"));
    QElapsedTimer clock;
    clock.start();
    peer.go(); // the peer writes and commits now
    ASSERT_TRUE(waitUntil([&] { return changed.count() >= 1; }, 5000))
        << "no change arrived; peer said: " << peer.next(2000).toStdString();
    const qint64 ms = clock.elapsed();
    RecordProperty("arrivedAfterMs", int(ms));
    std::cout << "[ measured ] the change arrived after " << ms << " ms" << std::endl;
    // A functional requirement (issue 16: "within a second"), not a benchmark.
    EXPECT_LT(ms, 1000) << "the change took " << ms << " ms to arrive";
    const auto row = changed.first().first().value<Connection>();
    EXPECT_EQ(row.connectionId, c.connectionId);
    EXPECT_EQ(row.status, QStringLiteral("BY_PEER"));
    EXPECT_EQ(row.version, 2);
    EXPECT_EQ(peer.next(), QStringLiteral("ok 2"));
}

TEST_F(StoreLiveTest, ARotationStepElsewhereMovesThisConsolesWritesToTheNewEpoch)
{
    // The lead (`other`) rotates the team key while this console is open: each step reaches
    // this console within a second, its store re-reads its keys, and after the rotation it writes
    // under the new epoch — never a row the retired key alone could open.
    ASSERT_TRUE(mine->connections().upsert(liveSample(1)).ok());
    auto live = follow();
    QSignalSpy keys(live.get(), &store::StoreLive::keysChanged);
    const crypto::SecureBytes newKey = crypto::Random::secretBytes(32);

    ASSERT_TRUE(store::KeyRotation::propose(*other, newKey).ok());
    ASSERT_TRUE(waitUntil([&] { return keys.count() >= 1; }, 5000)) << "propose not announced";
    ASSERT_TRUE(mine->addKey(newKey).ok()) << "the agent imports the new key beside the old";
    EXPECT_EQ(mine->cipher().epoch(), 1);

    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(store::KeyRotation::start(*other).ok());
    ASSERT_TRUE(waitUntil([&] { return mine->cipher().epoch() == 2; }, 5000))
        << "this console still seals under epoch " << mine->cipher().epoch();
    EXPECT_LT(clock.elapsed(), 1000) << "the rotation step took " << clock.elapsed() << " ms";
    EXPECT_GE(keys.count(), 2);

    ASSERT_TRUE(reEncryptToTheEnd(*other));
    ASSERT_TRUE(waitUntil([&] { return keys.count() >= 3; }, 5000)) << "Finished not announced";
    ASSERT_TRUE(mine->connections().upsert(liveSample(2)).ok());
    auto newOnly = where.open(newKey);
    ASSERT_TRUE(newOnly.ok()) << newOnly.error().message.toStdString();
    EXPECT_TRUE((*newOnly)->connections().get(liveSample(2).connectionId).ok());
    EXPECT_TRUE((*newOnly)->connections().get(liveSample(1).connectionId).ok());
    EXPECT_EQ(where
                  .rawScalar(QStringLiteral("SELECT count(*) FROM connections WHERE key_epoch "
                                            "<> 2"))
                  .toLongLong(),
              0);
}

TEST_F(StoreLiveTest, ANextKeyHeldInTheKeychainIsTakenForTheStoreAndItsListener)
{
    // This console opened its team's store with the current key only; the agent had imported
    // the next key into the keychain beside it. The lead's steps reach it: it takes the key
    // (store and listener), writes under the next epoch after start, and decrypts the rows the
    // lead writes under it.
    const QString teamName =
        QStringLiteral("live-team-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    team::TeamKeychain keychain(teamName);
    const team::TeamKey next = team::TeamKey::create();
    std::optional<bool> saved;
    keychain.saveTeamKey(team::TeamKey::fromBytes(key.clone()), [&](auto r) {
        if (!r.ok()) {
            saved = false;
            return;
        }
        keychain.saveOtherKey(next, [&](auto o) { saved = o.ok(); });
    });
    ASSERT_TRUE(waitUntil([&] { return saved.has_value(); }, 20000) && *saved);
    auto opened = store::Store::open(where.target().withTeam(teamName), key, {}, where.password());
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    std::unique_ptr<store::Store> console = std::move(opened).value();
    store::StoreLive live(*console);
    QSignalSpy changed(&live, &store::StoreLive::rowChanged);
    ASSERT_TRUE(waitUntil([&] { return live.isListening(); }, 10000));

    ASSERT_TRUE(store::KeyRotation::propose(*other, next.bytes()).ok());
    ASSERT_TRUE(waitUntil([&] { return console->epochKeys().count(2) == 1; }, 5000))
        << "the next key was not taken from the keychain";
    ASSERT_TRUE(store::KeyRotation::start(*other).ok());
    ASSERT_TRUE(waitUntil([&] { return console->cipher().epoch() == 2; }, 5000));
    EXPECT_TRUE(console->writable());
    ASSERT_TRUE(console->connections().upsert(liveSample(7)).ok());
    auto byNext = where.open(next.bytes());
    ASSERT_TRUE(byNext.ok());
    EXPECT_TRUE((*byNext)->connections().get(liveSample(7).connectionId).ok());

    // Mid-rotation a row's change is announced as "many" (its blind index differs per epoch):
    // this console re-reads, and reads the lead's row written under the next epoch.
    QSignalSpy many(&live, &store::StoreLive::manyChanged);
    ASSERT_TRUE(other->connections().upsert(liveSample(8)).ok());
    ASSERT_TRUE(waitUntil([&] { return many.count() >= 1; }, 5000));
    EXPECT_TRUE(console->connections().get(liveSample(8).connectionId).ok());

    // After the rotation single rows are announced again: the listener decrypts the lead's row
    // with the key it was handed (it opened with the old key alone).
    ASSERT_TRUE(reEncryptToTheEnd(*other));
    ASSERT_TRUE(waitUntil(
        [&] { return console->rotationPlan().phase() == team::RotationPlan::Phase::Finished; },
        5000));
    auto leadAfter = where.open(next.bytes()); // the new key alone: single-row announcements
    ASSERT_TRUE(leadAfter.ok()) << leadAfter.error().message.toStdString();
    ASSERT_TRUE((*leadAfter)->connections().upsert(liveSample(9)).ok());
    ASSERT_TRUE(waitUntil(
        [&] {
            for (const auto &args : changed) {
                if (args.first().value<Connection>().connectionId == liveSample(9).connectionId)
                    return true;
            }
            return false;
        },
        5000))
        << "the listener did not read the next epoch's row";

    int pending = 2;
    keychain.removeTeamKey([&](auto) { --pending; });
    keychain::Keychain profile(team::TeamKeychain::profileFor(teamName));
    profile.remove(team::TeamKeychain::otherKeyName(next.keyId()), [&](auto) { --pending; });
    waitUntil([&] { return pending == 0; }, 10000);
}

TEST_F(StoreLiveTest, OwnWritesAreNotEchoedAndRemovalsAndBatchesAreAnnounced)
{
    auto live = follow();
    QSignalSpy changed(live.get(), &store::StoreLive::rowChanged);
    QSignalSpy removed(live.get(), &store::StoreLive::rowRemoved);
    QSignalSpy many(live.get(), &store::StoreLive::manyChanged);

    const Connection own = liveSample(2);
    ASSERT_TRUE(mine->connections().upsert(own).ok());
    const Connection theirs = liveSample(3);
    ASSERT_TRUE(other->connections().upsert(theirs).ok());
    ASSERT_TRUE(waitUntil([&] { return changed.count() >= 1; }, 5000));
    QTest::qWait(300); // the own write, sent first, would have arrived by now
    ASSERT_EQ(changed.count(), 1) << "a console's own write must not come back to it";
    EXPECT_EQ(changed.first().first().value<Connection>().connectionId, theirs.connectionId);
    EXPECT_EQ(changed.first().first().value<Connection>().version, 1);

    ASSERT_TRUE(other->connections().remove(theirs.connectionId).ok());
    ASSERT_TRUE(waitUntil([&] { return removed.count() >= 1; }, 5000));
    EXPECT_EQ(removed.first().first().toByteArray(),
              mine->blindIndex().index(u"connectionId", theirs.connectionId));

    ASSERT_TRUE(other->connections().upsertMany({ liveSample(4), liveSample(5) }).ok());
    ASSERT_TRUE(waitUntil([&] { return many.count() >= 1; }, 5000));
    EXPECT_EQ(changed.count(), 1) << "a batch is announced once, not row by row";
}

TEST_F(StoreLiveTest, ThePayloadOnTheWireCarriesNoPlaintext)
{
    // A raw listener of our own, as anyone with access to the server could run.
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("raw"));
    {
        const store::StoreTarget &t = where.target();
        raw.setHostName(t.host());
        raw.setPort(t.port());
        raw.setDatabaseName(t.database());
        raw.setUserName(t.user());
        raw.setConnectOptions(t.connectOptions());
        raw.setPassword(where.password().toUtf8String());
        ASSERT_TRUE(raw.open()) << raw.lastError().text().toStdString();
        ASSERT_TRUE(raw.driver()->subscribeToNotification(
            QString::fromLatin1(store::StoreChange::kChannel)));
        QStringList payloads;
        QObject::connect(raw.driver(), &QSqlDriver::notification, raw.driver(),
                         [&](const QString &, QSqlDriver::NotificationSource, const QVariant &p) {
                             payloads << p.toString();
                         });
        const Connection c = liveSample(6);
        ASSERT_TRUE(other->connections().upsert(c).ok());
        ASSERT_TRUE(waitUntil([&] { return !payloads.isEmpty(); }, 5000));
        const QString payload = payloads.first();
        for (const QString &plain : { c.connectionId, c.aeroPassUserUuid, c.bankName })
            EXPECT_FALSE(payload.contains(plain, Qt::CaseInsensitive)) << payload.toStdString();
        const auto parsed = store::StoreChange::fromPayload(payload);
        ASSERT_TRUE(parsed.has_value()) << payload.toStdString();
        EXPECT_EQ(parsed->table, QStringLiteral("connections"));
        EXPECT_EQ(parsed->version, 1);
        EXPECT_EQ(parsed->session, other->sessionId());
        EXPECT_EQ(parsed->rowIndex, other->blindIndex().index(u"connectionId", c.connectionId));
        raw.close();
    }
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

namespace {
// Stops and restarts its server: a private one (the run's shared cluster serves other tests).
class StoreLiveOutage : public StoreLiveTest
{
protected:
    StoreLiveOutage()
        : StoreLiveTest(test::privatePgServer())
    {
    }
};
} // namespace

TEST_F(StoreLiveOutage, ServerStoppedMidSessionGoesOfflineRefusesWritesAndRecoversByItself)
{
    const Connection before = liveSample(7);
    ASSERT_TRUE(mine->connections().upsert(before).ok());
    auto live = follow();
    StoreHealth &health = live->health();
    ASSERT_EQ(health.state(), StoreHealth::State::Online);
    EXPECT_TRUE(health.canWrite());
    QSignalSpy recovered(live.get(), &store::StoreLive::recovered);

    test::PgServer &server = where.server();
    ASSERT_FALSE(server.isAttached());
    server.stop();
    // The listener's heartbeat notices within a few seconds, without any write.
    ASSERT_TRUE(waitUntil([&] { return health.state() == StoreHealth::State::Offline; }, 10000));
    EXPECT_FALSE(health.canWrite());
    EXPECT_TRUE(health.since().isValid());
    EXPECT_TRUE(health.refusal().startsWith(QStringLiteral("Team store unreachable since ")))
        << health.refusal().toStdString();
    EXPECT_TRUE(health.refusal().contains(QStringLiteral("read-only")));
    // A write on the console's own connection fails as Unreachable (and is not queued).
    Connection during = before;
    during.version = 1;
    during.status = QStringLiteral("DURING_OUTAGE");
    const auto refused = mine->connections().upsert(during);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, StoreError::Kind::Unreachable)
        << refused.error().message.toStdString();
    live->reportFailure(refused.error());
    EXPECT_EQ(health.state(), StoreHealth::State::Offline);

    ASSERT_TRUE(server.start()) << server.errorString().toStdString();
    // Another console changes a row right after the restart, before this one is back.
    ASSERT_TRUE(other->database().open().ok());
    Connection meanwhile = liveSample(8);
    ASSERT_TRUE(other->connections().upsert(meanwhile).ok());

    // Back by itself within the backoff (1 s, 2 s, 5 s …), with its own connection reopened.
    ASSERT_TRUE(waitUntil([&] { return health.state() == StoreHealth::State::Online; }, 20000));
    ASSERT_TRUE(waitUntil([&] { return recovered.count() >= 1; }, 5000));
    EXPECT_TRUE(health.canWrite());
    auto seen = mine->connections().get(meanwhile.connectionId);
    ASSERT_TRUE(seen.ok()) << seen.error().message.toStdString();
    EXPECT_EQ(seen->bankName, meanwhile.bankName);
    // Nothing of the refused write reached the store; writing works again.
    auto kept = mine->connections().get(before.connectionId);
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(kept->status, QStringLiteral("CONNECTED"));
    EXPECT_EQ(kept->version, 1);
    EXPECT_TRUE(mine->connections().upsert(during).ok());

    // And it listens again: another change arrives live.
    QSignalSpy changed(live.get(), &store::StoreLive::rowChanged);
    Connection after = liveSample(9);
    ASSERT_TRUE(other->connections().upsert(after).ok());
    ASSERT_TRUE(waitUntil([&] { return changed.count() >= 1; }, 5000));
}

TEST(StoreLiveSqlite, IsANoOpOnOneDesktop)
{
    test::StoreBackend where(Backend::Sqlite);
    ASSERT_TRUE(where.ok());
    auto opened = where.open(crypto::Random::secretBytes(32));
    ASSERT_TRUE(opened.ok());
    store::StoreLive live(**opened);
    EXPECT_FALSE(live.isActive());
    EXPECT_TRUE(live.health().canWrite());
    EXPECT_TRUE(live.health().refusal().isEmpty());
}
