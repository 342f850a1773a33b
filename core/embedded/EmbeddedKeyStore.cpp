#include "core/embedded/EmbeddedKeyStore.h"

#include "core/keychain/Keychain.h"
#include "core/util/LogCategories.h"

#include <QTimer>

namespace aerodesk::embedded {

namespace {

QString missingMessage(const QString &what, const QString &profile)
{
    return QStringLiteral("No %1 in the keychain for \"%2\". Import it in the payload inspector "
                          "(or with aerodesk-cli import-key).")
        .arg(what, profile);
}

} // namespace

EmbeddedKeyStore::EmbeddedKeyStore(keychain::Keychain &keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
{
}

void EmbeddedKeyStore::importPartnerKey(QByteArrayView pem, const crypto::SecureBytes &passphrase,
                                        Done done)
{
    auto key = crypto::RsaPrivateKey::fromPem(pem, passphrase);
    if (!key) {
        qCWarning(aerodesk::log::crypto).noquote()
            << "partner private key refused:" << key.error().message;
        QTimer::singleShot(0, this, [done, message = key.error().message] {
            done(QStringLiteral("This is not a usable partner private key: %1").arg(message));
        });
        return;
    }
    const crypto::SecureBytes normalised = key->toPkcs8Pem();
    m_keychain.write(QString::fromLatin1(kPartnerPrivateKey), normalised,
                     [done](const keychain::KeychainError &e) {
                         done(e.ok()
                                  ? QString()
                                  : QStringLiteral("The key could not be saved in the keychain: %1")
                                        .arg(e.message));
                     });
}

void EmbeddedKeyStore::importProviderKey(QByteArrayView pem, Done done)
{
    auto key = crypto::RsaPublicKey::fromPem(pem);
    if (!key) {
        qCWarning(aerodesk::log::crypto).noquote()
            << "provider public key refused:" << key.error().message;
        QTimer::singleShot(0, this, [done, message = key.error().message] {
            done(QStringLiteral("This is not a usable provider public key: %1").arg(message));
        });
        return;
    }
    const crypto::SecureBytes normalised(key->toPem());
    m_keychain.write(QString::fromLatin1(kProviderPublicKey), normalised,
                     [done](const keychain::KeychainError &e) {
                         done(e.ok()
                                  ? QString()
                                  : QStringLiteral("The key could not be saved in the keychain: %1")
                                        .arg(e.message));
                     });
}

template<class Key, class Parse>
void EmbeddedKeyStore::loadPem(const char *name, const QString &what, Parse parse, Loaded<Key> done)
{
    const QString profile = m_keychain.profile();
    m_keychain.read(
        QString::fromLatin1(name),
        [done, profile, what, parse](const keychain::KeychainError &e, crypto::SecureBytes pem) {
            if (e.kind == keychain::KeychainError::Kind::NotFound)
                return done(missingMessage(what, profile));
            if (!e.ok())
                return done(
                    QStringLiteral("The keychain did not give the %1: %2").arg(what, e.message));
            auto key = parse(pem.view());
            if (!key) {
                qCWarning(aerodesk::log::crypto).noquote()
                    << "the" << what << "in the keychain is damaged:" << key.error().message;
                return done(QStringLiteral("The %1 in the keychain is damaged: %2")
                                .arg(what, key.error().message));
            }
            qCDebug(aerodesk::log::embedded).noquote() << what << "loaded from the keychain";
            done(std::move(key).value());
        });
}

void EmbeddedKeyStore::loadPartnerKey(Loaded<crypto::RsaPrivateKey> done)
{
    loadPem<crypto::RsaPrivateKey>(
        kPartnerPrivateKey, QStringLiteral("partner private key"),
        [](QByteArrayView pem) { return crypto::RsaPrivateKey::fromPem(pem); }, std::move(done));
}

void EmbeddedKeyStore::loadProviderKey(Loaded<crypto::RsaPublicKey> done)
{
    loadPem<crypto::RsaPublicKey>(
        kProviderPublicKey, QStringLiteral("provider public key"),
        [](QByteArrayView pem) { return crypto::RsaPublicKey::fromPem(pem); }, std::move(done));
}

} // namespace aerodesk::embedded
