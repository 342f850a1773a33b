#include "core/timeline/TimelineKind.h"

#include <QCoreApplication>

namespace aerodesk::timeline {

QList<TimelineKind> allTimelineKinds()
{
    return { TimelineKind::ApiCall,     TimelineKind::Job,     TimelineKind::JobPoll,
             TimelineKind::WidgetEvent, TimelineKind::Webhook, TimelineKind::StaffAction };
}

QString timelineKindName(TimelineKind kind)
{
    switch (kind) {
    case TimelineKind::ApiCall:
        return QStringLiteral("api");
    case TimelineKind::Job:
        return QStringLiteral("job");
    case TimelineKind::JobPoll:
        return QStringLiteral("poll");
    case TimelineKind::WidgetEvent:
        return QStringLiteral("widget");
    case TimelineKind::Webhook:
        return QStringLiteral("webhook");
    case TimelineKind::StaffAction:
        return QStringLiteral("staff");
    }
    return {};
}

std::optional<TimelineKind> timelineKindFromName(QStringView name)
{
    for (TimelineKind kind : allTimelineKinds()) {
        if (name == timelineKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QString timelineKindLabel(TimelineKind kind)
{
    switch (kind) {
    case TimelineKind::ApiCall:
        return QCoreApplication::translate("Timeline", "API call");
    case TimelineKind::Job:
        return QCoreApplication::translate("Timeline", "Job");
    case TimelineKind::JobPoll:
        return QCoreApplication::translate("Timeline", "Job poll");
    case TimelineKind::WidgetEvent:
        return QCoreApplication::translate("Timeline", "Widget event");
    case TimelineKind::Webhook:
        return QCoreApplication::translate("Timeline", "Webhook");
    case TimelineKind::StaffAction:
        return QCoreApplication::translate("Timeline", "Staff action");
    }
    return {};
}

} // namespace aerodesk::timeline
