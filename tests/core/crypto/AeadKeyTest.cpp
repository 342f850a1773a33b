// crypto::AeadKey: one key set up once, reused for every value (the store opens two or three
// fields per row). Its values are crypto::Aead's; it recovers after refused values, and one key
// shared by several threads gives every thread its own right answers.
#include "core/crypto/AeadKey.h"

#include "core/crypto/Aead.h"
#include "core/crypto/Random.h"

#include <atomic>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

using namespace aerodesk::crypto;

TEST(AeadKey, ValuesAreAeadsBothWaysAcrossManyCallsAndRefusals)
{
    const SecureBytes key = Random::secretBytes(32);
    const AeadKey keyed(key);
    for (int i = 0; i < 300; ++i) {
        const QByteArray plain = QByteArray::number(i).repeated(i % 17);
        const QByteArray aad = QByteArray("place") + '\0' + QByteArray::number(i);
        auto mine = keyed.seal(plain, aad);
        ASSERT_TRUE(mine.ok());
        auto byAead = Aead::open(key, *mine, aad);
        ASSERT_TRUE(byAead.ok()) << i;
        EXPECT_EQ(byAead->view(), QByteArrayView(plain));
        auto theirs = Aead::seal(key, plain, aad);
        ASSERT_TRUE(theirs.ok());
        auto byKeyed = keyed.open(*theirs, aad);
        ASSERT_TRUE(byKeyed.ok()) << i;
        EXPECT_EQ(byKeyed->view(), QByteArrayView(plain));
        if (i % 3 == 0) { // a refusal in between must not spoil the next value
            QByteArray changed = *theirs;
            changed[changed.size() - 1] = char(changed.back() ^ 1);
            EXPECT_EQ(keyed.open(changed, aad).error().code, CryptoErrc::AeadAuthFailed);
            EXPECT_EQ(keyed.open(*theirs, "other").error().code, CryptoErrc::AeadAuthFailed);
        }
    }
}

TEST(AeadKey, AnotherKeyAndBadInputAreRefusedWithTheirOwnErrors)
{
    const AeadKey keyed(Random::secretBytes(32));
    const AeadKey other(Random::secretBytes(32));
    auto sealed = keyed.seal("secret-id", "a.b");
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(other.open(*sealed, "a.b").error().code, CryptoErrc::AeadAuthFailed);
    EXPECT_EQ(keyed.open(QByteArray(20, 'x')).error().code, CryptoErrc::AeadMalformed);
    const AeadKey shortKey(Random::secretBytes(16));
    EXPECT_EQ(shortKey.seal("x").error().code, CryptoErrc::AeadBadKey);
    EXPECT_EQ(shortKey.open(*sealed, "a.b").error().code, CryptoErrc::AeadBadKey);
    const AeadKey none { SecureBytes() };
    EXPECT_EQ(none.open(*sealed, "a.b").error().code, CryptoErrc::AeadBadKey);
}

TEST(AeadKey, OneKeySharedByFourThreads)
{
    const SecureBytes key = Random::secretBytes(32);
    const AeadKey keyed(key);
    std::atomic<int> wrong { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 500; ++i) {
                const QByteArray plain = QByteArray::number(t * 100000 + i);
                auto sealed = keyed.seal(plain, "shared");
                if (!sealed.ok()) {
                    ++wrong;
                    continue;
                }
                auto opened = keyed.open(*sealed, "shared");
                if (!opened.ok() || opened->view() != QByteArrayView(plain))
                    ++wrong;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    EXPECT_EQ(wrong.load(), 0);
}
