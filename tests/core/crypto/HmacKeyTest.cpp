// crypto::HmacKey (a keyed EVP_MAC context reused per call) against RFC 4231, the one-shot
// Hmac::sha256, and the same context used from several threads at once.
#include "core/crypto/HmacKey.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Hmac.h"

#include <atomic>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

using namespace aerodesk::crypto;

TEST(HmacKey, Rfc4231VectorsAndRepeatedUse)
{
    const HmacKey jefe("Jefe");
    ASSERT_TRUE(jefe.isValid());
    for (int i = 0; i < 3; ++i) // the context restarts from the key each time
        EXPECT_EQ(Hex::encode(jefe.mac("what do ya want for nothing?")),
                  QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    const HmacKey longKey(QByteArray(131, '\xaa'));
    EXPECT_EQ(Hex::encode(longKey.mac("Test Using Larger Than Block-Size Key - Hash Key First")),
              QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
    const HmacKey empty(QByteArrayView {});
    EXPECT_EQ(empty.mac("x"), Hmac::sha256(QByteArrayView {}, "x"));
}

TEST(HmacKey, VerifyAcceptsOnlyTheRightMac)
{
    const HmacKey key("whsec");
    const QByteArray body = R"({"event":"job.balance"})";
    const QByteArray mac = Hmac::sha256("whsec", body);
    EXPECT_TRUE(key.verify(body, mac));
    EXPECT_FALSE(HmacKey("whsec2").verify(body, mac));
    EXPECT_FALSE(key.verify(QByteArray(body).append(' '), mac));
    QByteArray flipped = mac;
    flipped[0] = char(flipped[0] ^ 0x80);
    EXPECT_FALSE(key.verify(body, flipped));
    EXPECT_FALSE(key.verify(body, mac.left(31)));
    EXPECT_FALSE(key.verify(body, QByteArray()));
    EXPECT_TRUE(key.verify(body, mac)) << "a rejected MAC must not disturb the context";
}

TEST(HmacKey, SharedAcrossThreads)
{
    const HmacKey key("whsec-threads");
    std::vector<QByteArray> bodies;
    std::vector<QByteArray> expected;
    for (int i = 0; i < 8; ++i) {
        bodies.push_back(QByteArray(100 + i * 300, char('a' + i)));
        expected.push_back(Hmac::sha256("whsec-threads", bodies.back()));
    }
    std::atomic<int> wrong { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int n = 0; n < 2000; ++n) {
                const size_t i = size_t((t + n) % 8);
                if (!key.verify(bodies[i], expected[i]))
                    ++wrong;
            }
        });
    }
    for (auto &th : threads)
        th.join();
    EXPECT_EQ(wrong.load(), 0);
}
