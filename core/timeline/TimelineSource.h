#pragma once

#include "core/timeline/TimelineEntry.h"

#include <QList>
#include <QString>

namespace aerodesk::timeline {

/// Steps kept elsewhere that belong on a connection's timeline — the seam for the audit log
/// (core/audit, issue 15): its records carry the store's blind index of the connectionId, so an
/// adapter implementing this answers entriesFor(connectionId) with the records whose ref equals
/// store.blindIndex().index(places::kConnectionDomain, connectionId), as StaffAction steps.
///
/// TimelineRecorder asks every source it was given when it loads a connection's timeline, on
/// its own (the UI) thread, and merges the answers with the stored steps in time order. A step
/// without a correlation id gets the connection's current one.
class TimelineSource
{
public:
    virtual ~TimelineSource() = default;
    virtual QList<TimelineEntry> entriesFor(const QString &connectionId) const = 0;
};

} // namespace aerodesk::timeline
