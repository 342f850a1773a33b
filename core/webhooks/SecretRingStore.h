#pragma once

#include "core/keychain/KeychainEntries.h"
#include "core/keychain/KeychainError.h"
#include "core/webhooks/SecretRing.h"

#include <QObject>

#include <functional>

class QSettings;

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::webhooks {

/// Loads and saves a SecretRing: the secrets in the keychain (names "webhookSecret.current",
/// "webhookSecret.previous" in the environment's profile), the rotation time and the time the
/// current secret was set — not secrets — in QSettings ("webhooks/<profile>/rotatedAt",
/// "webhooks/<profile>/currentSince"), and the profile's rotation period
/// ("webhooks/<profile>/rotationPeriodDays"). Asynchronous like the keychain.
class SecretRingStore : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const keychain::KeychainError &)>;

    static constexpr const char *kCurrentName = keychain::entries::kWebhookSecretCurrent;
    static constexpr const char *kPreviousName = keychain::entries::kWebhookSecretPrevious;

    SecretRingStore(keychain::Keychain &keychain, QSettings &settings, QObject *parent = nullptr);

    /// Fills `ring`; a missing previous secret is fine, a missing current one is NotFound.
    void load(SecretRing &ring, Done done);
    /// Writes both secrets (removes the previous entry when the ring has none) and the time.
    void save(const SecretRing &ring, Done done);

    /// The rotation period in days (RotationSchedule::kDefaultPeriodDays when not set).
    int rotationPeriodDays() const;
    void setRotationPeriodDays(int days);

private:
    QString settingsKey(const char *name = "rotatedAt") const;

    keychain::Keychain &m_keychain;
    QSettings &m_settings;
};

} // namespace aerodesk::webhooks
