#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainError.h"
#include "core/webhooks/SecretRing.h"

#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

class QSettings;

namespace aerodesk {
class Clock;
}

namespace aerodesk::webhooks {

class SecretRingStore;

/// The webhook secret ring of one keychain profile, as the session keeps it (session::Session
/// owns one per profile): read from the keychain and the settings through SecretRingStore, and
/// the ONLY way to change the webhook secrets. rotate() and setSecret() go through the ring's
/// bookkeeping — the old secret becomes the previous one, accepted for the overlap window, and
/// the rotation time is recorded — and are saved before changed() is emitted: changed() comes
/// once per operation, after the keychain writes finished and isSaving()/isLoading() were
/// updated, so a listener sees the stored state (a write that first reads the ring does not
/// announce the read on its own).
///
/// This object only stores; a rotation that must reach Aerosync goes through SecretRotation,
/// which patches the subscriptions first and then calls setSecret().
///
/// Operations run one at a time in the order asked. A write asked before the ring was read
/// reads it first, so it never overwrites a previous secret it has not seen; if that read fails
/// (other than "no secret yet") nothing is written.
class WebhookSecrets : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const keychain::KeychainError &)>;

    /// `settings` keeps the rotation time (not a secret); both must outlive this object.
    WebhookSecrets(const QString &keychainProfile, QSettings &settings, const Clock &clock,
                   QObject *parent = nullptr);
    ~WebhookSecrets() override;

    QString profile() const { return m_keychain.profile(); }
    const SecretRing &ring() const { return *m_ring; }
    /// A copy of the ring, to change and save (a rotation, a new secret).
    std::shared_ptr<SecretRing> copyRing() const;
    /// The ring as it is now, shared: a change replaces it and never alters it in place, so
    /// worker threads may verify with it while the UI moves on. Its HMAC contexts are keyed once
    /// (a copy would key them again for every delivery).
    std::shared_ptr<const SecretRing> sharedRing() const { return m_ring; }
    /// Read at least once ("no secret yet" counts), and the last read did not fail.
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_pendingLoads > 0; }
    /// A rotation or a new secret is being generated or saved.
    bool isSaving() const { return m_pendingWrites > 0; }
    /// Why the last read failed (ok() when it did not).
    keychain::KeychainError lastError() const { return m_lastError; }

    /// Re-reads both secrets and the rotation time (e.g. after another program changed them).
    void reload(Done done = {});
    /// The LOCAL step only: a new random secret (generated off this thread) becomes current; the
    /// old one becomes the previous secret for the overlap window. Aerosync is not told — a
    /// rotation of an environment goes through SecretRotation (Aerosync first, then the ring).
    void rotate(Done done = {});
    /// `secret` becomes current. With `keepPrevious` the old one becomes the previous secret as
    /// in a rotation (rotation time: now); without it no previous secret is kept.
    void setSecret(crypto::SecureBytes secret, bool keepPrevious, Done done = {});

    /// The rotation period of this profile in days (a setting, not a secret; default 90).
    int rotationPeriodDays() const;
    void setRotationPeriodDays(int days);

    /// A fresh random webhook secret ("whsec_" + 48 hex digits).
    static crypto::SecureBytes generateSecret();

Q_SIGNALS:
    /// The ring was read, rotated or set (after it was saved).
    void changed();
    /// isLoading() / isSaving() changed.
    void stateChanged();
    /// setRotationPeriodDays() changed the period.
    void rotationPeriodChanged();

private:
    using Change = std::function<void(SecretRing &)>;
    void enqueue(std::function<void()> op);
    void runNext();
    /// Reads the ring; `then` gets the error and whether the ring was replaced.
    void load(std::function<void(const keychain::KeychainError &, bool replaced)> then);
    void write(Change change, Done done);

    const Clock &m_clock;
    keychain::Keychain m_keychain;
    SecretRingStore *m_store = nullptr;
    std::shared_ptr<SecretRing> m_ring;
    std::deque<std::function<void()>> m_queue;
    bool m_running = false;
    bool m_loaded = false;
    int m_pendingLoads = 0;
    int m_pendingWrites = 0;
    keychain::KeychainError m_lastError;
};

} // namespace aerodesk::webhooks
