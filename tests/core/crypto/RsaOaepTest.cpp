#include "core/crypto/RsaOaep.h"

#include <gtest/gtest.h>

using namespace aerodesk::crypto;

class RsaOaepTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        key = new RsaPrivateKey(RsaPrivateKey::generate(2048).value());
        other = new RsaPrivateKey(RsaPrivateKey::generate(2048).value());
    }
    static void TearDownTestSuite()
    {
        delete key;
        delete other;
    }
    static RsaPrivateKey *key;
    static RsaPrivateKey *other;
};
RsaPrivateKey *RsaOaepTest::key = nullptr;
RsaPrivateKey *RsaOaepTest::other = nullptr;

TEST_F(RsaOaepTest, RoundTripsWithBothHashes)
{
    const QByteArray msg(R"({"attemptId":"a-1","userCode":"u-2"})");
    for (OaepHash h : { OaepHash::Sha1, OaepHash::Sha256 }) {
        auto ct = RsaOaep::encrypt(key->publicKey(), msg, h);
        ASSERT_TRUE(ct.ok()) << ct.error().message.toStdString();
        EXPECT_EQ(ct->size(), 256);
        auto pt = RsaOaep::decrypt(*key, *ct, h);
        ASSERT_TRUE(pt.ok()) << pt.error().message.toStdString();
        EXPECT_EQ(pt->view(), QByteArrayView(msg));
    }
}

TEST_F(RsaOaepTest, EncryptionIsRandomised)
{
    auto a = RsaOaep::encrypt(key->publicKey(), "same");
    auto b = RsaOaep::encrypt(key->publicKey(), "same");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(*a, *b);
}

TEST_F(RsaOaepTest, MaxPlaintextMatchesTheOaepBound)
{
    EXPECT_EQ(RsaOaep::maxPlaintext(key->publicKey(), OaepHash::Sha1), 214);
    EXPECT_EQ(RsaOaep::maxPlaintext(key->publicKey(), OaepHash::Sha256), 190);
    EXPECT_TRUE(RsaOaep::encrypt(key->publicKey(), QByteArray(214, 'x'), OaepHash::Sha1).ok());
    EXPECT_TRUE(RsaOaep::encrypt(key->publicKey(), QByteArray(190, 'x'), OaepHash::Sha256).ok());
}

TEST_F(RsaOaepTest, PlaintextTooLongIsItsOwnError)
{
    auto a = RsaOaep::encrypt(key->publicKey(), QByteArray(215, 'x'), OaepHash::Sha1);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.error().code, CryptoErrc::PlaintextTooLong);
    EXPECT_TRUE(a.error().message.contains(QStringLiteral("214")))
        << a.error().message.toStdString();
    auto b = RsaOaep::encrypt(key->publicKey(), QByteArray(191, 'x'), OaepHash::Sha256);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().code, CryptoErrc::PlaintextTooLong);
}

TEST_F(RsaOaepTest, WrongLengthIsItsOwnError)
{
    auto ct = RsaOaep::encrypt(key->publicKey(), "hello");
    ASSERT_TRUE(ct.ok());
    auto r = RsaOaep::decrypt(*key, ct->left(200));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, CryptoErrc::CiphertextWrongLength);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("200")))
        << r.error().message.toStdString();
}

TEST_F(RsaOaepTest, WrongKeyWrongHashAndCorruptionShareOneMessage)
{
    auto ct = RsaOaep::encrypt(key->publicKey(), "hello", OaepHash::Sha256);
    ASSERT_TRUE(ct.ok());
    auto wrongKey = RsaOaep::decrypt(*other, *ct, OaepHash::Sha256);
    auto wrongHash = RsaOaep::decrypt(*key, *ct, OaepHash::Sha1);
    QByteArray corrupted = *ct;
    corrupted[17] = char(corrupted[17] ^ 0x5a);
    auto damaged = RsaOaep::decrypt(*key, corrupted, OaepHash::Sha256);
    for (const auto *r : { &wrongKey, &wrongHash, &damaged }) {
        ASSERT_FALSE(r->ok());
        EXPECT_EQ(r->error().code, CryptoErrc::DecryptFailed);
    }
    // No padding-oracle detail: the three failures are indistinguishable to the caller.
    EXPECT_EQ(wrongKey.error().message, wrongHash.error().message);
    EXPECT_EQ(wrongKey.error().message, damaged.error().message);
}
