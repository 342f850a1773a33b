#include "core/util/FixedClock.h"

namespace aerodesk {

FixedClock::FixedClock(QDateTime nowUtc)
    : m_now(nowUtc.toUTC())
{
}

void FixedClock::advanceMs(qint64 ms)
{
    m_now = m_now.addMSecs(ms);
    m_monotonicMs += ms;
}

} // namespace aerodesk
