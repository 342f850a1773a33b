// Staff actions from the audit log get their correlation id when the timeline is read
// (TimelineMerge): the flow in effect at their time — so an action of an earlier flow keeps
// that flow's id after a reconnect started a new one — and the current flow when nothing
// stored precedes them. An id a source already gave is kept.
#include "core/timeline/TimelineMerge.h"

#include <gtest/gtest.h>

namespace {

using namespace aerodesk::timeline;

const QDateTime kT0(QDate(2026, 11, 30), QTime(20, 0), Qt::UTC);

TimelineEntry step(int second, TimelineKind kind, const QString &flow, const QString &summary)
{
    TimelineEntry e;
    e.at = kT0.addSecs(second);
    e.kind = kind;
    e.correlationId = flow;
    e.summary = summary;
    return e;
}

TEST(TimelineMerge, AStaffActionCarriesTheFlowInEffectAtItsTime)
{
    const QString first = QStringLiteral("11111111111111111111111111111111");
    const QString second = QStringLiteral("22222222222222222222222222222222");
    const QString current = QStringLiteral("33333333333333333333333333333333");
    const QList<TimelineEntry> stored { step(10, TimelineKind::ApiCall, first, "link"),
                                        step(20, TimelineKind::Job, first, "job"),
                                        step(40, TimelineKind::WidgetEvent, second, "reconnect") };
    const QList<TimelineEntry> staff {
        step(50, TimelineKind::StaffAction, {}, "after the reconnect"),
        step(30, TimelineKind::StaffAction, {}, "during the first flow"),
        step(5, TimelineKind::StaffAction, {}, "before anything stored"),
        step(20, TimelineKind::StaffAction, {}, "same millisecond as the job"),
        step(35, TimelineKind::StaffAction, QStringLiteral("given"), "with its own id"),
    };
    int asked = 0;
    const QList<TimelineEntry> merged = TimelineMerge::merge(stored, staff, [&] {
        ++asked;
        return current;
    });

    ASSERT_EQ(merged.size(), 8);
    QStringList order;
    for (const TimelineEntry &e : merged)
        order << e.summary;
    EXPECT_EQ(order,
              (QStringList { "before anything stored", "link", "job", "same millisecond as the job",
                             "during the first flow", "with its own id", "reconnect",
                             "after the reconnect" }));
    const auto flowOf = [&](const char *summary) {
        for (const TimelineEntry &e : merged)
            if (e.summary == QLatin1String(summary))
                return e.correlationId;
        return QStringLiteral("(missing)");
    };
    EXPECT_EQ(flowOf("during the first flow"), first);
    EXPECT_EQ(flowOf("same millisecond as the job"), first);
    EXPECT_EQ(flowOf("after the reconnect"), second);
    EXPECT_EQ(flowOf("before anything stored"), current);
    EXPECT_EQ(flowOf("with its own id"), QStringLiteral("given"));
    EXPECT_EQ(asked, 1) << "the current flow is asked for once, and only when needed";
}

TEST(TimelineMerge, NothingStoredMeansTheCurrentFlowAndNoQuestionWithoutStaffActions)
{
    int asked = 0;
    const auto current = [&] {
        ++asked;
        return QStringLiteral("44444444444444444444444444444444");
    };
    EXPECT_TRUE(TimelineMerge::merge({}, {}, current).isEmpty());
    EXPECT_EQ(asked, 0);
    const QList<TimelineEntry> merged =
        TimelineMerge::merge({}, { step(1, TimelineKind::StaffAction, {}, "reveal") }, current);
    ASSERT_EQ(merged.size(), 1);
    EXPECT_EQ(merged.first().correlationId, QStringLiteral("44444444444444444444444444444444"));
}

} // namespace
