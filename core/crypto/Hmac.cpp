#include "core/crypto/Hmac.h"

#include "core/crypto/OpenSslSupport.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/hmac.h>

namespace aerodesk::crypto {

QByteArray Hmac::sha256(QByteArrayView key, QByteArrayView message)
{
    static const unsigned char emptyKey = 0;
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t outLen = 0;
    // EVP_Q_mac: one-shot EVP_MAC "HMAC" with digest SHA256.
    const void *keyData = key.isEmpty() ? static_cast<const void *>(&emptyKey) : key.data();
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, keyData, size_t(key.size()),
                   reinterpret_cast<const unsigned char *>(message.data()), size_t(message.size()),
                   out, sizeof out, &outLen)) {
        detail::clearOpenSslErrors();
        return {};
    }
    QByteArray mac(reinterpret_cast<const char *>(out), qsizetype(outLen));
    OPENSSL_cleanse(out, sizeof out);
    return mac;
}

bool Hmac::verifySha256(QByteArrayView key, QByteArrayView message, QByteArrayView expectedMac)
{
    const QByteArray actual = sha256(key, message);
    return !actual.isEmpty() && constantTimeEquals(actual, expectedMac);
}

bool Hmac::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size()) {
        // Still touch the data for a constant-ish time; the length itself is not secret.
        (void)CRYPTO_memcmp(a.data(), a.data(), size_t(a.size()));
        return false;
    }
    return a.isEmpty() || CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace aerodesk::crypto
