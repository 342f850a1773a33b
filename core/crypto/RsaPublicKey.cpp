#include "core/crypto/RsaPublicKey.h"

#include "core/crypto/Hex.h"
#include "core/crypto/OpenSslSupport.h"

#include <QCryptographicHash>

#include <openssl/decoder.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace aerodesk::crypto {

using namespace detail;

RsaPublicKey::RsaPublicKey(std::shared_ptr<EVP_PKEY> key)
    : m_key(std::move(key))
{
}

Result<RsaPublicKey, CryptoError> RsaPublicKey::fromPem(QByteArrayView pem)
{
    if (pem.trimmed().isEmpty())
        return CryptoError::make(CryptoErrc::PemEmpty, QStringLiteral("No public key was given."));
    // OSSL_DECODER reads both SPKI ("PUBLIC KEY") and PKCS#1 ("RSA PUBLIC KEY") PEM.
    EVP_PKEY *key = nullptr;
    OSSL_DECODER_CTX *dctx = OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", nullptr, nullptr,
                                                           EVP_PKEY_PUBLIC_KEY, nullptr, nullptr);
    if (dctx) {
        const auto *data = reinterpret_cast<const unsigned char *>(pem.data());
        size_t len = size_t(pem.size());
        if (OSSL_DECODER_from_data(dctx, &data, &len) != 1 && key) {
            EVP_PKEY_free(key);
            key = nullptr;
        }
        OSSL_DECODER_CTX_free(dctx);
    }
    if (!key) {
        clearOpenSslErrors();
        return CryptoError::make(CryptoErrc::PemUnrecognised,
                                 QStringLiteral("This is not a PEM public key (expected \"BEGIN "
                                                "PUBLIC KEY\" or \"BEGIN RSA PUBLIC KEY\")."));
    }
    auto owned = adoptKey(key);
    if (auto problem = rsaKeyProblem(key, QStringLiteral("public")))
        return *problem;
    return RsaPublicKey(std::move(owned));
}

int RsaPublicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

int RsaPublicKey::sizeBytes() const
{
    return m_key ? EVP_PKEY_get_size(m_key.get()) : 0;
}

QByteArray RsaPublicKey::toPem() const
{
    if (!m_key)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1) {
        clearOpenSslErrors();
        return {};
    }
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(len));
}

QByteArray RsaPublicKey::fingerprintSha256() const
{
    if (!m_key)
        return {};
    const QByteArray der = publicKeyDer(m_key.get());
    if (der.isEmpty())
        return {};
    return Hex::encode(QCryptographicHash::hash(der, QCryptographicHash::Sha256));
}

} // namespace aerodesk::crypto
