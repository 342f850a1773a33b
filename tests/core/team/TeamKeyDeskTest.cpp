// TeamKeyInventory and TeamKeyExporter (the console's and the CLI's key steps) against the
// real keychain, with Node's crypto as the independent peer that opens what the exporter made.
#include "core/team/EnrolmentKeyPair.h"
#include "core/team/EnrolmentPublicKey.h"
#include "core/team/TeamKeyExport.h"
#include "core/team/TeamKeyExporter.h"
#include "core/team/TeamKeyInventory.h"
#include "core/team/TeamKeyWrapper.h"
#include "core/team/TeamKeychain.h"
#include "tests/core/team/TeamPeer.h"
#include "tests/support/Wait.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk::team;
using aerodesk::Result;
using aerodesk::crypto::SecureBytes;
using aerodesk::test::runTeamPeer;
using aerodesk::test::uniqueTeam;
using aerodesk::test::waitUntil;
using Kind = aerodesk::team::TeamError::Kind;

namespace {

template<class T, class Start> T deskAwait(Start start)
{
    std::optional<T> out;
    start([&out](T r) { out.emplace(std::move(r)); });
    EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 30000)) << "never finished";
    if (!out)
        return TeamError::make(Kind::Internal, QStringLiteral("test timeout"));
    return std::move(*out);
}

using Held = Result<TeamKeyInventory::Held, TeamError>;
using Created = Result<QString, TeamError>;
using Enrolled = Result<EnrolmentPublicKey, TeamError>;
using Exported = Result<TeamKeyExporter::Exported, TeamError>;

void removeDeskTeam(const QString &team)
{
    TeamKeychain keychain(team);
    int pending = 2;
    keychain.removeTeamKey([&pending](auto) { --pending; });
    keychain.removeEnrolmentKey([&pending](auto) { --pending; });
    EXPECT_TRUE(waitUntil([&] { return pending == 0; }, 20000));
}

Result<TeamKey, TeamError> deskStoredKey(const QString &team)
{
    TeamKeychain keychain(team);
    return deskAwait<Result<TeamKey, TeamError>>(
        [&](auto done) { keychain.readTeamKey(std::move(done)); });
}

} // namespace

TEST(TeamKeyDesk, TheInventoryCreatesEachKeyOnceAndReportsBoth)
{
    const QString team = uniqueTeam();
    TeamKeyInventory keys(team);
    Held empty = deskAwait<Held>([&](auto done) { keys.read(QStringLiteral("amy"), done); });
    ASSERT_TRUE(empty.ok()) << empty.error().message.toStdString();
    EXPECT_TRUE(empty->teamKeyId.isEmpty());
    EXPECT_FALSE(empty->enrolmentKey.has_value());

    Created first = deskAwait<Created>([&](auto done) { keys.createTeamKey(done); });
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_TRUE(TeamKey::isKeyId(first.value()));
    Created second = deskAwait<Created>([&](auto done) { keys.createTeamKey(done); });
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().kind, Kind::AlreadyPresent);
    EXPECT_TRUE(second.error().message.contains(first.value()));
    auto stored = deskStoredKey(team);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->keyId(), first.value()) << "the second create replaced nothing";

    Enrolled enrolled = deskAwait<Enrolled>(
        [&](auto done) { keys.createEnrolmentKey(QStringLiteral("amy"), false, done); });
    ASSERT_TRUE(enrolled.ok()) << enrolled.error().message.toStdString();
    EXPECT_EQ(enrolled->agent, QStringLiteral("amy"));
    Enrolled again = deskAwait<Enrolled>(
        [&](auto done) { keys.createEnrolmentKey(QStringLiteral("amy"), false, done); });
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, Kind::AlreadyPresent);

    Held both = deskAwait<Held>([&](auto done) { keys.read(QStringLiteral("amy"), done); });
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both->teamKeyId, first.value());
    ASSERT_TRUE(both->enrolmentKey.has_value());
    EXPECT_EQ(both->enrolmentKey->keyId(), enrolled->keyId()) << "rebuilt from the private half";
    EXPECT_TRUE(EnrolmentPublicKey::parse(both->enrolmentKey->toArmoured()).ok());

    Enrolled replaced = deskAwait<Enrolled>(
        [&](auto done) { keys.createEnrolmentKey(QStringLiteral("amy"), true, done); });
    ASSERT_TRUE(replaced.ok());
    EXPECT_NE(replaced->keyId(), enrolled->keyId());
    removeDeskTeam(team);
}

TEST(TeamKeyDesk, TheExporterWrapsTheHeldKeySoNodeAndTheAgentOpenIt)
{
    const QString team = uniqueTeam();
    TeamKeyInventory keys(team);
    TeamKeyExporter exporter(team);
    // Nothing held: each kind says Missing.
    Exported none = deskAwait<Exported>([&](auto done) {
        exporter.withPassphrase(SecureBytes(QByteArrayView("a long passphrase")),
                                QStringLiteral("lead"), QString(), done);
    });
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().kind, Kind::Missing);
    // A short passphrase is refused before the keychain is read.
    Exported shortOne = deskAwait<Exported>([&](auto done) {
        exporter.withPassphrase(SecureBytes(QByteArrayView("short")), QStringLiteral("lead"),
                                QString(), done);
    });
    ASSERT_FALSE(shortOne.ok());
    EXPECT_EQ(shortOne.error().kind, Kind::EmptyPassphrase);
    EXPECT_TRUE(shortOne.error().message.contains(QLatin1String("12")));

    ASSERT_TRUE(deskAwait<Created>([&](auto done) { keys.createTeamKey(done); }).ok());
    auto key = deskStoredKey(team);
    ASSERT_TRUE(key.ok());

    // Under a passphrase, at the default cost: Node's scrypt opens it to the same bytes.
    const QByteArray passphrase("a long passphrase");
    Exported wrapped = deskAwait<Exported>([&](auto done) {
        exporter.withPassphrase(SecureBytes(QByteArrayView(passphrase)), QStringLiteral("lead"),
                                QString(), done);
    });
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().message.toStdString();
    EXPECT_EQ(wrapped->keyId, key->keyId());
    EXPECT_TRUE(wrapped->recipientKeyId.isEmpty());
    EXPECT_EQ(wrapped->scrypt.logN, ScryptParams::defaults().logN);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("export.txt"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(wrapped->armoured);
    }
    bool ok = false;
    const QByteArray hex = runTeamPeer(
        { QStringLiteral("unwrap-passphrase"), file, QString::fromLatin1(passphrase.toHex()) },
        &ok);
    ASSERT_TRUE(ok);
    EXPECT_EQ(hex, key->bytes().rawView().toHex());

    // For an agent's enrolment key: only that agent's private key opens it.
    auto agent = EnrolmentKeyPair::generate();
    auto stranger = EnrolmentKeyPair::generate();
    ASSERT_TRUE(agent.ok() && stranger.ok());
    const EnrolmentPublicKey agentPublic { agent->publicKey(), QStringLiteral("bo"),
                                           QStringLiteral("2026-12-02T09:00:00Z") };
    Exported forAgent = deskAwait<Exported>([&](auto done) {
        exporter.forAgent(agentPublic, QStringLiteral("lead"), QString(), done);
    });
    ASSERT_TRUE(forAgent.ok()) << forAgent.error().message.toStdString();
    EXPECT_EQ(forAgent->recipientKeyId, agentPublic.keyId());
    auto parsed = TeamKeyExport::parse(forAgent->armoured);
    ASSERT_TRUE(parsed.ok());
    auto opened = TeamKeyWrapper::unwrap(parsed.value(), agent.value());
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->bytes().equals(key->bytes()));
    EXPECT_FALSE(TeamKeyWrapper::unwrap(parsed.value(), stranger.value()).ok());

    // A key id this console does not hold: Missing, nothing exported.
    Exported other = deskAwait<Exported>([&](auto done) {
        exporter.forAgent(agentPublic, QStringLiteral("lead"), TeamKey::create().keyId(), done);
    });
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().kind, Kind::Missing);
    removeDeskTeam(team);
}
