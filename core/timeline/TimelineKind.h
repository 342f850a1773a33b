#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace aerodesk::timeline {

/// What one step of a connection's timeline is (docs/timeline.md).
enum class TimelineKind {
    ApiCall, ///< one HTTP exchange with the API (method, masked path, status, duration, request id)
    Job, ///< a job started, waiting for MFA, or ended
    JobPoll, ///< one poll of a job's status
    WidgetEvent, ///< an event the link widget posted (pageSuccess, widgetClose, ...)
    Webhook, ///< a webhook delivery seen by the console's listener (verified or not)
    StaffAction, ///< something a support person did on the connection (reveal, delete, ...)
};

/// Every kind, in the order the kind filter lists them.
QList<TimelineKind> allTimelineKinds();
/// Stable short name, stored and used by filters: "api", "job", "poll", "widget", "webhook",
/// "staff".
QString timelineKindName(TimelineKind kind);
std::optional<TimelineKind> timelineKindFromName(QStringView name);
/// The kind in words for the UI ("API call", "Job poll"...), translated.
QString timelineKindLabel(TimelineKind kind);

} // namespace aerodesk::timeline
