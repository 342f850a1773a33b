// Our team-key exports against an independent implementation: Node's crypto (team-peer.js).
#include "core/team/EnrolmentKeyPair.h"
#include "core/team/EnrolmentPublicKey.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeyExport.h"
#include "core/team/TeamKeyWrapper.h"
#include "tests/core/team/TeamPeer.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk::team;
using aerodesk::crypto::SecureBytes;
using aerodesk::test::cheapScrypt;
using aerodesk::test::runTeamPeer;

namespace {

const TeamKeyWrapper::Meta kNodeMeta { QStringLiteral("Desk Ω"), QStringLiteral("lead") };
const QByteArray kPassphrase = QByteArrayLiteral("pässphrase with ünicode");

QString writeTemp(QTemporaryDir &dir, const char *name, const QByteArray &text)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(text);
    return path;
}

QString hexOf(const SecureBytes &bytes)
{
    return QString::fromLatin1(bytes.rawView().toHex());
}

} // namespace

TEST(TeamNodeInterop, KeyIdIsTheSameHkdfInNode)
{
    const TeamKey key = TeamKey::create();
    bool ok = false;
    const QByteArray id = runTeamPeer({ QStringLiteral("key-id"), hexOf(key.bytes()) }, &ok);
    ASSERT_TRUE(ok);
    EXPECT_EQ(QString::fromLatin1(id), key.keyId());
}

TEST(TeamNodeInterop, NodeUnwrapsOurPassphraseExportOnlyWithThePassphrase)
{
    QTemporaryDir dir;
    const TeamKey key = TeamKey::create();
    auto wrapped =
        TeamKeyWrapper::wrapWithPassphrase(key, SecureBytes(kPassphrase), kNodeMeta, cheapScrypt());
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().message.toStdString();
    const QString file = writeTemp(dir, "export.txt", wrapped->toArmoured());
    bool ok = false;
    const QByteArray hex = runTeamPeer(
        { QStringLiteral("unwrap-passphrase"), file, QString::fromLatin1(kPassphrase.toHex()) },
        &ok);
    ASSERT_TRUE(ok);
    EXPECT_EQ(QString::fromLatin1(hex), hexOf(key.bytes()));
    runTeamPeer({ QStringLiteral("unwrap-passphrase"), file,
                  QString::fromLatin1(QByteArray("wrong").toHex()) },
                &ok, /*expectFailure=*/true);
    EXPECT_FALSE(ok) << "Node opened our export with a wrong passphrase";
}

TEST(TeamNodeInterop, NodeUnwrapsOurDefaultCostExport)
{
    QTemporaryDir dir;
    const TeamKey key = TeamKey::create();
    auto wrapped = TeamKeyWrapper::wrapWithPassphrase(key, SecureBytes(kPassphrase), kNodeMeta);
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().message.toStdString();
    bool ok = false;
    const QByteArray hex = runTeamPeer({ QStringLiteral("unwrap-passphrase"),
                                         writeTemp(dir, "export.txt", wrapped->toArmoured()),
                                         QString::fromLatin1(kPassphrase.toHex()) },
                                       &ok);
    ASSERT_TRUE(ok) << "Node's scryptSync with our N, r, p and maxmem";
    EXPECT_EQ(QString::fromLatin1(hex), hexOf(key.bytes()));
}

TEST(TeamNodeInterop, WeUnwrapNodesPassphraseExport)
{
    const TeamKey key = TeamKey::create();
    bool ok = false;
    const QByteArray text =
        runTeamPeer({ QStringLiteral("wrap-passphrase"), hexOf(key.bytes()),
                      QString::fromLatin1(kPassphrase.toHex()), QStringLiteral("1024"),
                      QStringLiteral("8"), QStringLiteral("1"), QStringLiteral("Node desk") },
                    &ok);
    ASSERT_TRUE(ok);
    auto parsed = TeamKeyExport::parse(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
    EXPECT_EQ(parsed->header.team, QStringLiteral("Node desk"));
    auto back = TeamKeyWrapper::unwrap(parsed.value(), SecureBytes(kPassphrase));
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_TRUE(back->bytes().equals(key.bytes()));
    auto wrong = TeamKeyWrapper::unwrap(parsed.value(), SecureBytes(QByteArrayView("nope")));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().kind, TeamError::Kind::CouldNotUnwrap);
}

TEST(TeamNodeInterop, NodeUnwrapsOurPublicKeyExport)
{
    QTemporaryDir dir;
    const TeamKey key = TeamKey::create();
    auto agent = EnrolmentKeyPair::generate();
    ASSERT_TRUE(agent.ok());
    auto wrapped = TeamKeyWrapper::wrapFor(
        key, EnrolmentPublicKey { agent->publicKey(), QStringLiteral("agent"), QString() },
        kNodeMeta);
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().message.toStdString();
    bool ok = false;
    const QByteArray hex = runTeamPeer(
        { QStringLiteral("unwrap-x25519"), writeTemp(dir, "export.txt", wrapped->toArmoured()),
          hexOf(agent->privateKey()), QString::fromLatin1(agent->publicKey().toHex()) },
        &ok);
    ASSERT_TRUE(ok);
    EXPECT_EQ(QString::fromLatin1(hex), hexOf(key.bytes()));
}

TEST(TeamNodeInterop, WeUnwrapNodesPublicKeyExportMadeFromOurEnrolmentKey)
{
    QTemporaryDir dir;
    const TeamKey key = TeamKey::create();
    auto agent = EnrolmentKeyPair::generate();
    ASSERT_TRUE(agent.ok());
    const QString pubFile = writeTemp(
        dir, "agent.pub",
        EnrolmentPublicKey { agent->publicKey(), QStringLiteral("agent"), QString() }.toArmoured());
    bool ok = false;
    const QByteArray text = runTeamPeer(
        { QStringLiteral("wrap-x25519"), hexOf(key.bytes()), pubFile, QStringLiteral("Desk") },
        &ok);
    ASSERT_TRUE(ok);
    auto parsed = TeamKeyExport::parse(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
    auto back = TeamKeyWrapper::unwrap(parsed.value(), agent.value());
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_TRUE(back->bytes().equals(key.bytes()));
}
