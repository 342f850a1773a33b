// A team store (PostgreSQL) opened by StoreOpener on a real PostgreSQL 15 and the real keychain:
// the password from the environment's profile, the data key = the team key of the target's
// team ("Team: <team>", teamKey); the store records the team key id it expects, and another
// team's key or no key reads nothing and writes nothing (docs/team.md).
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/KeyRotation.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeychain.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using store::StoreError;

namespace {
using TeamOpenResult = Result<std::shared_ptr<store::Store>, StoreError>;

QString uniqueName(const char *prefix)
{
    return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::optional<TeamOpenResult> openTeamSync(store::StoreOpener &opener,
                                           const store::StoreTarget &target)
{
    std::optional<TeamOpenResult> out;
    opener.open(target, [&](TeamOpenResult r) { out.emplace(std::move(r)); });
    test::waitUntil([&] { return out.has_value(); }, 30000);
    return out;
}

bool writeEntrySync(keychain::Keychain &kc, const char *name, const crypto::SecureBytes &value)
{
    std::optional<bool> ok;
    kc.write(QString::fromLatin1(name), value,
             [&](const keychain::KeychainError &e) { ok = e.ok(); });
    test::waitUntil([&] { return ok.has_value(); }, 20000);
    return ok.value_or(false);
}

void removeEntrySync(keychain::Keychain &kc, const char *name)
{
    bool removed = false;
    kc.remove(QString::fromLatin1(name), [&](const keychain::KeychainError &) { removed = true; });
    test::waitUntil([&] { return removed; });
}

/// A team whose key is in the real keychain for the test's life.
class HeldTeam
{
public:
    HeldTeam()
        : name(uniqueName("store-team-"))
        , m_keychain(name)
    {
        std::optional<bool> ok;
        m_keychain.saveTeamKey(key, [&](auto r) { ok = r.ok(); });
        test::waitUntil([&] { return ok.has_value(); }, 20000);
        saved = ok.value_or(false);
    }
    ~HeldTeam()
    {
        bool done = false;
        m_keychain.removeTeamKey([&](auto) { done = true; });
        test::waitUntil([&] { return done; });
    }
    const QString name;
    const team::TeamKey key = team::TeamKey::create();
    bool saved = false;

private:
    team::TeamKeychain m_keychain;
};

bool teamKeyStored(const QString &team)
{
    team::TeamKeychain kc(team);
    std::optional<bool> found;
    kc.readTeamKey([&](auto r) { found = r.ok(); });
    test::waitUntil([&] { return found.has_value(); }, 20000);
    return found.value_or(true);
}

connections::Connection leadConnection()
{
    connections::Connection c;
    c.connectionId = QStringLiteral("7eadbeef93f6a1f4b4db3284c009ef04");
    c.bankName = QStringLiteral("Aerosync Bank");
    return c;
}
} // namespace

// The lead's console creates the store with the team key and records its public id; it reopens
// with the same key and finds its row. A wrong password names the store, never the password.
TEST(StoreOpenerTeam, TheTeamKeyOpensTheStoreAndItsIdIsRecorded)
{
    test::StoreBackend where(test::Backend::Postgres);
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    HeldTeam team;
    ASSERT_TRUE(team.saved);
    keychain::Keychain env(uniqueName("env-"));
    store::StoreOpener opener(env);
    ASSERT_TRUE(writeEntrySync(env, keychain::entries::kTeamStorePassword, where.password()));
    const store::StoreTarget target = where.target().withTeam(team.name);

    auto created = openTeamSync(opener, target);
    ASSERT_TRUE(created.has_value());
    ASSERT_TRUE(created->ok()) << created->error().message.toStdString();
    ASSERT_TRUE((**created)->connections().upsert(leadConnection()).ok());
    created.reset();
    EXPECT_EQ(where
                  .rawScalar(QStringLiteral("SELECT convert_from(value, 'UTF8') FROM store_meta "
                                            "WHERE key = 'team_key_id'"))
                  .toString(),
              team.key.keyId());
    EXPECT_FALSE(where.rawBytes().contains(team.key.bytes().rawView()));

    auto again = openTeamSync(opener, target);
    ASSERT_TRUE(again.has_value());
    ASSERT_TRUE(again->ok()) << again->error().message.toStdString();
    EXPECT_TRUE((**again)->connections().contains(leadConnection().connectionId));
    again.reset();

    ASSERT_TRUE(writeEntrySync(env, keychain::entries::kTeamStorePassword,
                               crypto::SecureBytes::fromUtf8(QStringLiteral("not-the-password"))));
    auto refused = openTeamSync(opener, target);
    ASSERT_TRUE(refused.has_value());
    ASSERT_FALSE(refused->ok());
    EXPECT_EQ(refused->error().kind, StoreError::Kind::OpenFailed);
    EXPECT_FALSE(refused->error().message.contains(QStringLiteral("not-the-password")));
    removeEntrySync(env, keychain::entries::kTeamStorePassword);
}

// Mid-rotation the console opens with its current team key and adds the next epoch's key when
// its keychain holds it (imported beside the current one): it writes under the next epoch.
// Without it the same store opens read-only.
TEST(StoreOpenerTeam, MidRotationTheHeldNextKeyIsAddedSoTheConsoleWrites)
{
    test::StoreBackend where(test::Backend::Postgres);
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    HeldTeam team;
    ASSERT_TRUE(team.saved);
    keychain::Keychain env(uniqueName("env-"));
    store::StoreOpener opener(env);
    ASSERT_TRUE(writeEntrySync(env, keychain::entries::kTeamStorePassword, where.password()));
    const store::StoreTarget target = where.target().withTeam(team.name);
    const team::TeamKey next = team::TeamKey::create();
    {
        auto lead = openTeamSync(opener, target);
        ASSERT_TRUE(lead.has_value() && lead->ok());
        ASSERT_TRUE((**lead)->connections().upsert(leadConnection()).ok());
        ASSERT_TRUE(store::KeyRotation::propose(***lead, next.bytes()).ok());
        ASSERT_TRUE(store::KeyRotation::start(***lead).ok());
    }
    // Only the current key held: it opens, reads, and writes nothing.
    auto readOnly = openTeamSync(opener, target);
    ASSERT_TRUE(readOnly.has_value() && readOnly->ok());
    EXPECT_FALSE((**readOnly)->writable());
    EXPECT_TRUE((**readOnly)->connections().contains(leadConnection().connectionId));
    readOnly.reset();

    // The next key beside the current one in the keychain: added at open, the console writes.
    team::TeamKeychain keychain(team.name);
    std::optional<bool> saved;
    keychain.saveOtherKey(next, [&](auto r) { saved = r.ok(); });
    ASSERT_TRUE(test::waitUntil([&] { return saved.has_value(); }, 20000) && *saved);
    auto both = openTeamSync(opener, target);
    ASSERT_TRUE(both.has_value() && both->ok()) << both->error().message.toStdString();
    EXPECT_TRUE((**both)->writable());
    EXPECT_EQ((**both)->cipher().epoch(), 2);
    connections::Connection edited = leadConnection();
    edited.status = QStringLiteral("WRITTEN_MID_ROTATION");
    ASSERT_TRUE((**both)->connections().upsert(edited).ok());
    both.reset();
    auto byNext = where.open(next.bytes());
    ASSERT_TRUE(byNext.ok()) << byNext.error().message.toStdString();
    auto row = (*byNext)->connections().get(edited.connectionId);
    ASSERT_TRUE(row.ok()) << row.error().message.toStdString();
    EXPECT_EQ(row->status, QStringLiteral("WRITTEN_MID_ROTATION"));

    bool removed = false;
    keychain::Keychain teamProfile(team::TeamKeychain::profileFor(team.name));
    teamProfile.remove(team::TeamKeychain::otherKeyName(next.keyId()),
                       [&](const keychain::KeychainError &) { removed = true; });
    test::waitUntil([&] { return removed; });
    removeEntrySync(env, keychain::entries::kTeamStorePassword);
}

// Another team's key: WrongKey naming both PUBLIC key ids, and the database is byte for byte
// what it was (nothing read into a store, nothing written).
TEST(StoreOpenerTeam, AnotherTeamsKeyIsRefusedNamingBothKeyIdsAndWritesNothing)
{
    test::StoreBackend where(test::Backend::Postgres);
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    HeldTeam lead;
    HeldTeam other;
    ASSERT_TRUE(lead.saved && other.saved);
    keychain::Keychain env(uniqueName("env-"));
    store::StoreOpener opener(env);
    ASSERT_TRUE(writeEntrySync(env, keychain::entries::kTeamStorePassword, where.password()));
    {
        auto created = openTeamSync(opener, where.target().withTeam(lead.name));
        ASSERT_TRUE(created.has_value() && created->ok());
        ASSERT_TRUE((**created)->connections().upsert(leadConnection()).ok());
    }
    const QByteArray before = where.rawBytes();

    auto wrong = openTeamSync(opener, where.target().withTeam(other.name));
    ASSERT_TRUE(wrong.has_value());
    ASSERT_FALSE(wrong->ok());
    EXPECT_EQ(wrong->error().kind, StoreError::Kind::WrongKey);
    const QString message = wrong->error().message;
    EXPECT_TRUE(message.contains(lead.key.keyId())) << message.toStdString();
    EXPECT_TRUE(message.contains(other.key.keyId())) << message.toStdString();
    EXPECT_FALSE(message.contains(QString::fromLatin1(other.key.bytes().rawView().toHex())));
    EXPECT_EQ(where.rawBytes(), before) << "another team's key wrote into the store";
    removeEntrySync(env, keychain::entries::kTeamStorePassword);
}

// No team key on this console: MissingKey telling how to get one; no key is made up, nothing is
// written to the store.
TEST(StoreOpenerTeam, AMissingTeamKeyIsMissingKeyAndNeverMadeUp)
{
    test::StoreBackend where(test::Backend::Postgres);
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    HeldTeam lead;
    ASSERT_TRUE(lead.saved);
    keychain::Keychain env(uniqueName("env-"));
    store::StoreOpener opener(env);
    ASSERT_TRUE(writeEntrySync(env, keychain::entries::kTeamStorePassword, where.password()));
    {
        auto created = openTeamSync(opener, where.target().withTeam(lead.name));
        ASSERT_TRUE(created.has_value() && created->ok());
    }
    const QByteArray before = where.rawBytes();
    const QString keyless = uniqueName("keyless-team-");

    auto missing = openTeamSync(opener, where.target().withTeam(keyless));
    ASSERT_TRUE(missing.has_value());
    ASSERT_FALSE(missing->ok());
    EXPECT_EQ(missing->error().kind, StoreError::Kind::MissingKey);
    EXPECT_TRUE(missing->error().message.contains(QStringLiteral("aerodesk-cli team import")))
        << missing->error().message.toStdString();
    EXPECT_FALSE(teamKeyStored(keyless)) << "the opener made a team key up";
    EXPECT_EQ(where.rawBytes(), before);

    // No team named at all: refused before the keychain or the server.
    auto unnamed = openTeamSync(opener, where.target());
    ASSERT_TRUE(unnamed.has_value());
    ASSERT_FALSE(unnamed->ok());
    EXPECT_EQ(unnamed->error().kind, StoreError::Kind::InvalidInput);
    removeEntrySync(env, keychain::entries::kTeamStorePassword);
}

// A team server that accepts the connection and then says nothing (a hung server, a black-holing
// firewall): the console's open waits up to connect_timeout on the thread pool, never on this
// thread — the event loop keeps turning all along — and ends with a clear error.
TEST(StoreOpenerTeam, AHungServerIsWaitedForOffTheCallingThread)
{
    HeldTeam team;
    ASSERT_TRUE(team.saved);
    QTcpServer silent; // accepts, never answers (not even the SSLRequest's one byte)
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    QObject::connect(&silent, &QTcpServer::newConnection, [&] {
        while (QTcpSocket *s = silent.nextPendingConnection())
            held << s;
    });
    keychain::Keychain env(uniqueName("env-"));
    store::StoreOpener opener(env);
    ASSERT_TRUE(writeEntrySync(env, keychain::entries::kTeamStorePassword,
                               crypto::SecureBytes::fromUtf8(QStringLiteral("any-password"))));
    const store::StoreTarget target =
        store::StoreTarget::postgres(QStringLiteral("127.0.0.1"), silent.serverPort(),
                                     QStringLiteral("aerodesk"), QStringLiteral("agent"),
                                     QStringLiteral("require"), QString())
            .withTeam(team.name);

    QElapsedTimer sinceTick;
    qint64 longestGapMs = 0;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout,
                     [&] { longestGapMs = std::max(longestGapMs, sinceTick.restart()); });
    std::optional<TeamOpenResult> out;
    QElapsedTimer took;
    took.start();
    sinceTick.start();
    tick.start();
    opener.open(target, [&](TeamOpenResult r) { out.emplace(std::move(r)); });
    test::waitUntil([&] { return out.has_value(); }, 40000);
    tick.stop();
    ASSERT_TRUE(out.has_value()) << "the open never ended";
    ASSERT_FALSE(out->ok());
    EXPECT_EQ(out->error().kind, StoreError::Kind::OpenFailed);
    EXPECT_FALSE(out->error().message.contains(QStringLiteral("any-password")));
    EXPECT_FALSE(held.isEmpty()) << "the opener did reach the silent server";
    EXPECT_GE(took.elapsed(), 2000) << "it waited for the server (connect_timeout)";
    EXPECT_LT(longestGapMs, 1000) << "the calling thread was held " << longestGapMs << " ms";
    removeEntrySync(env, keychain::entries::kTeamStorePassword);
    qDeleteAll(held);
}
