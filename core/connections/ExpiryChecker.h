#pragma once

#include "core/util/Clock.h"

#include <QDateTime>

namespace aerodesk::connections {

enum class ExpiryStatus { Ok, Within30Days, Within7Days, Expired, Unknown };

struct ExpiryInfo
{
    ExpiryStatus status = ExpiryStatus::Unknown;
    /// ceil(remaining seconds / 86400): 1 s left → 1; exactly 7 d → 7; 7 d + 1 s → 8; just expired
    /// → 0; 1 d + 1 s ago → -1 (ceil of a negative number). Meaningless when status is Unknown (0).
    qint64 daysLeft = 0;
};

/// Classifies a connectionExpiry against the injected clock, in UTC (DST never matters):
///   remaining = expiry − now (exact, in milliseconds)
///   Expired       when remaining <= 0   (expired AT the expiry instant)
///   Within7Days   when 0 < remaining <= 7 × 24 h
///   Within30Days  when 7 d < remaining <= 30 × 24 h
///   Ok            otherwise; Unknown when the expiry is invalid (field absent).
class ExpiryChecker
{
public:
    explicit ExpiryChecker(const Clock &clock)
        : m_clock(clock)
    {
    }
    ExpiryInfo check(const QDateTime &connectionExpiry) const;
    static QString statusName(ExpiryStatus status); ///< "ok", "within-30-days", ...

private:
    const Clock &m_clock;
};

} // namespace aerodesk::connections
