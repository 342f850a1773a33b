#pragma once

#include <QDateTime>

namespace aerodesk {

/// The time source for every expiry, token and poll decision, so tests can pin "now".
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    /// Monotonic milliseconds (for elapsed times and timeouts; not wall-clock).
    virtual qint64 monotonicMs() const = 0;
};

/// The real clock.
class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;
};

} // namespace aerodesk
