#pragma once

#include "core/util/Clock.h"

namespace aerodesk {

/// A clock that says what it is told: for tests and for deterministic runs.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime nowUtc = QDateTime::currentDateTimeUtc());
    QDateTime nowUtc() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonicMs; }
    void set(const QDateTime &nowUtc) { m_now = nowUtc.toUTC(); }
    void advanceMs(qint64 ms);

private:
    QDateTime m_now;
    qint64 m_monotonicMs = 0;
};

} // namespace aerodesk
