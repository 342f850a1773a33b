#include "core/api/TokenProvider.h"

#include <gtest/gtest.h>

using namespace aerodesk::api;

TEST(TokenRefresh, SixtySecondsEarlyOrHalfLife)
{
    EXPECT_EQ(TokenProvider::refreshDelayMs(1800), 1740 * 1000);
    EXPECT_EQ(TokenProvider::refreshDelayMs(121), 61 * 1000);
    EXPECT_EQ(TokenProvider::refreshDelayMs(120), 60 * 1000);
    EXPECT_EQ(TokenProvider::refreshDelayMs(3), 1500);
    EXPECT_EQ(TokenProvider::refreshDelayMs(0), 0);
}
