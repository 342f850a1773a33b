#include "core/api/TokenProvider.h"

#include <QJsonObject>

#include <gtest/gtest.h>
#include <limits>

using namespace aerodesk::api;

TEST(TokenRefresh, SixtySecondsEarlyOrHalfLife)
{
    EXPECT_EQ(TokenProvider::refreshDelayMs(1800), 1740 * 1000);
    EXPECT_EQ(TokenProvider::refreshDelayMs(121), 61 * 1000);
    EXPECT_EQ(TokenProvider::refreshDelayMs(120), 60 * 1000);
    EXPECT_EQ(TokenProvider::refreshDelayMs(3), 1500);
    EXPECT_EQ(TokenProvider::refreshDelayMs(0), 0);
}

// Found by fuzz/ApiResponse: (ttl - 60) * 1000 overflowed for a huge TTL (undefined behaviour;
// a negative delay in practice).
TEST(TokenRefresh, HugeTtlCountsAsADay)
{
    const qint64 day = TokenProvider::kMaxTtlSeconds;
    EXPECT_EQ(TokenProvider::refreshDelayMs(std::numeric_limits<qint64>::max()), (day - 60) * 1000);
    EXPECT_EQ(TokenProvider::refreshDelayMs(day * 1000), (day - 60) * 1000);
}

// Found by fuzz/ApiResponse (fuzz/regressions/ApiResponse/): "TTL": "1e300" or "nan" was
// converted to qint64 with undefined behaviour.
TEST(TokenRefresh, TokenAnswerTtlIsClamped)
{
    const auto read = [](const QJsonValue &ttl) {
        const auto answer = TokenProvider::readTokenAnswer(QJsonObject {
            { QStringLiteral("token"), QStringLiteral("t") }, { QStringLiteral("TTL"), ttl } });
        EXPECT_TRUE(answer.ok());
        return answer.ok() ? answer->ttlSeconds : -1;
    };
    EXPECT_EQ(read(QStringLiteral("1800")), 1800);
    EXPECT_EQ(read(90), 90);
    EXPECT_EQ(read(QStringLiteral("1e300")), TokenProvider::kMaxTtlSeconds);
    EXPECT_EQ(read(1e300), TokenProvider::kMaxTtlSeconds);
    EXPECT_EQ(read(QStringLiteral("-1e300")), 0);
    EXPECT_EQ(read(QStringLiteral("nan")), 1800);
    EXPECT_EQ(read(QStringLiteral("inf")), TokenProvider::kMaxTtlSeconds);
    EXPECT_FALSE(TokenProvider::readTokenAnswer(QJsonObject {}).ok());
}
