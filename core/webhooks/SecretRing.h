#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Clock.h"

#include <QDateTime>

#include <memory>

namespace aerodesk::crypto {
class HmacKey;
}

namespace aerodesk::webhooks {

/// The webhook secrets of one environment: the current one and, for an overlap window after a
/// rotation (default 24 h), the previous one — deliveries queued before a rotation still carry
/// the old signature. "Now" comes from the injected Clock.
/// Each secret comes with its keyed HMAC context (crypto::HmacKey), set up when the secret is
/// set, so verifying a delivery only hashes it; replacing a secret drops its context.
class SecretRing
{
public:
    static constexpr qint64 kDefaultOverlapSecs = 24 * 3600;

    explicit SecretRing(const Clock &clock);
    ~SecretRing();
    SecretRing(SecretRing &&) noexcept;

    void setCurrent(crypto::SecureBytes secret);
    /// Restores a saved state (from the keychain and settings).
    void restore(crypto::SecureBytes current, crypto::SecureBytes previous,
                 const QDateTime &rotatedAt);
    /// The current secret becomes the previous one (its window starts now); `next` is current.
    void rotate(crypto::SecureBytes next);
    void setOverlapSecs(qint64 secs) { m_overlapSecs = secs; }
    /// When the current secret was set (a rotation sets it to now); the secret's age counts from
    /// it. Invalid when unknown (saved by a version that did not record it).
    void setCurrentSince(const QDateTime &since) { m_currentSince = since.toUTC(); }

    const crypto::SecureBytes &current() const { return m_current; }
    const crypto::SecureBytes &previous() const { return m_previous; }
    /// The keyed HMAC-SHA256 of current() / previous(); null when that secret is empty.
    const crypto::HmacKey *currentMac() const { return m_currentMac.get(); }
    const crypto::HmacKey *previousMac() const { return m_previousMac.get(); }
    QDateTime rotatedAt() const { return m_rotatedAt; }
    /// When the current secret was set; falls back to the last rotation time when not recorded.
    QDateTime currentSince() const
    {
        return m_currentSince.isValid() ? m_currentSince : m_rotatedAt;
    }
    qint64 overlapSecs() const { return m_overlapSecs; }
    /// When the previous secret stops being accepted (invalid without a previous secret).
    QDateTime previousValidUntil() const;
    bool previousActive() const;

private:
    const Clock &m_clock;
    crypto::SecureBytes m_current;
    crypto::SecureBytes m_previous;
    std::unique_ptr<crypto::HmacKey> m_currentMac;
    std::unique_ptr<crypto::HmacKey> m_previousMac;
    QDateTime m_rotatedAt;
    QDateTime m_currentSince;
    qint64 m_overlapSecs = kDefaultOverlapSecs;
};

} // namespace aerodesk::webhooks
