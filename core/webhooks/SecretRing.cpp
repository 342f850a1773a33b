#include "core/webhooks/SecretRing.h"

#include "core/crypto/HmacKey.h"

namespace aerodesk::webhooks {

namespace {
std::unique_ptr<crypto::HmacKey> keyedMac(const crypto::SecureBytes &secret)
{
    if (secret.isEmpty())
        return nullptr;
    return std::make_unique<crypto::HmacKey>(secret.view());
}
} // namespace

SecretRing::SecretRing(const Clock &clock)
    : m_clock(clock)
{
}

SecretRing::~SecretRing() = default;
SecretRing::SecretRing(SecretRing &&) noexcept = default;

void SecretRing::setCurrent(crypto::SecureBytes secret)
{
    m_current = std::move(secret);
    m_currentMac = keyedMac(m_current);
}

void SecretRing::restore(crypto::SecureBytes current, crypto::SecureBytes previous,
                         const QDateTime &rotatedAt)
{
    m_current = std::move(current);
    m_previous = std::move(previous);
    m_currentMac = keyedMac(m_current);
    m_previousMac = keyedMac(m_previous);
    m_rotatedAt = rotatedAt.toUTC();
    m_currentSince = {};
}

void SecretRing::rotate(crypto::SecureBytes next)
{
    m_previous = std::move(m_current);
    m_current = std::move(next);
    m_previousMac = std::move(m_currentMac); // the one before is dropped (and wiped)
    m_currentMac = keyedMac(m_current);
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
