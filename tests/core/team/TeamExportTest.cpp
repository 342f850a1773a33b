// Team-key exports without the keychain: round trips, and every bad input's own error.
#include "core/crypto/Aead.h"
#include "core/team/Armour.h"
#include "core/team/EnrolmentKeyPair.h"
#include "core/team/EnrolmentPublicKey.h"
#include "core/team/Scrypt.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeyExport.h"
#include "core/team/TeamKeyWrapper.h"
#include "tests/core/team/TeamPeer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace aerodesk::team;
using aerodesk::crypto::SecureBytes;
using aerodesk::test::armouredExport;
using aerodesk::test::cheapScrypt;
using aerodesk::test::withEditedHeader;
using Kind = aerodesk::team::TeamError::Kind;

namespace {

const TeamKeyWrapper::Meta kMeta { QStringLiteral("Support desk"), QStringLiteral("lead@desk") };

SecureBytes pass(const char *text)
{
    return SecureBytes(QByteArrayView(text));
}

TeamKeyExport passphraseExport(const TeamKey &key, const char *passphrase = "correct horse")
{
    auto wrapped = TeamKeyWrapper::wrapWithPassphrase(key, pass(passphrase), kMeta, cheapScrypt());
    EXPECT_TRUE(wrapped.ok()) << wrapped.error().message.toStdString();
    return wrapped.ok() ? wrapped.value() : TeamKeyExport {};
}

Kind parseKind(const QByteArray &text)
{
    auto parsed = TeamKeyExport::parse(text);
    EXPECT_FALSE(parsed.ok()) << "parsed: " << text.toStdString();
    return parsed.ok() ? Kind::Internal : parsed.error().kind;
}

QJsonObject outerOf(const TeamKeyExport &e)
{
    return { { QStringLiteral("format"), QStringLiteral("aerodesk-team-key") },
             { QStringLiteral("version"), 1 },
             { QStringLiteral("header"), QString::fromLatin1(e.headerBytes.toBase64()) },
             { QStringLiteral("sealed"), QString::fromLatin1(e.sealed.toBase64()) } };
}

} // namespace

TEST(TeamKey, FreshKeysAre32RandomBytesWithDistinctIds)
{
    const TeamKey a = TeamKey::create();
    const TeamKey b = TeamKey::create();
    ASSERT_TRUE(a.isValid());
    EXPECT_EQ(a.bytes().size(), 32u);
    EXPECT_FALSE(a.bytes().equals(b.bytes()));
    EXPECT_NE(a.keyId(), b.keyId());
    EXPECT_TRUE(TeamKey::isKeyId(a.keyId())) << a.keyId().toStdString();
    EXPECT_EQ(a.keyId(), TeamKey::fromBytes(a.bytes().clone()).keyId()) << "the id is stable";
    // The id is not the key, nor a prefix of its hex.
    EXPECT_FALSE(a.keyId().contains(QString::fromLatin1(a.bytes().rawView().toHex().left(8))));
    EXPECT_FALSE(TeamKey::fromBytes(SecureBytes(QByteArrayView("short"))).isValid());
}

TEST(TeamExport, PassphraseRoundTripKeepsTheKeyAndTheHeader)
{
    const TeamKey key = TeamKey::create();
    const TeamKeyExport exported = passphraseExport(key);
    const QByteArray text = exported.toArmoured();
    EXPECT_TRUE(text.startsWith("-----BEGIN AERODESK TEAM KEY-----\n"));
    EXPECT_FALSE(text.contains(key.bytes().rawView().toBase64()));
    EXPECT_FALSE(text.contains(key.bytes().rawView().toHex()));
    auto parsed = TeamKeyExport::parse(QByteArray("quoted mail:\n> ") + text + "thanks\n");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
    EXPECT_EQ(parsed->header.team, kMeta.team);
    EXPECT_EQ(parsed->header.createdBy, kMeta.createdBy);
    EXPECT_EQ(parsed->header.keyId, key.keyId());
    EXPECT_EQ(parsed->header.scrypt.logN, 10);
    EXPECT_EQ(parsed->header.salt.size(), 16);
    auto back = TeamKeyWrapper::unwrap(parsed.value(), pass("correct horse"));
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_TRUE(back->bytes().equals(key.bytes()));
}

TEST(TeamExport, TwoExportsOfOneKeyDifferInSaltAndCiphertext)
{
    const TeamKey key = TeamKey::create();
    const TeamKeyExport a = passphraseExport(key);
    const TeamKeyExport b = passphraseExport(key);
    EXPECT_NE(a.header.salt, b.header.salt);
    EXPECT_NE(a.sealed, b.sealed);
}

TEST(TeamExport, WrongPassphraseNeverYieldsAKeyAndSaysOnlyCouldNotUnwrap)
{
    const TeamKeyExport exported = passphraseExport(TeamKey::create());
    for (const char *wrong : { "correct horsE", "correct horse ", "x", "correct" }) {
        auto back = TeamKeyWrapper::unwrap(exported, pass(wrong));
        ASSERT_FALSE(back.ok()) << wrong;
        EXPECT_EQ(back.error().kind, Kind::CouldNotUnwrap);
        EXPECT_EQ(back.error().message, TeamKeyWrapper::couldNotUnwrap().message);
    }
    auto empty = TeamKeyWrapper::unwrap(exported, SecureBytes());
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().kind, Kind::EmptyPassphrase);
}

TEST(TeamExport, ChangedCiphertextOrHeaderGivesTheSameCouldNotUnwrap)
{
    const TeamKeyExport exported = passphraseExport(TeamKey::create());
    for (qsizetype i : { qsizetype(1), qsizetype(13), exported.sealed.size() - 1 }) {
        TeamKeyExport flipped = exported;
        flipped.sealed[i] = char(flipped.sealed[i] ^ 0x01);
        auto back = TeamKeyWrapper::unwrap(flipped, pass("correct horse"));
        ASSERT_FALSE(back.ok()) << "byte " << i;
        EXPECT_EQ(back.error().kind, Kind::CouldNotUnwrap) << "byte " << i;
        EXPECT_EQ(back.error().message, TeamKeyWrapper::couldNotUnwrap().message);
    }
    // A header edited into another valid header (team renamed, creator changed): authenticated
    // as AAD, so the unwrap fails — with the same message as a wrong passphrase.
    for (const char *field : { "team", "createdBy" }) {
        const QByteArray text = withEditedHeader(exported, [field](QJsonObject &h) {
            h.insert(QLatin1String(field), QStringLiteral("Mallory"));
        });
        auto parsed = TeamKeyExport::parse(text);
        ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
        auto back = TeamKeyWrapper::unwrap(parsed.value(), pass("correct horse"));
        ASSERT_FALSE(back.ok()) << field;
        EXPECT_EQ(back.error().kind, Kind::CouldNotUnwrap) << field;
    }
}

TEST(TeamExport, AnOutOfBoundsOrMalformedHeaderIsBadHeaderBeforeAnyKdfRuns)
{
    const TeamKeyExport exported = passphraseExport(TeamKey::create());
    const auto kdfEdit = [&exported](const char *name, QJsonValue value) {
        return withEditedHeader(exported, [name, value](QJsonObject &h) {
            QJsonObject kdf = h.value(QStringLiteral("kdf")).toObject();
            if (value.isUndefined())
                kdf.remove(QLatin1String(name));
            else
                kdf.insert(QLatin1String(name), value);
            h.insert(QStringLiteral("kdf"), kdf);
        });
    };
    QElapsedTimer timer;
    timer.start();
    EXPECT_EQ(parseKind(kdfEdit("N", double(1u << 30))), Kind::BadHeader); // 2^30: gigabytes
    EXPECT_EQ(parseKind(kdfEdit("N", 1000)), Kind::BadHeader); // not a power of two
    EXPECT_EQ(parseKind(kdfEdit("N", 256)), Kind::BadHeader); // too cheap
    EXPECT_EQ(parseKind(kdfEdit("r", 0)), Kind::BadHeader);
    EXPECT_EQ(parseKind(kdfEdit("p", 64)), Kind::BadHeader);
    EXPECT_EQ(parseKind(kdfEdit("maxmem", 1024)), Kind::BadHeader);
    EXPECT_EQ(parseKind(kdfEdit("maxmem", double(8ull << 30))), Kind::BadHeader);
    EXPECT_EQ(parseKind(kdfEdit("salt", QJsonValue::Undefined)), Kind::BadHeader);
    EXPECT_EQ(parseKind(kdfEdit("salt", QStringLiteral("c2hvcnQ="))), Kind::BadHeader);
    EXPECT_EQ(parseKind(kdfEdit("name", QStringLiteral("pbkdf2"))), Kind::BadHeader);
    EXPECT_EQ(parseKind(withEditedHeader(exported,
                                         [](QJsonObject &h) {
                                             h.insert(QStringLiteral("keyId"),
                                                      QStringLiteral("tk1-00"));
                                         })),
              Kind::BadHeader);
    EXPECT_EQ(parseKind(withEditedHeader(
                  exported, [](QJsonObject &h) { h.insert(QStringLiteral("version"), 2); })),
              Kind::BadHeader)
        << "a header whose version disagrees with the outer one was edited";
    EXPECT_EQ(parseKind(withEditedHeader(
                  exported, [](QJsonObject &h) { h.insert(QStringLiteral("kind"), 7); })),
              Kind::BadHeader);
    for (const char *team : { "", " Desk", "a/b", "line\nbreak" })
        EXPECT_EQ(parseKind(withEditedHeader(exported,
                                             [team](QJsonObject &h) {
                                                 h.insert(QStringLiteral("team"),
                                                          QString::fromUtf8(team));
                                             })),
                  Kind::BadHeader)
            << "team \"" << team << "\"";
    EXPECT_LT(timer.elapsed(), 2000) << "a refused header must not run scrypt";
}

TEST(TeamExport, EachKindOfForeignOrBrokenTextHasItsOwnError)
{
    const TeamKeyExport exported = passphraseExport(TeamKey::create());
    EXPECT_EQ(parseKind(""), Kind::NotOurFormat);
    EXPECT_EQ(parseKind("hello, this is a mail"), Kind::NotOurFormat);
    EXPECT_EQ(parseKind("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n"),
              Kind::NotOurFormat);
    auto pair = EnrolmentKeyPair::generate();
    ASSERT_TRUE(pair.ok());
    const QByteArray enrolment =
        EnrolmentPublicKey { pair->publicKey(), QStringLiteral("a"), QString() }.toArmoured();
    auto asExport = TeamKeyExport::parse(enrolment);
    ASSERT_FALSE(asExport.ok());
    EXPECT_EQ(asExport.error().kind, Kind::NotOurFormat);
    EXPECT_TRUE(asExport.error().message.contains(QStringLiteral("enrolment public key")))
        << asExport.error().message.toStdString();

    QJsonObject outer = outerOf(exported);
    outer.insert(QStringLiteral("format"), QStringLiteral("something-else"));
    EXPECT_EQ(parseKind(armouredExport(outer)), Kind::NotOurFormat);
    outer = outerOf(exported);
    outer.insert(QStringLiteral("version"), 2);
    auto v2 = TeamKeyExport::parse(armouredExport(outer));
    ASSERT_FALSE(v2.ok());
    EXPECT_EQ(v2.error().kind, Kind::UnknownVersion);
    EXPECT_TRUE(v2.error().message.contains(QStringLiteral("version 2")));

    const QByteArray text = exported.toArmoured();
    EXPECT_EQ(parseKind(text.left(text.size() - 20)), Kind::Corrupt) << "cut short";
    QByteArray badBase64 = text;
    badBase64.insert(text.indexOf('\n') + 5, "*!*");
    EXPECT_EQ(parseKind(badBase64), Kind::Corrupt);
    EXPECT_EQ(parseKind(aerodesk::team::Armour::encode(Armour::kTeamKeyLabel, "{not json")),
              Kind::Corrupt);
    outer = outerOf(exported);
    outer.insert(QStringLiteral("header"), QStringLiteral("@@@"));
    EXPECT_EQ(parseKind(armouredExport(outer)), Kind::Corrupt);
    outer = outerOf(exported);
    outer.insert(QStringLiteral("header"), QString::fromLatin1(QByteArray("[1,2").toBase64()));
    EXPECT_EQ(parseKind(armouredExport(outer)), Kind::Corrupt);
    outer = outerOf(exported);
    outer.remove(QStringLiteral("sealed"));
    EXPECT_EQ(parseKind(armouredExport(outer)), Kind::Corrupt);
}

TEST(TeamExport, PublicKeyRoundTripAndItsErrors)
{
    const TeamKey key = TeamKey::create();
    auto agent = EnrolmentKeyPair::generate();
    auto other = EnrolmentKeyPair::generate();
    ASSERT_TRUE(agent.ok() && other.ok());
    const QByteArray publicText =
        EnrolmentPublicKey { agent->publicKey(), QStringLiteral("agent-7"),
                             QDateTime::currentDateTimeUtc().toString(Qt::ISODate) }
            .toArmoured();
    auto publicKey = EnrolmentPublicKey::parse(publicText);
    ASSERT_TRUE(publicKey.ok()) << publicKey.error().message.toStdString();
    EXPECT_EQ(publicKey->agent, QStringLiteral("agent-7"));
    auto wrapped = TeamKeyWrapper::wrapFor(key, publicKey.value(), kMeta);
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().message.toStdString();
    auto parsed = TeamKeyExport::parse(wrapped->toArmoured());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
    EXPECT_EQ(parsed->header.recipientKeyId, publicKey->keyId());

    auto back = TeamKeyWrapper::unwrap(parsed.value(), agent.value());
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_TRUE(back->bytes().equals(key.bytes()));

    auto wrongAgent = TeamKeyWrapper::unwrap(parsed.value(), other.value());
    ASSERT_FALSE(wrongAgent.ok());
    EXPECT_EQ(wrongAgent.error().kind, Kind::NotForThisKey);
    auto asPassphrase = TeamKeyWrapper::unwrap(parsed.value(), pass("anything"));
    ASSERT_FALSE(asPassphrase.ok());
    EXPECT_EQ(asPassphrase.error().kind, Kind::WrongKind);
    auto passExport = passphraseExport(key);
    auto asKey = TeamKeyWrapper::unwrap(passExport, agent.value());
    ASSERT_FALSE(asKey.ok());
    EXPECT_EQ(asKey.error().kind, Kind::WrongKind);

    // The recipient id left as it was but the ephemeral key swapped: authenticated, so no key.
    auto eph = EnrolmentKeyPair::generate();
    ASSERT_TRUE(eph.ok());
    auto swapped = TeamKeyExport::parse(withEditedHeader(parsed.value(), [&eph](QJsonObject &h) {
        QJsonObject wrap = h.value(QStringLiteral("wrap")).toObject();
        wrap.insert(QStringLiteral("ephemeralPublicKey"),
                    QString::fromLatin1(eph->publicKey().toBase64()));
        h.insert(QStringLiteral("wrap"), wrap);
    }));
    ASSERT_TRUE(swapped.ok());
    auto noKey = TeamKeyWrapper::unwrap(swapped.value(), agent.value());
    ASSERT_FALSE(noKey.ok());
    EXPECT_EQ(noKey.error().kind, Kind::CouldNotUnwrap);
    TeamKeyExport flipped = parsed.value();
    flipped.sealed[20] = char(flipped.sealed[20] ^ 0x80);
    auto noKey2 = TeamKeyWrapper::unwrap(flipped, agent.value());
    ASSERT_FALSE(noKey2.ok());
    EXPECT_EQ(noKey2.error().message, TeamKeyWrapper::couldNotUnwrap().message);
}

TEST(TeamExport, AnExportThatOpensToAnotherKeyThanItsIdIsRefused)
{
    // A peer that writes the header of key A and seals key B: the AAD matches, the id does not.
    const TeamKey a = TeamKey::create();
    const TeamKey b = TeamKey::create();
    TeamKeyExport forged = passphraseExport(b);
    const QByteArray text = withEditedHeader(
        forged, [&a](QJsonObject &h) { h.insert(QStringLiteral("keyId"), a.keyId()); });
    auto parsed = TeamKeyExport::parse(text);
    ASSERT_TRUE(parsed.ok());
    // Re-seal b under the edited header so the AAD is consistent.
    auto wrapKey = aerodesk::team::Scrypt::derive(pass("correct horse"), parsed->header.salt,
                                                  parsed->header.scrypt, 32);
    ASSERT_TRUE(wrapKey.ok());
    auto sealed =
        aerodesk::crypto::Aead::seal(wrapKey.value(), b.bytes().view(), parsed->headerBytes);
    ASSERT_TRUE(sealed.ok());
    TeamKeyExport consistent = parsed.value();
    consistent.sealed = sealed.value();
    auto back = TeamKeyWrapper::unwrap(consistent, pass("correct horse"));
    ASSERT_FALSE(back.ok());
    EXPECT_EQ(back.error().kind, Kind::Inconsistent);
}

TEST(TeamExport, DefaultScryptCostRoundTripsAndIsMeasured)
{
    const ScryptParams defaults = ScryptParams::defaults();
    EXPECT_EQ(defaults.n(), 1u << 17);
    EXPECT_EQ(defaults.r, 8);
    EXPECT_EQ(defaults.p, 1);
    EXPECT_GE(defaults.maxmem, defaults.requiredMemory());
    EXPECT_FALSE(defaults.problem().has_value());
    const TeamKey key = TeamKey::create();
    QElapsedTimer timer;
    timer.start();
    auto wrapped = TeamKeyWrapper::wrapWithPassphrase(key, pass("a long team passphrase"), kMeta);
    const qint64 wrapMs = timer.restart();
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().message.toStdString();
    EXPECT_EQ(wrapped->header.scrypt.logN, 17);
    auto back = TeamKeyWrapper::unwrap(wrapped.value(), pass("a long team passphrase"));
    const qint64 unwrapMs = timer.elapsed();
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_TRUE(back->bytes().equals(key.bytes()));
    std::printf("scrypt N=2^17 r=8 p=1 (%llu MiB): wrap %lld ms, unwrap %lld ms\n",
                static_cast<unsigned long long>(defaults.maxmem >> 20),
                static_cast<long long>(wrapMs), static_cast<long long>(unwrapMs));
    EXPECT_GT(unwrapMs, 50) << "the default cost is suspiciously cheap";
}
