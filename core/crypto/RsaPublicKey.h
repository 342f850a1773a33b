#pragma once

#include "core/crypto/CryptoError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace aerodesk::crypto {

/// An RSA public key (OpenSSL EVP_PKEY), from PEM: SPKI ("BEGIN PUBLIC KEY") or PKCS#1
/// ("BEGIN RSA PUBLIC KEY"). Cheap to copy (shared, immutable).
class RsaPublicKey
{
public:
    RsaPublicKey() = default;
    explicit RsaPublicKey(std::shared_ptr<EVP_PKEY> key);

    static Result<RsaPublicKey, CryptoError> fromPem(QByteArrayView pem);

    bool isNull() const { return !m_key; }
    int bits() const;
    /// Largest modulus-sized ciphertext, in bytes (256 for RSA-2048).
    int sizeBytes() const;
    /// SPKI PEM ("-----BEGIN PUBLIC KEY-----").
    QByteArray toPem() const;
    /// SHA-256 of the DER SPKI, lowercase hex: a stable id to show for a key.
    QByteArray fingerprintSha256() const;

    EVP_PKEY *handle() const { return m_key.get(); }

private:
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace aerodesk::crypto
