// Key rotation's keychain side on the real keychain (docs/team.md, "Key rotation"): the next
// epoch's key is imported beside the current one only when expected, and promoting it keeps
// every key in some entry, however often it is redone.
#include "core/keychain/Keychain.h"
#include "core/team/TeamKeyImporter.h"
#include "core/team/TeamKeyWrapper.h"
#include "core/team/TeamKeychain.h"
#include "tests/core/team/TeamPeer.h"
#include "tests/support/Wait.h"

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using team::TeamError;
using team::TeamKey;
using team::TeamKeychain;
using team::TeamKeyImporter;

namespace {

QString keyIdHeld(TeamKeychain &keychain, const QString &keyId)
{
    std::optional<Result<TeamKey, TeamError>> result;
    keychain.readKeyById(keyId, [&result](auto r) { result.emplace(std::move(r)); });
    EXPECT_TRUE(test::waitUntil([&] { return result.has_value(); }, 20000));
    if (!result)
        return QStringLiteral("timeout");
    return result->ok() ? (*result)->keyId() : TeamError::kindName(result->error().kind);
}

QString currentKeyId(TeamKeychain &keychain)
{
    std::optional<Result<TeamKey, TeamError>> result;
    keychain.readTeamKey([&result](auto r) { result.emplace(std::move(r)); });
    EXPECT_TRUE(test::waitUntil([&] { return result.has_value(); }, 20000));
    return result && result->ok() ? (*result)->keyId() : QStringLiteral("none");
}

/// Whether the raw entry "teamKey.<id>" exists (read straight from the keychain).
bool otherEntryExists(const QString &team, const QString &keyId)
{
    keychain::Keychain raw(TeamKeychain::profileFor(team));
    std::optional<bool> found;
    raw.read(TeamKeychain::otherKeyName(keyId),
             [&found](const keychain::KeychainError &e, crypto::SecureBytes) { found = e.ok(); });
    EXPECT_TRUE(test::waitUntil([&] { return found.has_value(); }, 20000));
    return found.value_or(false);
}

Result<TeamKeyImporter::Imported, TeamError>
importPassphraseExport(const TeamKey &key, const QString &team, const QString &acceptNext)
{
    auto wrapped = team::TeamKeyWrapper::wrapWithPassphrase(
        key, crypto::SecureBytes(QByteArrayView("rotation pass")), { team, QStringLiteral("lead") },
        test::cheapScrypt());
    EXPECT_TRUE(wrapped.ok());
    TeamKeyImporter importer;
    importer.acceptNextKey(acceptNext);
    std::optional<Result<TeamKeyImporter::Imported, TeamError>> result;
    importer.import(wrapped->toArmoured(), crypto::SecureBytes(QByteArrayView("rotation pass")),
                    [&result](auto r) { result.emplace(std::move(r)); });
    EXPECT_TRUE(test::waitUntil([&] { return result.has_value(); }, 30000));
    if (!result)
        return TeamError::make(TeamError::Kind::Internal, QStringLiteral("test timeout"));
    return std::move(*result);
}

bool promoteSync(TeamKeychain &keychain, const QString &keyId)
{
    std::optional<Status<TeamError>> result;
    keychain.promote(keyId, [&result](auto s) { result.emplace(std::move(s)); });
    EXPECT_TRUE(test::waitUntil([&] { return result.has_value(); }, 30000));
    if (result && !result->ok())
        ADD_FAILURE() << result->error().message.toStdString();
    return result && result->ok();
}

} // namespace

TEST(TeamRotationKeychain, TheNextKeyIsSavedBesideTheCurrentOneOnlyWhenExpectedThenPromoted)
{
    const QString team = test::uniqueTeam();
    TeamKeychain keychain(team);
    const TeamKey oldKey = TeamKey::create();
    const TeamKey newKey = TeamKey::create();
    ASSERT_TRUE(importPassphraseExport(oldKey, team, {}).ok());

    // Not expected: refused, nothing written.
    auto unexpected = importPassphraseExport(newKey, team, {});
    ASSERT_FALSE(unexpected.ok());
    EXPECT_EQ(unexpected.error().kind, TeamError::Kind::AlreadyPresent);
    auto otherId = importPassphraseExport(newKey, team, TeamKey::create().keyId());
    ASSERT_FALSE(otherId.ok()) << "a key other than the expected next one was accepted";
    EXPECT_FALSE(otherEntryExists(team, newKey.keyId()));

    // Expected (the lead or the store names its id): beside the current one.
    auto next = importPassphraseExport(newKey, team, newKey.keyId());
    ASSERT_TRUE(next.ok()) << next.error().message.toStdString();
    EXPECT_TRUE(next->besideCurrent);
    EXPECT_EQ(currentKeyId(keychain), oldKey.keyId()) << "the current key is unchanged";
    EXPECT_EQ(keyIdHeld(keychain, newKey.keyId()), newKey.keyId());
    EXPECT_EQ(keyIdHeld(keychain, oldKey.keyId()), oldKey.keyId());
    EXPECT_EQ(keyIdHeld(keychain, TeamKey::create().keyId()), QStringLiteral("missing"));
    auto again = importPassphraseExport(newKey, team, newKey.keyId());
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->alreadyThere);

    // The rotation finished: promote, twice (a redo after a crash ends in the same state).
    for (int round = 0; round < 2; ++round) {
        ASSERT_TRUE(promoteSync(keychain, newKey.keyId())) << "round " << round;
        EXPECT_EQ(currentKeyId(keychain), newKey.keyId()) << "round " << round;
        EXPECT_FALSE(otherEntryExists(team, newKey.keyId())) << "round " << round;
        EXPECT_TRUE(otherEntryExists(team, oldKey.keyId()))
            << "round " << round << ": the old key is kept until its rows are gone";
        EXPECT_EQ(keyIdHeld(keychain, oldKey.keyId()), oldKey.keyId());
    }
    // A key this console does not hold cannot be promoted.
    std::optional<Status<TeamError>> unknown;
    keychain.promote(TeamKey::create().keyId(), [&unknown](auto s) { unknown.emplace(s); });
    ASSERT_TRUE(test::waitUntil([&] { return unknown.has_value(); }, 20000));
    ASSERT_FALSE(unknown->ok());
    EXPECT_EQ(unknown->error().kind, TeamError::Kind::Missing);
    EXPECT_EQ(currentKeyId(keychain), newKey.keyId());

    keychain::Keychain raw(TeamKeychain::profileFor(team));
    int pending = 2;
    raw.remove(TeamKeychain::otherKeyName(oldKey.keyId()), [&pending](auto) { --pending; });
    keychain.removeTeamKey([&pending](auto) { --pending; });
    EXPECT_TRUE(test::waitUntil([&] { return pending == 0; }, 20000));
}
