#pragma once

#include "core/timeline/TimelineSource.h"

#include <QPointer>

namespace aerodesk::audit {
class AuditTrail;
struct AuditRecord;
} // namespace aerodesk::audit

namespace aerodesk::timeline {

/// The audit log's staff actions on a connection, as StaffAction steps of its timeline
/// (issue 15): AuditLog::forConnection (the records whose connection_ref is the connectionId's
/// blind index), each record one step — the action's label, the masked object, the outcome, the
/// reason, the OS user and profile. The records carry no correlation id: the recorder assigns
/// the flow in effect at their time (TimelineMerge).
///
/// Session registers one on every TimelineRecorder it makes. Does not own the trail; when the
/// trail is gone (the store changed) it answers nothing. Lives on the trail's (UI) thread.
class AuditTimelineSource : public TimelineSource
{
public:
    explicit AuditTimelineSource(audit::AuditTrail *trail);
    QList<TimelineEntry> entriesFor(const QString &connectionId) const override;

    /// One audit record as a StaffAction step (no correlation id). fields: action (the stable
    /// name, e.g. "reveal.id"), actor (OS user), profile, object, outcome, reason (when given),
    /// seq, intact (false when a sealed field did not open).
    static TimelineEntry entryOf(const audit::AuditRecord &record);

private:
    QPointer<audit::AuditTrail> m_trail;
};

} // namespace aerodesk::timeline
