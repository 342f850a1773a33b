#include "core/timeline/TimelineMerge.h"

namespace aerodesk::timeline {

QList<TimelineEntry> TimelineMerge::merge(QList<TimelineEntry> stored, QList<TimelineEntry> extra,
                                          const std::function<QString()> &currentFlow)
{
    TimelineEntry::sortByTime(stored);
    std::optional<QString> current;
    for (TimelineEntry &e : extra) {
        if (!e.correlationId.isEmpty())
            continue;
        for (auto it = stored.crbegin(); it != stored.crend(); ++it) {
            if (it->at <= e.at && !it->correlationId.isEmpty()) {
                e.correlationId = it->correlationId;
                break;
            }
        }
        if (e.correlationId.isEmpty()) {
            if (!current)
                current = currentFlow ? currentFlow() : QString();
            e.correlationId = *current;
        }
    }
    stored.append(std::move(extra));
    TimelineEntry::sortByTime(stored);
    return stored;
}

} // namespace aerodesk::timeline
