// util::radixSortByKey against std::stable_sort: the same order, ties kept in their order, on
// random keys of every width, extremes, and already sorted or reversed input.
#include "core/util/RadixSort.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <limits>
#include <random>

using aerodesk::util::KeyedIndex;
using aerodesk::util::orderedKey;
using aerodesk::util::radixSortByKey;

namespace {

std::vector<KeyedIndex> reference(std::vector<KeyedIndex> items)
{
    std::stable_sort(items.begin(), items.end(),
                     [](const KeyedIndex &l, const KeyedIndex &r) { return l.first < r.first; });
    return items;
}

std::vector<KeyedIndex> numbered(const std::vector<quint64> &keys)
{
    std::vector<KeyedIndex> items;
    for (size_t i = 0; i < keys.size(); ++i)
        items.emplace_back(keys[i], static_cast<int>(i));
    return items;
}

} // namespace

TEST(RadixSort, MatchesAStableSortForEveryKeyWidth)
{
    std::mt19937_64 random(20261201);
    for (const int bits : { 1, 5, 11, 12, 22, 35, 40, 63, 64 }) {
        std::vector<quint64> keys(5000);
        const quint64 mask = bits == 64 ? ~quint64(0) : (quint64(1) << bits) - 1;
        const quint64 base = random(); // a range that starts anywhere
        for (quint64 &key : keys)
            key = bits == 64 ? random() : std::min(base, ~quint64(0) - mask) + (random() & mask);
        auto items = numbered(keys);
        const auto expected = reference(items);
        radixSortByKey(items);
        EXPECT_EQ(items, expected) << bits << "-bit range";
    }
}

TEST(RadixSort, TiesKeepTheirOrderAndExtremesSortRight)
{
    auto items = numbered({ 7, std::numeric_limits<quint64>::max(), 0, 7, 3, 0,
                            std::numeric_limits<quint64>::max(), 7 });
    radixSortByKey(items);
    const std::vector<KeyedIndex> expected {
        { 0, 2 },
        { 0, 5 },
        { 3, 4 },
        { 7, 0 },
        { 7, 3 },
        { 7, 7 },
        { std::numeric_limits<quint64>::max(), 1 },
        { std::numeric_limits<quint64>::max(), 6 },
    };
    EXPECT_EQ(items, expected);
}

TEST(RadixSort, SortedReversedSingleAndEmptyInputs)
{
    std::vector<quint64> up(3000);
    for (size_t i = 0; i < up.size(); ++i)
        up[i] = i * 1000003;
    auto sorted = numbered(up);
    radixSortByKey(sorted);
    EXPECT_EQ(sorted, numbered(up));
    std::vector<quint64> down(up.rbegin(), up.rend());
    auto reversed = numbered(down);
    const auto expected = reference(reversed);
    radixSortByKey(reversed);
    EXPECT_EQ(reversed, expected);
    std::vector<KeyedIndex> one { { 42, 0 } }, none;
    radixSortByKey(one);
    radixSortByKey(none);
    EXPECT_EQ(one, (std::vector<KeyedIndex> { { 42, 0 } }));
    EXPECT_TRUE(none.empty());
}

TEST(RadixSort, OrderedKeyKeepsTheOrderOfSignedNumbers)
{
    const std::vector<qint64> values {
        std::numeric_limits<qint64>::min(), -86400000, -1, 0, 1, 1764547200000,
        std::numeric_limits<qint64>::max()
    };
    for (size_t i = 1; i < values.size(); ++i)
        EXPECT_LT(orderedKey(values[i - 1]), orderedKey(values[i])) << values[i];
}
