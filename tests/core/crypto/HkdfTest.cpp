#include "core/crypto/Hkdf.h"

#include "core/crypto/Hex.h"

#include <gtest/gtest.h>

using namespace aerodesk::crypto;

// RFC 5869 test case 1 (HKDF-SHA256, extract + expand).
TEST(Hkdf, Rfc5869Vector)
{
    const SecureBytes ikm(QByteArray(22, '\x0b'));
    const QByteArray salt = Hex::decode("000102030405060708090a0b0c").value();
    const QByteArray info = Hex::decode("f0f1f2f3f4f5f6f7f8f9").value();
    const SecureBytes okm = Hkdf::sha256(ikm, salt, info, 42);
    EXPECT_EQ(Hex::encode(okm.rawView()),
              QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf3400720"
                         "8d5b887185865"));
}

TEST(Hkdf, DistinctLabelsGiveDistinctKeys)
{
    const SecureBytes key(QByteArray(32, '\x42'));
    const SecureBytes a = Hkdf::sha256(key, "salt", "label a", 32);
    const SecureBytes b = Hkdf::sha256(key, "salt", "label b", 32);
    ASSERT_EQ(a.size(), 32u);
    ASSERT_EQ(b.size(), 32u);
    EXPECT_FALSE(a.equals(b));
    EXPECT_FALSE(a.equals(key));
    EXPECT_TRUE(Hkdf::sha256(SecureBytes(), "salt", "label", 32).isEmpty());
}
