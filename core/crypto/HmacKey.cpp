#include "core/crypto/HmacKey.h"

#include "core/crypto/Hmac.h"
#include "core/crypto/OpenSslSupport.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace aerodesk::crypto {

namespace {
// Fetched once per process: EVP_MAC_fetch walks the provider store under a lock.
EVP_MAC *hmacAlgorithm()
{
    static EVP_MAC *const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
}
} // namespace

HmacKey::HmacKey(QByteArrayView key)
{
    EVP_MAC *algorithm = hmacAlgorithm();
    if (!algorithm) {
        detail::clearOpenSslErrors();
        return;
    }
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(algorithm);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    static const unsigned char emptyKey = 0;
    const auto *keyData =
        key.isEmpty() ? &emptyKey : reinterpret_cast<const unsigned char *>(key.data());
    if (!ctx || !EVP_MAC_init(ctx, keyData, size_t(key.size()), params)) {
        EVP_MAC_CTX_free(ctx);
        detail::clearOpenSslErrors();
        return;
    }
    m_ctx = ctx;
}

HmacKey::~HmacKey()
{
    EVP_MAC_CTX_free(m_ctx); // the HMAC provider wipes its key copy and pad states
}

bool HmacKey::compute(QByteArrayView message, unsigned char (&out)[32]) const
{
    if (!m_ctx)
        return false;
    size_t outLen = 0;
    const std::lock_guard<std::mutex> lock(m_mutex);
    // No key: OpenSSL restarts from the keyed inner state (HMAC_Init_ex with a NULL key).
    const bool ok = EVP_MAC_init(m_ctx, nullptr, 0, nullptr) &&
        EVP_MAC_update(m_ctx, reinterpret_cast<const unsigned char *>(message.data()),
                       size_t(message.size())) &&
        EVP_MAC_final(m_ctx, out, &outLen, sizeof out) && outLen == sizeof out;
    if (!ok)
        detail::clearOpenSslErrors();
    return ok;
}

QByteArray HmacKey::mac(QByteArrayView message) const
{
    unsigned char out[32];
    if (!compute(message, out))
        return {};
    QByteArray result(reinterpret_cast<const char *>(out), qsizetype(sizeof out));
    OPENSSL_cleanse(out, sizeof out);
    return result;
}

bool HmacKey::verify(QByteArrayView message, QByteArrayView expectedMac) const
{
    unsigned char out[32];
    if (!compute(message, out))
        return false;
    // No wipe: the MAC of a delivery is what its signature header carries, not a secret.
    return Hmac::constantTimeEquals(
        QByteArrayView(reinterpret_cast<const char *>(out), qsizetype(sizeof out)), expectedMac);
}

} // namespace aerodesk::crypto
