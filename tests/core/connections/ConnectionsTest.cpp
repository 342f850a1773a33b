#include "core/connections/ConnectionId.h"
#include "core/connections/ExpiryChecker.h"
#include "core/connections/IdFileImporter.h"
#include "core/connections/IdMask.h"
#include "core/util/FixedClock.h"

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::connections;

namespace {
const QDateTime kNow(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
}

TEST(ExpiryChecker, BandsAtFixedClocks)
{
    FixedClock clock(kNow);
    ExpiryChecker checker(clock);
    struct Case
    {
        qint64 secondsLeft;
        ExpiryStatus status;
        qint64 days;
    };
    const Case cases[] = {
        { 3 * 86400, ExpiryStatus::Within7Days, 3 },
        { 7 * 86400, ExpiryStatus::Within7Days, 7 },
        { 7 * 86400 + 1, ExpiryStatus::Within30Days, 8 },
        { 30 * 86400, ExpiryStatus::Within30Days, 30 },
        { 30 * 86400 + 1, ExpiryStatus::Ok, 31 },
        { 1, ExpiryStatus::Within7Days, 1 },
        { 0, ExpiryStatus::Expired, 0 },
        { -86400 - 1, ExpiryStatus::Expired, -1 },
    };
    for (const Case &c : cases) {
        const ExpiryInfo info = checker.check(kNow.addSecs(c.secondsLeft));
        EXPECT_EQ(info.status, c.status) << c.secondsLeft;
        EXPECT_EQ(info.daysLeft, c.days) << c.secondsLeft;
    }
    EXPECT_EQ(checker.check(QDateTime()).status, ExpiryStatus::Unknown);
}

TEST(ExpiryChecker, FollowsTheClock)
{
    FixedClock clock(kNow);
    ExpiryChecker checker(clock);
    const QDateTime expiry = kNow.addDays(8);
    EXPECT_EQ(checker.check(expiry).status, ExpiryStatus::Within30Days);
    clock.advanceMs(2LL * 86400 * 1000);
    EXPECT_EQ(checker.check(expiry).status, ExpiryStatus::Within7Days);
    clock.advanceMs(7LL * 86400 * 1000);
    EXPECT_EQ(checker.check(expiry).status, ExpiryStatus::Expired);
}

TEST(ConnectionId, AcceptsHexAndUuidAndExplainsTheRest)
{
    EXPECT_TRUE(ConnectionId::validate(QStringLiteral("4a281c9e93f6a1f4b4db3284c009ef04")).ok());
    EXPECT_EQ(*ConnectionId::validate(QStringLiteral("4A281C9E93F6A1F4B4DB3284C009EF04")),
              QStringLiteral("4a281c9e93f6a1f4b4db3284c009ef04"));
    EXPECT_TRUE(
        ConnectionId::validate(QStringLiteral("7d3dba48-9c44-4cce-9aea-756dc3f90117")).ok());
    EXPECT_FALSE(ConnectionId::validate(QStringLiteral("4a281c9e93f6a1f4b4db3284c009ef0")).ok());
    EXPECT_FALSE(ConnectionId::validate(QStringLiteral("4a281c9e93f6a1f4b4db3284c009efzz")).ok());
    EXPECT_FALSE(ConnectionId::validate(QString()).ok());
}

TEST(IdFileImporter, CsvWithHeaderAndLineNumberedErrors)
{
    const auto out = IdFileImporter::parse(
        "connectionId,aeroPassUserUuid\n"
        "4a281c9e93f6a1f4b4db3284c009ef04,7d3dba48-9c44-4cce-9aea-756dc3f90117\n"
        "not-an-id,\n"
        "4a281c9e93f6a1f4b4db3284c009ef04,\n");
    EXPECT_EQ(out.format, IdFileImporter::Outcome::Format::Csv);
    EXPECT_TRUE(out.fatal.isEmpty());
    ASSERT_EQ(out.entries.size(), 1);
    EXPECT_EQ(out.entries.first().aeroPassUserUuid,
              QStringLiteral("7d3dba48-9c44-4cce-9aea-756dc3f90117"));
    ASSERT_EQ(out.errors.size(), 1);
    EXPECT_EQ(out.errors.first().line, 3);
    EXPECT_EQ(out.duplicates, 1);
}

TEST(IdFileImporter, JsonArraysOfStringsAndObjects)
{
    const auto strings = IdFileImporter::parse(R"(["4a281c9e93f6a1f4b4db3284c009ef04", 42])");
    EXPECT_EQ(strings.format, IdFileImporter::Outcome::Format::Json);
    EXPECT_EQ(strings.entries.size(), 1);
    EXPECT_EQ(strings.errors.size(), 1);
    const auto objects = IdFileImporter::parse(
        R"([{"connectionId":"4a281c9e93f6a1f4b4db3284c009ef04","aeroPassUserUuid":"7d3dba48-9c44-4cce-9aea-756dc3f90117"}])");
    ASSERT_EQ(objects.entries.size(), 1);
    EXPECT_FALSE(objects.entries.first().aeroPassUserUuid.isEmpty());
    EXPECT_FALSE(IdFileImporter::parse("[ not json").fatal.isEmpty());
}

TEST(IdFileImporter, OneIdPerLine)
{
    const auto out = IdFileImporter::parse(
        "# exported ids\n4a281c9e93f6a1f4b4db3284c009ef04\n\n0a281c9e93f6a1f4b4db3284c009ef04\n");
    EXPECT_EQ(out.format, IdFileImporter::Outcome::Format::Lines);
    EXPECT_EQ(out.entries.size(), 2);
    EXPECT_TRUE(out.errors.isEmpty());
}

TEST(IdMaskPath, MasksEveryIdSegmentOfALoggedPath)
{
    using aerodesk::connections::IdMask;
    const QString id = QStringLiteral("3f0c8a2e5a7b4c1d9e2f0a1b2c3d4e5f");
    EXPECT_EQ(IdMask::maskPath(QStringLiteral("/v2/accounts/%1/balance").arg(id)),
              QStringLiteral("/v2/accounts/3f0c…4e5f/balance"));
    EXPECT_EQ(IdMask::maskPath(QStringLiteral("/v2/accounts/%1/job/REF-abcdef0123456789").arg(id)),
              QStringLiteral("/v2/accounts/3f0c…4e5f/job/REF-…6789"));
    EXPECT_EQ(IdMask::maskPath(QStringLiteral("/v2/token_widget")),
              QStringLiteral("/v2/token_widget"));
    EXPECT_EQ(IdMask::maskPath(QStringLiteral("/eb/ret/connect/%1?x=%1").arg(id)),
              QStringLiteral("/eb/ret/connect/3f0c…4e5f"))
        << "the query is dropped";
    EXPECT_FALSE(
        IdMask::maskPath(
            QStringLiteral("/sandbox/widget/sessions/123e4567-e89b-42d3-a456-426614174000/bank"))
            .contains(QLatin1String("e89b-42d3")));
}
