#include "core/crypto/Hmac.h"

#include "core/crypto/Hex.h"

#include <gtest/gtest.h>

using namespace aerodesk::crypto;

namespace {
QByteArray unhex(const char *text)
{
    return Hex::decode(text).value();
}
} // namespace

// RFC 4231 test cases 1, 2 and 6.
TEST(Hmac, Rfc4231Vectors)
{
    EXPECT_EQ(Hex::encode(Hmac::sha256(QByteArray(20, '\x0b'), "Hi There")),
              QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
    EXPECT_EQ(Hex::encode(Hmac::sha256("Jefe", "what do ya want for nothing?")),
              QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    EXPECT_EQ(Hex::encode(Hmac::sha256(QByteArray(131, '\xaa'),
                                       "Test Using Larger Than Block-Size Key - Hash Key First")),
              QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
}

TEST(Hmac, VerifyAcceptsOnlyTheRightMac)
{
    const QByteArray body = R"({"event":"job.balance"})";
    const QByteArray mac = Hmac::sha256("whsec", body);
    EXPECT_TRUE(Hmac::verifySha256("whsec", body, mac));
    EXPECT_FALSE(Hmac::verifySha256("whsec2", body, mac));
    EXPECT_FALSE(Hmac::verifySha256("whsec", QByteArray(body).append(' '), mac));
    QByteArray flipped = mac;
    flipped[31] = char(flipped[31] ^ 1);
    EXPECT_FALSE(Hmac::verifySha256("whsec", body, flipped));
    EXPECT_FALSE(Hmac::verifySha256("whsec", body, mac.left(31))) << "wrong length must be false";
    EXPECT_FALSE(Hmac::verifySha256("whsec", body, QByteArray()));
}

TEST(Hmac, ConstantTimeEquals)
{
    EXPECT_TRUE(Hmac::constantTimeEquals("abc", "abc"));
    EXPECT_FALSE(Hmac::constantTimeEquals("abc", "abd"));
    EXPECT_FALSE(Hmac::constantTimeEquals("abc", "ab"));
    EXPECT_TRUE(Hmac::constantTimeEquals("", ""));
    EXPECT_EQ(unhex("00ff"), QByteArray("\x00\xff", 2));
}
