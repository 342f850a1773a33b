// Importing team-key exports into the real keychain (scripts/run-headless.sh's gnome-keyring):
// a good export lands only there; every bad one leaves the keychain as it was.
#include "core/keychain/KeychainEntries.h"
#include "core/team/EnrolmentKeyPair.h"
#include "core/team/EnrolmentPublicKey.h"
#include "core/team/TeamKeyImporter.h"
#include "core/team/TeamKeyWrapper.h"
#include "core/team/TeamKeychain.h"
#include "tests/core/team/TeamPeer.h"
#include "tests/support/Wait.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk::team;
using aerodesk::Result;
using aerodesk::Status;
using aerodesk::crypto::SecureBytes;
using aerodesk::test::cheapScrypt;
using aerodesk::test::uniqueTeam;
using aerodesk::test::waitUntil;
using Kind = aerodesk::team::TeamError::Kind;

namespace {

Result<TeamKeyImporter::Imported, TeamError> importSync(const QByteArray &text,
                                                        const char *passphrase)
{
    TeamKeyImporter importer;
    std::optional<Result<TeamKeyImporter::Imported, TeamError>> result;
    importer.import(text, SecureBytes(QByteArrayView(passphrase)),
                    [&result](auto r) { result.emplace(std::move(r)); });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 30000)) << "import never finished";
    if (!result)
        return TeamError::make(Kind::Internal, QStringLiteral("test timeout"));
    return std::move(*result);
}

/// The team key in the keychain, or the error (Missing when there is none).
Result<TeamKey, TeamError> storedKey(const QString &team)
{
    TeamKeychain keychain(team);
    std::optional<Result<TeamKey, TeamError>> result;
    keychain.readTeamKey([&result](auto r) { result.emplace(std::move(r)); });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 20000));
    if (!result)
        return TeamError::make(Kind::Internal, QStringLiteral("test timeout"));
    return std::move(*result);
}

void removeAll(const QString &team)
{
    TeamKeychain keychain(team);
    int pending = 2;
    keychain.removeTeamKey([&pending](auto) { --pending; });
    keychain.removeEnrolmentKey([&pending](auto) { --pending; });
    EXPECT_TRUE(waitUntil([&] { return pending == 0; }, 20000));
}

QByteArray exportFor(const TeamKey &key, const QString &team, const char *passphrase)
{
    auto wrapped =
        TeamKeyWrapper::wrapWithPassphrase(key, SecureBytes(QByteArrayView(passphrase)),
                                           { team, QStringLiteral("lead") }, cheapScrypt());
    EXPECT_TRUE(wrapped.ok());
    return wrapped.ok() ? wrapped->toArmoured() : QByteArray();
}

} // namespace

TEST(TeamImportKeychain, APassphraseExportLandsInTheTeamsKeychainProfile)
{
    const QString team = uniqueTeam();
    const TeamKey key = TeamKey::create();
    const QByteArray text = exportFor(key, team, "team pass");
    auto imported = importSync(text, "team pass");
    ASSERT_TRUE(imported.ok()) << imported.error().message.toStdString();
    EXPECT_EQ(imported->team, team);
    EXPECT_EQ(imported->keyId, key.keyId());
    EXPECT_EQ(imported->kind, QStringLiteral("passphrase"));
    EXPECT_FALSE(imported->alreadyThere);
    EXPECT_EQ(TeamKeychain::profileFor(team),
              QLatin1String(aerodesk::keychain::entries::kTeamProfilePrefix) + team);
    auto stored = storedKey(team);
    ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
    EXPECT_TRUE(stored->bytes().equals(key.bytes()));

    auto again = importSync(text, "team pass");
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_TRUE(again->alreadyThere);

    // Another key for the same team is refused and the first stays.
    auto other = importSync(exportFor(TeamKey::create(), team, "team pass"), "team pass");
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().kind, Kind::AlreadyPresent);
    auto still = storedKey(team);
    ASSERT_TRUE(still.ok());
    EXPECT_TRUE(still->bytes().equals(key.bytes()));
    removeAll(team);
}

TEST(TeamImportKeychain, EveryBadInputGivesItsErrorAndWritesNothing)
{
    const QString team = uniqueTeam();
    const TeamKey key = TeamKey::create();
    const QByteArray good = exportFor(key, team, "team pass");
    auto parsed = TeamKeyExport::parse(good);
    ASSERT_TRUE(parsed.ok());
    TeamKeyExport flipped = parsed.value();
    flipped.sealed[15] = char(flipped.sealed[15] ^ 0x04);
    QByteArray badBase64 = good;
    badBase64.insert(good.indexOf('\n') + 3, "%%");
    const struct
    {
        const char *what;
        QByteArray text;
        const char *passphrase;
        Kind expected;
    } cases[] = {
        { "not our format", "just some text", "team pass", Kind::NotOurFormat },
        { "unknown version",
          aerodesk::test::armouredExport(
              { { QStringLiteral("format"), QStringLiteral("aerodesk-team-key") },
                { QStringLiteral("version"), 9 } }),
          "team pass", Kind::UnknownVersion },
        { "corrupt base64", badBase64, "team pass", Kind::Corrupt },
        { "tampered header (out of bounds)",
          aerodesk::test::withEditedHeader(parsed.value(),
                                           [](QJsonObject &h) {
                                               QJsonObject kdf =
                                                   h.value(QStringLiteral("kdf")).toObject();
                                               kdf.insert(QStringLiteral("N"), 3);
                                               h.insert(QStringLiteral("kdf"), kdf);
                                           }),
          "team pass", Kind::BadHeader },
        { "tampered header (valid but edited)",
          aerodesk::test::withEditedHeader(parsed.value(),
                                           [](QJsonObject &h) {
                                               h.insert(QStringLiteral("createdBy"),
                                                        QStringLiteral("mallory"));
                                           }),
          "team pass", Kind::CouldNotUnwrap },
        { "tampered ciphertext", flipped.toArmoured(), "team pass", Kind::CouldNotUnwrap },
        { "wrong passphrase", good, "team pasS", Kind::CouldNotUnwrap },
        { "no passphrase", good, "", Kind::EmptyPassphrase },
    };
    for (const auto &c : cases) {
        auto result = importSync(c.text, c.passphrase);
        ASSERT_FALSE(result.ok()) << c.what;
        EXPECT_EQ(TeamError::kindName(result.error().kind), TeamError::kindName(c.expected))
            << c.what << ": " << result.error().message.toStdString();
        EXPECT_FALSE(result.error().message.contains(
            QString::fromLatin1(key.bytes().rawView().toHex().left(8))));
        auto stored = storedKey(team);
        ASSERT_FALSE(stored.ok()) << c.what << " wrote a key";
        EXPECT_EQ(stored.error().kind, Kind::Missing) << c.what;
    }
    removeAll(team);
}

TEST(TeamImportKeychain, APublicKeyExportUsesThisConsolesEnrolmentKey)
{
    const QString team = uniqueTeam();
    const TeamKey key = TeamKey::create();
    auto agent = EnrolmentKeyPair::generate();
    ASSERT_TRUE(agent.ok());
    auto wrapped = TeamKeyWrapper::wrapFor(
        key, EnrolmentPublicKey { agent->publicKey(), QStringLiteral("agent"), QString() },
        { team, QStringLiteral("lead") });
    ASSERT_TRUE(wrapped.ok());

    // No enrolment key on this console yet: Missing, nothing written.
    auto missing = importSync(wrapped->toArmoured(), "");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, Kind::Missing);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("enrol-key")));

    // Another agent's enrolment key: NotForThisKey, nothing written.
    auto stranger = EnrolmentKeyPair::generate();
    ASSERT_TRUE(stranger.ok());
    {
        TeamKeychain keychain(team);
        std::optional<Status<TeamError>> saved;
        keychain.saveEnrolmentKey(stranger->privateKey(), false,
                                  [&saved](auto s) { saved.emplace(std::move(s)); });
        ASSERT_TRUE(waitUntil([&] { return saved.has_value(); }, 20000));
        ASSERT_TRUE(saved->ok()) << saved->error().message.toStdString();
    }
    auto notOurs = importSync(wrapped->toArmoured(), "");
    ASSERT_FALSE(notOurs.ok());
    EXPECT_EQ(notOurs.error().kind, Kind::NotForThisKey);
    EXPECT_EQ(storedKey(team).error().kind, Kind::Missing);

    // The right one (replacing the stranger's): imported.
    {
        TeamKeychain keychain(team);
        std::optional<Status<TeamError>> refused;
        keychain.saveEnrolmentKey(agent->privateKey(), false,
                                  [&refused](auto s) { refused.emplace(std::move(s)); });
        ASSERT_TRUE(waitUntil([&] { return refused.has_value(); }, 20000));
        ASSERT_FALSE(refused->ok()) << "an enrolment key was overwritten without --replace";
        EXPECT_EQ(refused->error().kind, Kind::AlreadyPresent);
        std::optional<Status<TeamError>> saved;
        keychain.saveEnrolmentKey(agent->privateKey(), true,
                                  [&saved](auto s) { saved.emplace(std::move(s)); });
        ASSERT_TRUE(waitUntil([&] { return saved.has_value(); }, 20000));
        ASSERT_TRUE(saved->ok());
    }
    auto imported = importSync(wrapped->toArmoured(), "");
    ASSERT_TRUE(imported.ok()) << imported.error().message.toStdString();
    EXPECT_EQ(imported->kind, QStringLiteral("x25519"));
    auto stored = storedKey(team);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->bytes().equals(key.bytes()));
    removeAll(team);
}

TEST(TeamImportKeychain, ADefaultCostImportNeverBlocksTheEventLoop)
{
    const QString team = uniqueTeam();
    const TeamKey key = TeamKey::create();
    auto wrapped = TeamKeyWrapper::wrapWithPassphrase(
        key, SecureBytes(QByteArrayView("default cost pass")), { team, QStringLiteral("lead") });
    ASSERT_TRUE(wrapped.ok());
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
    ticker.start(10);
    TeamKeyImporter importer;
    std::optional<Result<TeamKeyImporter::Imported, TeamError>> result;
    QElapsedTimer timer;
    timer.start();
    importer.import(wrapped->toArmoured(), SecureBytes(QByteArrayView("default cost pass")),
                    [&result](auto r) { result.emplace(std::move(r)); });
    const qint64 returnedAfterMs = timer.elapsed();
    ASSERT_TRUE(waitUntil([&] { return result.has_value(); }, 60000));
    const qint64 doneAfterMs = timer.elapsed();
    ASSERT_TRUE(result->ok()) << result->error().message.toStdString();
    // Robust on a loaded CI machine: blocking would make both times about equal.
    EXPECT_LT(returnedAfterMs * 4, doneAfterMs) << "import() ran scrypt on the caller's thread";
    EXPECT_GT(doneAfterMs, 100) << "the default cost is suspiciously cheap";
    // The event loop kept turning while scrypt ran: a UI stays responsive.
    // (A blocked loop would coalesce every missed tick into one.)
    EXPECT_GE(ticks, 5) << ticks << " ticks in " << doneAfterMs << " ms";
    removeAll(team);
}
