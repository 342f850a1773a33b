#include "core/connections/ExpiryChecker.h"

namespace aerodesk::connections {

namespace {
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
qint64 ceilDiv(qint64 a, qint64 b) // b > 0
{
    return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}
} // namespace

ExpiryInfo ExpiryChecker::check(const QDateTime &expiry) const
{
    if (!expiry.isValid())
        return {};
    const qint64 remaining = expiry.toMSecsSinceEpoch() - m_clock.nowUtc().toMSecsSinceEpoch();
    ExpiryInfo info;
    info.daysLeft = ceilDiv(remaining, kDayMs);
    if (remaining <= 0)
        info.status = ExpiryStatus::Expired;
    else if (remaining <= 7 * kDayMs)
        info.status = ExpiryStatus::Within7Days;
    else if (remaining <= 30 * kDayMs)
        info.status = ExpiryStatus::Within30Days;
    else
        info.status = ExpiryStatus::Ok;
    return info;
}

QString ExpiryChecker::statusName(ExpiryStatus status)
{
    switch (status) {
    case ExpiryStatus::Ok:
        return QStringLiteral("ok");
    case ExpiryStatus::Within30Days:
        return QStringLiteral("within-30-days");
    case ExpiryStatus::Within7Days:
        return QStringLiteral("within-7-days");
    case ExpiryStatus::Expired:
        return QStringLiteral("expired");
    case ExpiryStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace aerodesk::connections
