#include "core/webhooks/SecretRingStore.h"

#include "core/keychain/Keychain.h"
#include "core/util/LogCategories.h"
#include "core/webhooks/RotationSchedule.h"

#include <QPointer>
#include <QSettings>

#include <algorithm>
#include <memory>

namespace aerodesk::webhooks {

using keychain::KeychainError;

SecretRingStore::SecretRingStore(keychain::Keychain &keychain, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_settings(settings)
{
}

QString SecretRingStore::settingsKey(const char *name) const
{
    return QStringLiteral("webhooks/%1/%2").arg(m_keychain.profile(), QLatin1String(name));
}

int SecretRingStore::rotationPeriodDays() const
{
    bool ok = false;
    const int days = m_settings.value(settingsKey("rotationPeriodDays")).toInt(&ok);
    return ok && days >= RotationSchedule::kMinPeriodDays &&
            days <= RotationSchedule::kMaxPeriodDays
        ? days
        : RotationSchedule::kDefaultPeriodDays;
}

void SecretRingStore::setRotationPeriodDays(int days)
{
    m_settings.setValue(
        settingsKey("rotationPeriodDays"),
        std::clamp(days, RotationSchedule::kMinPeriodDays, RotationSchedule::kMaxPeriodDays));
    m_settings.sync();
}

void SecretRingStore::load(SecretRing &ring, Done done)
{
    QPointer<SecretRingStore> self(this);
    const QDateTime rotatedAt =
        QDateTime::fromString(m_settings.value(settingsKey()).toString(), Qt::ISODate);
    const QDateTime since = QDateTime::fromString(
        m_settings.value(settingsKey("currentSince")).toString(), Qt::ISODate);
    m_keychain.read(
        QString::fromLatin1(kCurrentName),
        [self, &ring, rotatedAt, since, done](const KeychainError &e, crypto::SecureBytes current) {
            if (!self)
                return;
            if (!e.ok()) {
                done(e);
                return;
            }
            auto cur = std::make_shared<crypto::SecureBytes>(std::move(current));
            self->m_keychain.read(QString::fromLatin1(kPreviousName),
                                  [&ring, rotatedAt, since, done,
                                   cur](const KeychainError &e2, crypto::SecureBytes previous) {
                                      if (!e2.ok() && e2.kind != KeychainError::Kind::NotFound) {
                                          done(e2);
                                          return;
                                      }
                                      ring.restore(std::move(*cur), std::move(previous), rotatedAt);
                                      ring.setCurrentSince(since);
                                      qCDebug(aerodesk::log::webhooks).noquote()
                                          << "secret ring loaded; rotated at"
                                          << (rotatedAt.isValid() ? rotatedAt.toString(Qt::ISODate)
                                                                  : QStringLiteral("never"));
                                      done(KeychainError {});
                                  });
        });
}

void SecretRingStore::save(const SecretRing &ring, Done done)
{
    QPointer<SecretRingStore> self(this);
    const bool hasPrevious = !ring.previous().isEmpty();
    qCInfo(aerodesk::log::webhooks).noquote()
        << "saving the secret ring of" << m_keychain.profile()
        << (hasPrevious ? "with its previous secret" : "without a previous secret");
    const QDateTime rotatedAt = ring.rotatedAt();
    const QDateTime since = ring.current().isEmpty() ? QDateTime() : ring.currentSince();
    // The times go to the settings only once both keychain writes are done, so the settings
    // never describe secrets that were not stored.
    auto writeTimes = [self, rotatedAt, since, done](const KeychainError &e) {
        if (!self)
            return;
        if (e.ok()) {
            QSettings &s = self->m_settings;
            if (rotatedAt.isValid())
                s.setValue(self->settingsKey(), rotatedAt.toString(Qt::ISODate));
            else
                s.remove(self->settingsKey());
            if (since.isValid())
                s.setValue(self->settingsKey("currentSince"), since.toString(Qt::ISODate));
            else
                s.remove(self->settingsKey("currentSince"));
            s.sync();
        }
        done(e);
    };
    auto prev = std::make_shared<crypto::SecureBytes>(ring.previous().clone());
    m_keychain.write(
        QString::fromLatin1(kCurrentName), ring.current(),
        [self, hasPrevious, prev, writeTimes](const KeychainError &e) {
            if (!self)
                return;
            if (!e.ok()) {
                writeTimes(e);
                return;
            }
            if (hasPrevious)
                self->m_keychain.write(QString::fromLatin1(kPreviousName), *prev, writeTimes);
            else
                self->m_keychain.remove(QString::fromLatin1(kPreviousName), writeTimes);
        });
}

} // namespace aerodesk::webhooks
