#include "ui/connections/ExpiryTimeline.h"

#include "tests/ui/connections/ConnectionTestData.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using aerodesk::test::connectionsNow;
using aerodesk::ui::ExpiryTimeline;

namespace {

class ExpiryTimelineTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        timeline.setToday(today);
        timeline.setCounts({ { today.addDays(2), 4 },
                             { today.addDays(5), 1 },
                             { today.addDays(60), 7 },
                             { today.addDays(-1), 9 } });
        timeline.resize(620, 140);
        timeline.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&timeline));
    }

    QDate today = connectionsNow().date();
    ExpiryTimeline timeline;
};

TEST_F(ExpiryTimelineTest, ClickingABarEmitsItsDayAndClickingAgainClears)
{
    QSignalSpy selected(&timeline, &ExpiryTimeline::daySelected);
    const QRect bar = timeline.barRect(today.addDays(5));
    ASSERT_TRUE(bar.isValid());
    QTest::mouseClick(&timeline, Qt::LeftButton, Qt::NoModifier, bar.center());
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.at(0).at(0).toDate(), today.addDays(5));
    EXPECT_EQ(timeline.selectedDay(), today.addDays(5));

    QTest::mouseClick(&timeline, Qt::LeftButton, Qt::NoModifier,
                      timeline.barRect(today.addDays(5)).center());
    ASSERT_EQ(selected.count(), 2);
    EXPECT_FALSE(selected.at(1).at(0).toDate().isValid());
    EXPECT_FALSE(timeline.selectedDay().isValid());
}

TEST_F(ExpiryTimelineTest, BarsAreAsTallAsTheirCountsAndOnlyInRange)
{
    const QRect four = timeline.barRect(today.addDays(2));
    const QRect one = timeline.barRect(today.addDays(5));
    const QRect none = timeline.barRect(today.addDays(6));
    EXPECT_GT(four.height(), 3 * one.height());
    EXPECT_GT(one.height(), none.height());
    EXPECT_LT(four.right(), one.left());
    EXPECT_FALSE(timeline.barRect(today.addDays(-1)).isValid());
    EXPECT_FALSE(timeline.barRect(today.addDays(30)).isValid());
    EXPECT_FALSE(timeline.barRect(today.addDays(60)).isValid());
    EXPECT_EQ(timeline.totalInRange(), 5);

    timeline.setRangeDays(90);
    EXPECT_TRUE(timeline.barRect(today.addDays(60)).isValid());
    EXPECT_EQ(timeline.totalInRange(), 12);
    EXPECT_EQ(timeline.dayAt(timeline.barRect(today.addDays(60)).center()), today.addDays(60));
}

TEST_F(ExpiryTimelineTest, ArrowKeysMoveBetweenBarsAndEnterSelects)
{
    EXPECT_EQ(timeline.focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    QSignalSpy selected(&timeline, &ExpiryTimeline::daySelected);
    timeline.setFocus();
    EXPECT_EQ(timeline.currentDay(), today);
    QTest::keyClick(&timeline, Qt::Key_Right);
    QTest::keyClick(&timeline, Qt::Key_Right);
    EXPECT_EQ(timeline.currentDay(), today.addDays(2));
    EXPECT_EQ(selected.count(), 0) << "moving does not filter by itself";
    QTest::keyClick(&timeline, Qt::Key_Return);
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.at(0).at(0).toDate(), today.addDays(2));
    QTest::keyClick(&timeline, Qt::Key_Left);
    QTest::keyClick(&timeline, Qt::Key_Left);
    QTest::keyClick(&timeline, Qt::Key_Left); // clamped at today
    EXPECT_EQ(timeline.currentDay(), today);
    QTest::keyClick(&timeline, Qt::Key_End);
    EXPECT_EQ(timeline.currentDay(), today.addDays(29));
    QTest::keyClick(&timeline, Qt::Key_PageUp);
    EXPECT_EQ(timeline.currentDay(), today.addDays(22));
    QTest::keyClick(&timeline, Qt::Key_Escape);
    ASSERT_EQ(selected.count(), 2);
    EXPECT_FALSE(timeline.selectedDay().isValid());
}

TEST_F(ExpiryTimelineTest, HasAnAccessibleNameAndADescriptionOfItsData)
{
    EXPECT_EQ(timeline.accessibleName(), QStringLiteral("Expiry timeline"));
    const QString description = timeline.accessibleDescription();
    EXPECT_TRUE(description.contains(QStringLiteral("next 30 days: 5 in total")))
        << description.toStdString();
    EXPECT_TRUE(description.contains(QStringLiteral("Busiest day 2024-05-03 with 4")))
        << description.toStdString();
    timeline.setFocus();
    QTest::keyClick(&timeline, Qt::Key_Right);
    QTest::keyClick(&timeline, Qt::Key_Right);
    QTest::keyClick(&timeline, Qt::Key_Space);
    EXPECT_TRUE(
        timeline.accessibleDescription().contains(QStringLiteral("Table filtered to 2024-05-03")))
        << timeline.accessibleDescription().toStdString();
}

} // namespace
