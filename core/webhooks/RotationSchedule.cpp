#include "core/webhooks/RotationSchedule.h"

#include "core/webhooks/SecretRing.h"

#include <algorithm>

namespace aerodesk::webhooks {

RotationDue RotationSchedule::evaluate(const SecretRing &ring, int periodDays, const QDateTime &now)
{
    RotationDue due;
    due.periodDays = std::clamp(periodDays, kMinPeriodDays, kMaxPeriodDays);
    if (ring.current().isEmpty())
        return due;
    due.since = ring.currentSince();
    if (!due.since.isValid()) {
        due.state = RotationDue::State::AgeUnknown;
        return due;
    }
    due.dueAt = due.since.addDays(due.periodDays);
    due.ageDays = std::max<qint64>(0, due.since.secsTo(now.toUTC()) / (24 * 3600));
    due.state = now.toUTC() >= due.dueAt ? RotationDue::State::Due : RotationDue::State::NotDue;
    return due;
}

} // namespace aerodesk::webhooks
