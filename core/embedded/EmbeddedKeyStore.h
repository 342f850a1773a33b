#pragma once

#include "core/crypto/RsaPrivateKey.h"
#include "core/crypto/RsaPublicKey.h"
#include "core/crypto/SecureBytes.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/Result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::embedded {

/// The embedded-banking keys of one environment, kept in the keychain only:
///  - "eb.partnerPrivateKey": the partner's RSA private key (PKCS#8 PEM), decrypts events;
///  - "eb.providerPublicKey": the provider's RSA public key (SPKI PEM), encrypts silent-auth
///    replies.
/// Imports validate the PEM first (RSA, ≥ 2048 bits; an encrypted PEM is opened with its
/// passphrase and stored re-encoded, unencrypted, in the keychain — the keychain is the
/// protection). The PEM is never written anywhere else. Errors are one sentence each.
class EmbeddedKeyStore : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kPartnerPrivateKey = keychain::entries::kPartnerPrivateKey;
    static constexpr const char *kProviderPublicKey = keychain::entries::kProviderPublicKey;

    using Done = std::function<void(const QString &error)>; ///< empty error: success
    template<class T> using Loaded = std::function<void(Result<T, QString>)>;

    explicit EmbeddedKeyStore(keychain::Keychain &keychain, QObject *parent = nullptr);

    /// Validates and stores. `done` runs later with an empty string on success.
    void importPartnerKey(QByteArrayView pem, const crypto::SecureBytes &passphrase, Done done);
    void importProviderKey(QByteArrayView pem, Done done);
    void loadPartnerKey(Loaded<crypto::RsaPrivateKey> done);
    void loadProviderKey(Loaded<crypto::RsaPublicKey> done);

private:
    template<class Key, class Parse>
    void loadPem(const char *name, const QString &what, Parse parse, Loaded<Key> done);
    keychain::Keychain &m_keychain;
};

} // namespace aerodesk::embedded
