// Partner users and their userCodes in the store (team mode, docs/team.md): the repository
// (schema v7) and TeamPartnerUserStore (its worker thread), on both backends — a real SQLite
// file and a real PostgreSQL 15 database. A userCode comes back only for its own user, is gone
// after forget(), two consoles (two Stores) see each other's users and codes, and the database
// holds no partner user id and no userCode in any form.

#include "core/embedded/TeamPartnerUserStore.h"

#include "core/crypto/Random.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/PartnerUserStoreWorker.h"
#include "core/keychain/Keychain.h"
#include "core/store/PartnerUserRepository.h"
#include "core/store/Store.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"

#include <QJsonDocument>
#include <QTest>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using embedded::PartnerUser;
using embedded::PartnerUserDirectory;
using embedded::TeamPartnerUserStore;
using keychain::KeychainError;
using store::PartnerUserRepository;
using store::StoreError;
using test::Backend;
using test::waitUntil;

namespace {

const QString kScope = QStringLiteral("Sandbox");

PartnerUser partnerUser(const QString &id, PartnerUser::State state = PartnerUser::State::Connected)
{
    PartnerUser u;
    u.id = id;
    u.state = state;
    u.connectedSince = QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
    u.changedAt = u.connectedSince;
    u.note = QStringLiteral("Connected: userCode stored, provider answered 200.");
    return u;
}

QByteArray recordOf(const PartnerUser &u)
{
    return QJsonDocument(u.toJson()).toJson(QJsonDocument::Compact);
}

/// A userCode as the provider hands them out: random, so a scan finds only what we put.
crypto::SecureBytes freshCode()
{
    QByteArray text = QByteArrayLiteral("uc_") + crypto::Random::hex(20);
    return crypto::SecureBytes::takeFrom(text);
}

class PartnerUserStoreTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        auto opened = where.open(key);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        store = std::move(opened).value();
        repo = std::make_unique<PartnerUserRepository>(store->database(), store->cipher(),
                                                       store->blindIndex());
    }

    KeychainError waitDone(const std::function<void(TeamPartnerUserStore::Done)> &start)
    {
        std::optional<KeychainError> out;
        start([&](const KeychainError &e) { out = e; });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 20000)) << "no answer";
        return out.value_or(KeychainError { KeychainError::Kind::Timeout, {} });
    }
    std::pair<KeychainError, QByteArray> loadCode(TeamPartnerUserStore &team, const QString &id)
    {
        std::optional<std::pair<KeychainError, QByteArray>> out;
        team.load(id, [&](const KeychainError &e, crypto::SecureBytes code) {
            out.emplace(e, code.view().toByteArray());
        });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 20000)) << "no answer";
        return out.value_or(
            std::pair { KeychainError { KeychainError::Kind::Timeout, {} }, QByteArray() });
    }

    test::StoreBackend where { GetParam() };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    std::unique_ptr<store::Store> store;
    std::unique_ptr<PartnerUserRepository> repo;
};

INSTANTIATE_TEST_SUITE_P(Backends, PartnerUserStoreTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);

TEST_P(PartnerUserStoreTest, PutFindListAndRemovePartnerUsers)
{
    ASSERT_TRUE(repo->put(kScope, QStringLiteral("alice"), recordOf(partnerUser("alice"))).ok());
    ASSERT_TRUE(repo->put(kScope, QStringLiteral("bob"), recordOf(partnerUser("bob"))).ok());
    auto alice = repo->find(kScope, QStringLiteral("alice"));
    ASSERT_TRUE(alice.ok()) << alice.error().message.toStdString();
    EXPECT_EQ(alice->id, QStringLiteral("alice"));
    EXPECT_EQ(alice->record, recordOf(partnerUser("alice")));
    EXPECT_EQ(alice->version, 1);
    EXPECT_FALSE(alice->hasUserCode);

    // A change replaces the record and counts a version.
    ASSERT_TRUE(repo->put(kScope, QStringLiteral("alice"),
                          recordOf(partnerUser("alice", PartnerUser::State::LoggedOut)))
                    .ok());
    alice = repo->find(kScope, QStringLiteral("alice"));
    ASSERT_TRUE(alice.ok());
    EXPECT_EQ(alice->version, 2);
    EXPECT_EQ(PartnerUser::fromJson(QJsonDocument::fromJson(alice->record).object())->state,
              PartnerUser::State::LoggedOut);

    auto all = repo->all(kScope);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2);
    EXPECT_EQ(all->at(0).id, QStringLiteral("alice"));
    EXPECT_EQ(all->at(1).id, QStringLiteral("bob"));
    // Another environment's users are not these.
    auto production = repo->all(QStringLiteral("Production"));
    ASSERT_TRUE(production.ok());
    EXPECT_TRUE(production->isEmpty());
    EXPECT_EQ(repo->find(QStringLiteral("Production"), QStringLiteral("alice")).error().kind,
              StoreError::Kind::NotFound);
    // Ids are exact: "Alice" is someone else.
    EXPECT_EQ(repo->find(kScope, QStringLiteral("Alice")).error().kind, StoreError::Kind::NotFound);

    ASSERT_TRUE(repo->remove(kScope, QStringLiteral("alice")).ok());
    EXPECT_EQ(repo->find(kScope, QStringLiteral("alice")).error().kind, StoreError::Kind::NotFound);
    all = repo->all(kScope);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1);
    EXPECT_EQ(all->at(0).id, QStringLiteral("bob"));
    EXPECT_EQ(where.rawScalar(QStringLiteral("SELECT count(*) FROM partner_users")).toInt(), 1);
}

TEST_P(PartnerUserStoreTest, AUserCodeIsReturnedOnlyForItsUser)
{
    const crypto::SecureBytes aliceCode = freshCode();
    const crypto::SecureBytes bobCode = freshCode();
    ASSERT_TRUE(repo->saveUserCode(kScope, QStringLiteral("alice"), aliceCode).ok());
    ASSERT_TRUE(repo->put(kScope, QStringLiteral("bob"), recordOf(partnerUser("bob"))).ok());

    auto mine = repo->userCode(kScope, QStringLiteral("alice"));
    ASSERT_TRUE(mine.ok()) << mine.error().message.toStdString();
    EXPECT_EQ(mine->view(), aliceCode.view());
    // Bob has a row but no code; "Alice", another environment's alice and "" get nothing.
    EXPECT_EQ(repo->userCode(kScope, QStringLiteral("bob")).error().kind,
              StoreError::Kind::NotFound);
    EXPECT_EQ(repo->userCode(kScope, QStringLiteral("Alice")).error().kind,
              StoreError::Kind::NotFound);
    EXPECT_EQ(repo->userCode(QStringLiteral("Production"), QStringLiteral("alice")).error().kind,
              StoreError::Kind::NotFound);
    EXPECT_FALSE(repo->userCode(kScope, QString()).ok());
    // A code stored before the user's record does not make a listed user.
    auto all = repo->all(kScope);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1);
    EXPECT_EQ(all->at(0).id, QStringLiteral("bob"));

    // Alice's sealed code copied into Bob's row on the server does not open there: Bob never
    // gets Alice's code, even from someone who can write the database.
    ASSERT_TRUE(repo->saveUserCode(kScope, QStringLiteral("bob"), bobCode).ok());
    ASSERT_TRUE(where.rawExec(
        QStringLiteral("UPDATE partner_users SET user_code = (SELECT user_code FROM partner_users"
                       " WHERE user_index = ?) WHERE user_index = ?"),
        { repo->rowKey(kScope, QStringLiteral("alice")),
          repo->rowKey(kScope, QStringLiteral("bob")) }));
    auto swapped = repo->userCode(kScope, QStringLiteral("bob"));
    ASSERT_FALSE(swapped.ok());
    EXPECT_EQ(swapped.error().kind, StoreError::Kind::Crypto);
    // Nor does Bob's whole row copied over Alice's (id included) answer for Alice.
    ASSERT_TRUE(where.rawExec(
        QStringLiteral("UPDATE partner_users SET user_id = (SELECT user_id FROM partner_users"
                       " WHERE user_index = ?) WHERE user_index = ?"),
        { repo->rowKey(kScope, QStringLiteral("bob")),
          repo->rowKey(kScope, QStringLiteral("alice")) }));
    EXPECT_FALSE(repo->userCode(kScope, QStringLiteral("alice")).ok());
}

TEST_P(PartnerUserStoreTest, ForgetRemovesTheCodeAndKeepsTheUser)
{
    const crypto::SecureBytes code = freshCode();
    ASSERT_TRUE(repo->put(kScope, QStringLiteral("carol"), recordOf(partnerUser("carol"))).ok());
    ASSERT_TRUE(repo->saveUserCode(kScope, QStringLiteral("carol"), code).ok());
    auto row = repo->find(kScope, QStringLiteral("carol"));
    ASSERT_TRUE(row.ok());
    EXPECT_TRUE(row->hasUserCode);

    ASSERT_TRUE(repo->forgetUserCode(kScope, QStringLiteral("carol")).ok());
    EXPECT_EQ(repo->userCode(kScope, QStringLiteral("carol")).error().kind,
              StoreError::Kind::NotFound);
    row = repo->find(kScope, QStringLiteral("carol"));
    ASSERT_TRUE(row.ok());
    EXPECT_FALSE(row->hasUserCode);
    EXPECT_EQ(row->version, 3) << "written, code stored, code removed";
    EXPECT_TRUE(where
                    .rawScalar(QStringLiteral("SELECT count(*) FROM partner_users WHERE "
                                              "user_code IS NOT NULL"))
                    .toInt() == 0)
        << "the sealed code itself is gone from the database";
    // Forgetting again (or a user who never had one) is not an error.
    EXPECT_TRUE(repo->forgetUserCode(kScope, QStringLiteral("carol")).ok());
    EXPECT_TRUE(repo->forgetUserCode(kScope, QStringLiteral("nobody")).ok());
    // An empty code is refused rather than stored.
    EXPECT_EQ(
        repo->saveUserCode(kScope, QStringLiteral("carol"), crypto::SecureBytes()).error().kind,
        StoreError::Kind::InvalidInput);
}

TEST_P(PartnerUserStoreTest, TwoConsolesSeeEachOthersUsersAndCodes)
{
    // Console B: a second Store on the same database, as another agent's console opens it.
    auto other = where.open(key);
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    std::unique_ptr<store::Store> storeB = std::move(other).value();
    keychain::Keychain unusedA(QStringLiteral("aerodesk-test-team-users-a"));
    keychain::Keychain unusedB(QStringLiteral("aerodesk-test-team-users-b"));
    auto teamA = std::make_shared<TeamPartnerUserStore>(*store, kScope);
    auto teamB = std::make_shared<TeamPartnerUserStore>(*storeB, kScope);
    PartnerUserDirectory consoleA(unusedA);
    PartnerUserDirectory consoleB(unusedB);
    consoleA.useStore(teamA);
    consoleB.useStore(teamB);
    ASSERT_TRUE(waitUntil([&] { return consoleA.isLoaded() && consoleB.isLoaded(); }, 20000))
        << consoleA.loadError().toStdString() << consoleB.loadError().toStdString();
    EXPECT_TRUE(consoleA.users().isEmpty());

    // A stores dave's code (committed before the answer), then his record.
    const crypto::SecureBytes code = freshCode();
    ASSERT_TRUE(waitDone([&](auto done) { teamA->save(QStringLiteral("dave"), code, done); }).ok());
    ASSERT_TRUE(waitDone([&](auto done) { consoleA.put(partnerUser("dave"), done); }).ok());

    // B reads the list again and finds dave, and dave's code — only dave's.
    ASSERT_TRUE(waitDone([&](auto done) { consoleB.load(done); }).ok());
    ASSERT_TRUE(consoleB.find(QStringLiteral("dave")).has_value());
    EXPECT_EQ(consoleB.find(QStringLiteral("dave"))->state, PartnerUser::State::Connected);
    auto [e, seen] = loadCode(*teamB, QStringLiteral("dave"));
    ASSERT_TRUE(e.ok()) << e.message.toStdString();
    EXPECT_EQ(seen, code.view().toByteArray());
    EXPECT_EQ(loadCode(*teamB, QStringLiteral("erin")).first.kind, KeychainError::Kind::NotFound);

    // B logs dave out: code removed, state written; A sees both.
    ASSERT_TRUE(waitDone([&](auto done) { teamB->forget(QStringLiteral("dave"), done); }).ok());
    ASSERT_TRUE(waitDone([&](auto done) {
                    consoleB.put(partnerUser("dave", PartnerUser::State::LoggedOut), done);
                }).ok());
    EXPECT_EQ(loadCode(*teamA, QStringLiteral("dave")).first.kind, KeychainError::Kind::NotFound);
    ASSERT_TRUE(waitDone([&](auto done) { consoleA.load(done); }).ok());
    ASSERT_TRUE(consoleA.find(QStringLiteral("dave")).has_value());
    EXPECT_EQ(consoleA.find(QStringLiteral("dave"))->state, PartnerUser::State::LoggedOut);

    // Another environment on the same store sees none of it.
    auto production = std::make_shared<TeamPartnerUserStore>(*storeB, QStringLiteral("Production"));
    PartnerUserDirectory consoleC(unusedB);
    consoleC.useStore(production);
    ASSERT_TRUE(waitUntil([&] { return consoleC.isLoaded(); }, 20000));
    EXPECT_TRUE(consoleC.users().isEmpty());

    // whenWritten reports the last write; remove() deletes the row.
    ASSERT_TRUE(waitDone([&](auto done) { consoleA.whenWritten(done); }).ok());
    ASSERT_TRUE(waitDone([&](auto done) { teamA->remove(QStringLiteral("dave"), done); }).ok());
    ASSERT_TRUE(waitDone([&](auto done) { consoleB.load(done); }).ok());
    EXPECT_FALSE(consoleB.find(QStringLiteral("dave")).has_value());
}

// Live (docs/team.md, "Live updates"): on PostgreSQL a console is told when another console
// changes a partner user of its environment — a record, a code stored, a code forgotten, a
// removal — and never for its own writes or another environment's. A SQLite file has no feed.
TEST_P(PartnerUserStoreTest, AnotherConsolesChangeToThisEnvironmentIsAnnounced)
{
    auto other = where.open(key);
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    std::unique_ptr<store::Store> storeB = std::move(other).value();
    auto teamA = std::make_shared<TeamPartnerUserStore>(*store, kScope);
    auto teamB = std::make_shared<TeamPartnerUserStore>(*storeB, kScope);
    auto productionB =
        std::make_shared<TeamPartnerUserStore>(*storeB, QStringLiteral("Production"));
    int seenByB = 0;
    int seenByA = 0;
    int seenByProduction = 0;
    QObject::connect(teamB.get(), &TeamPartnerUserStore::changedElsewhere, [&] { ++seenByB; });
    QObject::connect(teamA.get(), &TeamPartnerUserStore::changedElsewhere, [&] { ++seenByA; });
    QObject::connect(productionB.get(), &TeamPartnerUserStore::changedElsewhere,
                     [&] { ++seenByProduction; });
    // Every store has opened (and subscribed) once it has answered a read.
    for (TeamPartnerUserStore *t : { teamA.get(), teamB.get(), productionB.get() }) {
        std::optional<KeychainError> read;
        t->readAll([&](const KeychainError &e, QList<PartnerUser>) { read = e; });
        ASSERT_TRUE(waitUntil([&] { return read.has_value(); }, 20000));
        ASSERT_TRUE(read->ok()) << read->message.toStdString();
    }

    const bool live = where.isPostgres();
    const auto expectB = [&](int count, const char *what) {
        if (live)
            EXPECT_TRUE(waitUntil([&] { return seenByB >= count; }, 1000))
                << what << ": seen " << seenByB << " times";
        else
            QTest::qWait(300);
        EXPECT_EQ(seenByB, live ? count : 0) << what;
    };
    ASSERT_TRUE(waitDone([&](auto done) {
                    teamA->write(partnerUser("fay"), { partnerUser("fay") }, done);
                }).ok());
    expectB(1, "a record");
    ASSERT_TRUE(
        waitDone([&](auto done) { teamA->save(QStringLiteral("fay"), freshCode(), done); }).ok());
    expectB(2, "a code stored");
    ASSERT_TRUE(waitDone([&](auto done) { teamA->forget(QStringLiteral("fay"), done); }).ok());
    expectB(3, "a code forgotten");
    ASSERT_TRUE(waitDone([&](auto done) { teamA->remove(QStringLiteral("fay"), done); }).ok());
    expectB(4, "a removal");
    // Forgetting a code that is not there changes nothing and says nothing.
    ASSERT_TRUE(waitDone([&](auto done) { teamA->forget(QStringLiteral("fay"), done); }).ok());
    QTest::qWait(300);
    EXPECT_EQ(seenByB, live ? 4 : 0);
    EXPECT_EQ(seenByA, 0) << "a console is not told of its own writes";
    EXPECT_EQ(seenByProduction, 0) << "another environment's users did not change";
}

TEST_P(PartnerUserStoreTest, TheDatabaseHoldsNoPartnerUserIdAndNoUserCode)
{
    QStringList ids;
    QList<QByteArray> codes;
    {
        auto team = std::make_shared<TeamPartnerUserStore>(*store, kScope);
        keychain::Keychain unused(QStringLiteral("aerodesk-test-team-users-scan"));
        PartnerUserDirectory directory(unused);
        directory.useStore(team);
        ASSERT_TRUE(waitUntil([&] { return directory.isLoaded(); }, 20000));
        for (int i = 0; i < 20; ++i) {
            const QString id = QStringLiteral("partner-%1-%2")
                                   .arg(i)
                                   .arg(QString::fromLatin1(crypto::Random::hex(6)));
            crypto::SecureBytes code = freshCode();
            ids << id;
            codes << code.view().toByteArray();
            ASSERT_TRUE(waitDone([&](auto done) { team->save(id, code, done); }).ok());
            const auto state =
                i % 3 == 0 ? PartnerUser::State::Invalid : PartnerUser::State::Connected;
            ASSERT_TRUE(
                waitDone([&](auto done) { directory.put(partnerUser(id, state), done); }).ok());
            if (i % 3 == 0) { // invalid: its code removed, as the workflow does
                ASSERT_TRUE(waitDone([&](auto done) { team->forget(id, done); }).ok());
            }
        }
        // Every user of the run is there, read back through the store.
        ASSERT_TRUE(waitDone([&](auto done) { directory.load(done); }).ok());
        EXPECT_EQ(directory.users().size(), 20);
        auto [e, back] = loadCode(*team, ids.at(1));
        ASSERT_TRUE(e.ok());
        EXPECT_EQ(back, codes.at(1));
    }
    store.reset();
    repo.reset();
    const QByteArray raw = where.rawBytes();
    ASSERT_GT(raw.size(), 0);
    ASSERT_TRUE(raw.contains("partner_users")) << "the scan covers the table";
    QList<QByteArray> secrets = codes;
    for (const QString &id : std::as_const(ids))
        secrets << id.toUtf8();
    for (const QByteArray &s : std::as_const(secrets)) {
        EXPECT_FALSE(raw.contains(s)) << "plain: " << s.toStdString();
        EXPECT_FALSE(raw.contains(s.toUpper())) << "upper: " << s.toStdString();
        EXPECT_FALSE(raw.contains(s.toHex())) << "hex: " << s.toStdString();
        EXPECT_FALSE(raw.contains(s.toHex().toUpper())) << "HEX: " << s.toStdString();
        EXPECT_FALSE(raw.contains(s.toBase64())) << "base64: " << s.toStdString();
    }
}

} // namespace

// Off-line tolerance (docs/team.md, "When the database goes away"): the server stopped and
// started again under two consoles' partner-user stores. Each opens its connection again by
// itself — console A's next write goes through, console B listens again and re-reads — with no
// new store object and no call from the session. A private server: the run's shared cluster
// serves other tests.
TEST(PartnerUserStoreOutage, BothConsolesReconnectAndListenAgainAfterARestart)
{
    test::StoreBackend where(Backend::Postgres, test::privatePgServer());
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    const crypto::SecureBytes key = crypto::Random::secretBytes(32);
    auto openedA = where.open(key);
    ASSERT_TRUE(openedA.ok()) << openedA.error().message.toStdString();
    auto openedB = where.open(key);
    ASSERT_TRUE(openedB.ok()) << openedB.error().message.toStdString();
    const std::unique_ptr<store::Store> storeA = std::move(openedA).value();
    const std::unique_ptr<store::Store> storeB = std::move(openedB).value();
    auto teamA = std::make_shared<TeamPartnerUserStore>(*storeA, kScope);
    auto teamB = std::make_shared<TeamPartnerUserStore>(*storeB, kScope);
    int seenByB = 0;
    QObject::connect(teamB.get(), &TeamPartnerUserStore::changedElsewhere, [&] { ++seenByB; });
    // Each console's outage as a state (what the Partner users panel shows): gone, then back.
    QList<bool> reachA, reachB;
    QObject::connect(teamA.get(), &TeamPartnerUserStore::reachableChanged,
                     [&](bool r) { reachA << r; });
    QObject::connect(teamB.get(), &TeamPartnerUserStore::reachableChanged,
                     [&](bool r) { reachB << r; });
    const auto call = [](const std::function<void(TeamPartnerUserStore::Done)> &start) {
        std::optional<KeychainError> out;
        start([&](const KeychainError &e) { out = e; });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 30000)) << "no answer";
        return out.value_or(KeychainError { KeychainError::Kind::Timeout, {} });
    };
    const auto put = [&](const char *id) {
        return call([&](auto done) { teamA->write(partnerUser(id), { partnerUser(id) }, done); });
    };
    // Both have opened (and B has subscribed) once they have answered a read.
    for (TeamPartnerUserStore *t : { teamA.get(), teamB.get() }) {
        std::optional<KeychainError> read;
        t->readAll([&](const KeychainError &e, QList<PartnerUser>) { read = e; });
        ASSERT_TRUE(waitUntil([&] { return read.has_value(); }, 20000));
        ASSERT_TRUE(read->ok()) << read->message.toStdString();
    }
    ASSERT_TRUE(put("gus").ok());
    ASSERT_TRUE(waitUntil([&] { return seenByB >= 1; }, 5000)) << "B does not listen";

    test::PgServer &server = where.server();
    server.stop();
    // While it is down a write fails with the team store's words; nothing is queued.
    const KeychainError refused = put("hal");
    EXPECT_FALSE(refused.ok());
    EXPECT_TRUE(refused.message.startsWith(QStringLiteral("The team store failed")))
        << refused.message.toStdString();
    EXPECT_EQ(reachA, QList<bool> { false }) << "A's failed write did not mark it unreachable";
    EXPECT_FALSE(teamA->isReachable());
    // B, idle, notices by its watch alone.
    EXPECT_TRUE(waitUntil([&] { return !reachB.isEmpty(); },
                          3 * embedded::PartnerUserStoreWorker::kWatchMs))
        << "B never noticed the outage";
    EXPECT_EQ(reachB, QList<bool> { false });
    ASSERT_TRUE(server.start()) << server.errorString().toStdString();

    // A's next write opens a new connection and goes through.
    const KeychainError afterRestart = put("ivy");
    ASSERT_TRUE(afterRestart.ok()) << afterRestart.message.toStdString();
    EXPECT_EQ(reachA, (QList<bool> { false, true }));
    EXPECT_TRUE(teamA->isReachable());
    // B, without a call, notices within its watch, opens again, catches up and listens again.
    const int beforeCatchUp = seenByB;
    ASSERT_TRUE(waitUntil([&] { return seenByB > beforeCatchUp; },
                          3 * embedded::PartnerUserStoreWorker::kWatchMs))
        << "B never came back";
    EXPECT_EQ(reachB, (QList<bool> { false, true })) << "B is back before it catches up";
    QTest::qWait(300);
    const int listening = seenByB;
    ASSERT_TRUE(put("jay").ok());
    EXPECT_TRUE(waitUntil([&] { return seenByB > listening; }, 2000))
        << "B does not listen again after the restart";
    std::optional<QList<PartnerUser>> users;
    teamB->readAll([&](const KeychainError &, QList<PartnerUser> all) { users = all; });
    ASSERT_TRUE(waitUntil([&] { return users.has_value(); }, 20000));
    QStringList ids;
    for (const PartnerUser &u : std::as_const(*users))
        ids << u.id;
    EXPECT_EQ(
        ids, (QStringList { QStringLiteral("gus"), QStringLiteral("ivy"), QStringLiteral("jay") }));
}
