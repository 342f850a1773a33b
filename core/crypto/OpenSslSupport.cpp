#include "core/crypto/OpenSslSupport.h"

#include <openssl/err.h>

namespace aerodesk::crypto::detail {

QString takeOpenSslError(const QString &fallback)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return fallback;
    char buffer[256] = {};
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

void clearOpenSslErrors()
{
    ERR_clear_error();
}

std::shared_ptr<EVP_PKEY> adoptKey(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, [](EVP_PKEY *k) { EVP_PKEY_free(k); });
}

} // namespace aerodesk::crypto::detail
