#include "core/webhooks/SecretRingStore.h"

#include "core/keychain/Keychain.h"
#include "core/util/LogCategories.h"

#include <QPointer>
#include <QSettings>

#include <memory>

namespace aerodesk::webhooks {

using keychain::KeychainError;

SecretRingStore::SecretRingStore(keychain::Keychain &keychain, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_settings(settings)
{
}

QString SecretRingStore::settingsKey() const
{
    return QStringLiteral("webhooks/%1/rotatedAt").arg(m_keychain.profile());
}

void SecretRingStore::load(SecretRing &ring, Done done)
{
    QPointer<SecretRingStore> self(this);
    const QDateTime rotatedAt =
        QDateTime::fromString(m_settings.value(settingsKey()).toString(), Qt::ISODate);
    m_keychain.read(
        QString::fromLatin1(kCurrentName),
        [self, &ring, rotatedAt, done](const KeychainError &e, crypto::SecureBytes current) {
            if (!self)
                return;
            if (!e.ok()) {
                done(e);
                return;
            }
            auto cur = std::make_shared<crypto::SecureBytes>(std::move(current));
            self->m_keychain.read(QString::fromLatin1(kPreviousName),
                                  [&ring, rotatedAt, done, cur](const KeychainError &e2,
                                                                crypto::SecureBytes previous) {
                                      if (!e2.ok() && e2.kind != KeychainError::Kind::NotFound) {
                                          done(e2);
                                          return;
                                      }
                                      ring.restore(std::move(*cur), std::move(previous), rotatedAt);
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
    if (ring.rotatedAt().isValid())
        m_settings.setValue(settingsKey(), ring.rotatedAt().toString(Qt::ISODate));
    else
        m_settings.remove(settingsKey());
    m_settings.sync();
    const bool hasPrevious = !ring.previous().isEmpty();
    qCInfo(aerodesk::log::webhooks).noquote()
        << "saving the secret ring of" << m_keychain.profile()
        << (hasPrevious ? "with its previous secret" : "without a previous secret");
    auto prev = std::make_shared<crypto::SecureBytes>(ring.previous().clone());
    m_keychain.write(QString::fromLatin1(kCurrentName), ring.current(),
                     [self, hasPrevious, prev, done](const KeychainError &e) {
                         if (!self)
                             return;
                         if (!e.ok()) {
                             done(e);
                             return;
                         }
                         if (hasPrevious)
                             self->m_keychain.write(QString::fromLatin1(kPreviousName), *prev,
                                                    done);
                         else
                             self->m_keychain.remove(QString::fromLatin1(kPreviousName), done);
                     });
}

} // namespace aerodesk::webhooks
