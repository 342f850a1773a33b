#pragma once

#include "core/timeline/TimelineEntry.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace aerodesk::timeline {

/// Merges steps kept elsewhere (TimelineSource: the audit log's staff actions) into a
/// connection's stored steps, oldest first. Used by TimelineRecorder::load() and by the
/// escalation bundle (ConnectionBundleSources), so both show the same timeline.
///
/// Correlation ids are assigned at READ time (the audit log's hashed v4 record has no
/// correlation id, and changing its canonical form would break every existing chain): a merged
/// step without one gets the flow that was in effect at its time — the correlation id of the
/// last stored step at or before it — or, when no stored step precedes it, `currentFlow()`.
/// A staff action during a flow therefore carries that flow's id, and an older one keeps its
/// older flow's id after a reconnect started a new flow.
class TimelineMerge
{
public:
    /// `stored`: the store's steps, oldest first. `currentFlow` is called at most once.
    static QList<TimelineEntry> merge(QList<TimelineEntry> stored, QList<TimelineEntry> extra,
                                      const std::function<QString()> &currentFlow);
};

} // namespace aerodesk::timeline
