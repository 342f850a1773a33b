#include "core/crypto/Aead.h"

#include "core/crypto/Random.h"

#include <gtest/gtest.h>

using namespace aerodesk::crypto;

TEST(Aead, SealsAndOpens)
{
    const SecureBytes key = Random::secretBytes(32);
    const QByteArray id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    auto sealed = Aead::seal(key, id, "connections.connection_id");
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(sealed->size(), 1 + 12 + id.size() + 16);
    EXPECT_EQ(sealed->at(0), '\x01');
    EXPECT_FALSE(sealed->contains(id));
    auto opened = Aead::open(key, *sealed, "connections.connection_id");
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_EQ(opened->view(), QByteArrayView(id));
}

TEST(Aead, EmptyPlaintextWorks)
{
    const SecureBytes key = Random::secretBytes(32);
    auto sealed = Aead::seal(key, "");
    ASSERT_TRUE(sealed.ok());
    auto opened = Aead::open(key, *sealed);
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->isEmpty());
}

TEST(Aead, NoncesDiffer)
{
    const SecureBytes key = Random::secretBytes(32);
    EXPECT_NE(*Aead::seal(key, "x"), *Aead::seal(key, "x"));
}

TEST(Aead, TamperWrongKeyAndWrongPlaceFail)
{
    const SecureBytes key = Random::secretBytes(32);
    const SecureBytes otherKey = Random::secretBytes(32);
    auto sealed = Aead::seal(key, "secret-id", "a.b");
    ASSERT_TRUE(sealed.ok());
    QByteArray tampered = *sealed;
    tampered[14] = char(tampered[14] ^ 0x01);
    EXPECT_EQ(Aead::open(key, tampered, "a.b").error().code, CryptoErrc::AeadAuthFailed);
    EXPECT_EQ(Aead::open(otherKey, *sealed, "a.b").error().code, CryptoErrc::AeadAuthFailed);
    EXPECT_EQ(Aead::open(key, *sealed, "a.c").error().code, CryptoErrc::AeadAuthFailed);
}

TEST(Aead, MalformedAndBadKeyAreTheirOwnErrors)
{
    const SecureBytes key = Random::secretBytes(32);
    EXPECT_EQ(Aead::open(key, QByteArray(10, 'x')).error().code, CryptoErrc::AeadMalformed);
    QByteArray wrongVersion = *Aead::seal(key, "x");
    wrongVersion[0] = '\x07';
    EXPECT_EQ(Aead::open(key, wrongVersion).error().code, CryptoErrc::AeadMalformed);
    EXPECT_EQ(Aead::seal(Random::secretBytes(16), "x").error().code, CryptoErrc::AeadBadKey);
}
