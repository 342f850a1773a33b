// `aerodesk-cli team rotate-key` / `team rotation …` on a real store file with the real keychain
// (run-headless): the lead rotates the team key of a store, the next key can be exported, the
// re-encryption finishes, the keychain's teamKey is promoted, and the old key opens nothing.
#include "core/crypto/SecureBytes.h"
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"
#include "core/team/TeamKeychain.h"
#include "tests/app/CliRunner.h"
#include "tests/core/team/TeamPeer.h"
#include "tests/support/Wait.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using aerodesk::test::cli;
using aerodesk::test::CliRun;
using aerodesk::test::waitUntil;

namespace {

QStringList rotationArgs(std::initializer_list<const char *> items, const QString &team,
                         const QString &store)
{
    QStringList out { QStringLiteral("--compact"), QStringLiteral("team") };
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out << QStringLiteral("--team") << team << QStringLiteral("--store") << store;
}

/// The team key `keyId` (empty: the current one) from the keychain, or an empty key.
crypto::SecureBytes teamKeyBytes(const QString &team, const QString &keyId = {})
{
    team::TeamKeychain keychain(team);
    std::optional<Result<team::TeamKey, team::TeamError>> result;
    const auto done = [&result](auto r) { result.emplace(std::move(r)); };
    if (keyId.isEmpty())
        keychain.readTeamKey(done);
    else
        keychain.readKeyById(keyId, done);
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 20000));
    if (!result || !result->ok())
        return {};
    return (*result)->bytes().clone();
}

void removeEntry(const QString &team, const QString &name)
{
    keychain::Keychain raw(team::TeamKeychain::profileFor(team));
    std::optional<bool> removed;
    raw.remove(name, [&removed](const keychain::KeychainError &e) { removed = e.ok(); });
    EXPECT_TRUE(waitUntil([&] { return removed.has_value(); }, 20000));
}

} // namespace

TEST(CliTeamRotation, TheLeadRotatesAStoreAndTheOldKeyOpensNothingAfter)
{
    QTemporaryDir dir;
    const QString team = test::uniqueTeam();
    const QString path = dir.filePath(QStringLiteral("team.sqlite"));
    const CliRun created = cli({ QStringLiteral("--compact"), QStringLiteral("team"),
                                 QStringLiteral("create-key"), QStringLiteral("--team"), team });
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    const QString oldId = created.json.value(QStringLiteral("keyId")).toString();
    const crypto::SecureBytes oldKey = teamKeyBytes(team);
    ASSERT_EQ(oldKey.size(), 32u);
    {
        auto s = store::Store::open(path, oldKey);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        QList<connections::Connection> rows;
        for (int i = 0; i < 450; ++i) {
            connections::Connection c;
            c.connectionId = QStringLiteral("ab%1").arg(i, 30, 16, QLatin1Char('0'));
            c.status = QStringLiteral("CONNECTED");
            rows << c;
        }
        ASSERT_TRUE((*s)->connections().upsertMany(rows).ok());
    }

    const CliRun rotated = cli(rotationArgs({ "rotate-key" }, team, path));
    ASSERT_EQ(rotated.exitCode, 0) << rotated.err.toStdString();
    const QJsonObject plan = rotated.json.value(QStringLiteral("plan")).toObject();
    EXPECT_EQ(plan.value(QStringLiteral("phase")).toString(), QStringLiteral("distributing"));
    EXPECT_EQ(plan.value(QStringLiteral("current")).toObject().value(QStringLiteral("keyId")),
              oldId);
    const QString newId =
        plan.value(QStringLiteral("next")).toObject().value(QStringLiteral("keyId")).toString();
    ASSERT_TRUE(newId.startsWith(QStringLiteral("tk1-")));
    EXPECT_NE(newId, oldId);
    EXPECT_EQ(teamKeyBytes(team, newId).size(), 32u) << "the next key is in the keychain";

    // The next key can be exported for the agents.
    const CliRun exported =
        cli({ QStringLiteral("team"), QStringLiteral("export"), QStringLiteral("--team"), team,
              QStringLiteral("--key-id"), newId, QStringLiteral("--passphrase-stdin") },
            QByteArrayLiteral("a long team passphrase\n"));
    EXPECT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_TRUE(exported.out.contains("BEGIN")) << exported.out.toStdString();

    const CliRun started = cli(rotationArgs({ "rotation", "start" }, team, path));
    ASSERT_EQ(started.exitCode, 0) << started.err.toStdString();
    EXPECT_EQ(started.json.value(QStringLiteral("plan")).toObject().value(QStringLiteral("phase")),
              QStringLiteral("re-encrypting"));
    EXPECT_TRUE(started.json.value(QStringLiteral("canWrite")).toBool());

    const CliRun resumed =
        cli(rotationArgs({ "rotation", "resume", "--holder", "lead" }, team, path));
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    EXPECT_EQ(resumed.json.value(QStringLiteral("phase")).toString(), QStringLiteral("finished"));
    EXPECT_TRUE(resumed.err.contains(QStringLiteral("rows re-encrypted")));
    // Promoted: teamKey is the new key now.
    const crypto::SecureBytes current = teamKeyBytes(team);
    EXPECT_EQ(team::TeamKey::fromBytes(current.clone()).keyId(), newId);

    const CliRun status = cli(rotationArgs({ "rotation", "status" }, team, path));
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_EQ(status.json.value(QStringLiteral("plan")).toObject().value(QStringLiteral("phase")),
              QStringLiteral("finished"));
    const QJsonObject connections = status.json.value(QStringLiteral("rows"))
                                        .toObject()
                                        .value(QStringLiteral("connections"))
                                        .toObject();
    EXPECT_EQ(connections.value(QStringLiteral("2")).toInteger(), 450);
    EXPECT_FALSE(connections.contains(QStringLiteral("1")));
    EXPECT_FALSE(status.out.contains(QByteArray(oldKey.rawView().toHex())));

    auto old = store::Store::open(path, oldKey);
    ASSERT_FALSE(old.ok());
    EXPECT_EQ(old.error().kind, store::StoreError::Kind::WrongKey);
    auto fresh = store::Store::open(path, current);
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    EXPECT_EQ((*fresh)->connections().listAll()->size(), 450);

    removeEntry(team, team::TeamKeychain::otherKeyName(oldId));
    removeEntry(team, QString::fromLatin1(keychain::entries::kTeamKey));
}
