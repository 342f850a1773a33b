#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/RsaPublicKey.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArrayView>

#include <memory>

namespace aerodesk::crypto {

/// An RSA private key from PEM: PKCS#1 ("BEGIN RSA PRIVATE KEY"), PKCS#8 ("BEGIN PRIVATE
/// KEY") or passphrase-protected PKCS#8 ("BEGIN ENCRYPTED PRIVATE KEY"). Keys under 2048 bits
/// are refused. OpenSSL keeps the key material in its own (freed-and-cleansed) memory.
class RsaPrivateKey
{
public:
    RsaPrivateKey() = default;

    /// `passphrase` is used only for encrypted PKCS#8; a missing one gives
    /// PemPassphraseRequired, a wrong one PemWrongPassphrase.
    static Result<RsaPrivateKey, CryptoError> fromPem(QByteArrayView pem,
                                                      const SecureBytes &passphrase = {});
    /// A fresh key (for the sandbox and tests). bits >= 2048.
    static Result<RsaPrivateKey, CryptoError> generate(int bits = 2048);

    bool isNull() const { return !m_key; }
    int bits() const;
    RsaPublicKey publicKey() const;
    /// Unencrypted PKCS#8 PEM, in wiping memory.
    SecureBytes toPkcs8Pem() const;
    /// PKCS#8 PEM encrypted with AES-256-CBC under `passphrase` (PBKDF2).
    Result<QByteArray, CryptoError> toEncryptedPkcs8Pem(const SecureBytes &passphrase) const;

    EVP_PKEY *handle() const { return m_key.get(); }

private:
    explicit RsaPrivateKey(std::shared_ptr<EVP_PKEY> key)
        : m_key(std::move(key))
    {
    }
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace aerodesk::crypto
