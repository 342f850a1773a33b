#include "core/crypto/OpenSslSupport.h"

#include <openssl/err.h>
#include <openssl/x509.h>

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

std::optional<CryptoError> rsaKeyProblem(EVP_PKEY *key, const QString &what)
{
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
        return CryptoError::make(CryptoErrc::KeyNotRsa,
                                 QStringLiteral("This is a %1 %2 key; an RSA key is needed.")
                                     .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key)), what));
    if (EVP_PKEY_get_bits(key) < 2048)
        return CryptoError::make(
            CryptoErrc::KeyTooSmall,
            QStringLiteral("This RSA key has %1 bits; at least 2048 are needed.")
                .arg(EVP_PKEY_get_bits(key)));
    return std::nullopt;
}

std::shared_ptr<EVP_PKEY> adoptKey(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, [](EVP_PKEY *k) { EVP_PKEY_free(k); });
}

QByteArray publicKeyDer(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int len = key ? i2d_PUBKEY(key, &der) : 0;
    if (len <= 0) {
        clearOpenSslErrors();
        return {};
    }
    QByteArray out(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return out;
}

} // namespace aerodesk::crypto::detail
