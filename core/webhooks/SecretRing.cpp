#include "core/webhooks/SecretRing.h"

namespace aerodesk::webhooks {

SecretRing::SecretRing(const Clock &clock)
    : m_clock(clock)
{
}

void SecretRing::restore(crypto::SecureBytes current, crypto::SecureBytes previous,
                         const QDateTime &rotatedAt)
{
    m_current = std::move(current);
    m_previous = std::move(previous);
    m_rotatedAt = rotatedAt.toUTC();
    m_currentSince = {};
}

void SecretRing::rotate(crypto::SecureBytes next)
{
    m_previous = std::move(m_current);
    m_current = std::move(next);
    m_rotatedAt = m_clock.nowUtc();
    m_currentSince = m_rotatedAt;
}

QDateTime SecretRing::previousValidUntil() const
{
    if (m_previous.isEmpty() || !m_rotatedAt.isValid())
        return {};
    return m_rotatedAt.addSecs(m_overlapSecs);
}

bool SecretRing::previousActive() const
{
    const QDateTime until = previousValidUntil();
    return until.isValid() && m_clock.nowUtc() < until;
}

} // namespace aerodesk::webhooks
