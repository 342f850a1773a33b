#include "core/crypto/Hkdf.h"

#include "core/crypto/OpenSslSupport.h"

#include <memory>
#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

namespace aerodesk::crypto {

SecureBytes Hkdf::sha256(const SecureBytes &key, QByteArrayView salt, QByteArrayView info,
                         std::size_t length)
{
    if (key.isEmpty() || length == 0)
        return {};
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr),
                                                          &EVP_KDF_free);
    if (!kdf) {
        detail::clearOpenSslErrors();
        return {};
    }
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()),
                                                                  &EVP_KDF_CTX_free);
    if (!ctx) {
        detail::clearOpenSslErrors();
        return {};
    }
    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    int n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[n++] = OSSL_PARAM_construct_octet_string(
        OSSL_KDF_PARAM_KEY, const_cast<unsigned char *>(key.data()), key.size());
    if (!salt.isEmpty())
        params[n++] = OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.data()), std::size_t(salt.size()));
    params[n++] = OSSL_PARAM_construct_octet_string(
        OSSL_KDF_PARAM_INFO, const_cast<char *>(info.data()), std::size_t(info.size()));
    params[n] = OSSL_PARAM_construct_end();
    SecureBytes out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), length, params) != 1) {
        detail::clearOpenSslErrors();
        return {};
    }
    return out;
}

} // namespace aerodesk::crypto
