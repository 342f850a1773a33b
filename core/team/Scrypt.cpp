#include "core/team/Scrypt.h"

#include "core/crypto/OpenSslSupport.h"

#include <QCoreApplication>

#include <memory>
#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

namespace aerodesk::team {

Result<crypto::SecureBytes, TeamError> Scrypt::derive(const crypto::SecureBytes &passphrase,
                                                      QByteArrayView salt,
                                                      const ScryptParams &params,
                                                      std::size_t length)
{
    if (auto problem = params.problem())
        return TeamError::make(TeamError::Kind::BadHeader, *problem);
    if (length == 0 || salt.isEmpty())
        return TeamError::make(
            TeamError::Kind::Internal,
            QCoreApplication::translate("aerodesk::team::Scrypt",
                                        "scrypt needs a salt and an output length."));
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr),
                                                          &EVP_KDF_free);
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(
        kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr, &EVP_KDF_CTX_free);
    if (!ctx)
        return TeamError::make(
            TeamError::Kind::Internal,
            QCoreApplication::translate("aerodesk::team::Scrypt", "OpenSSL has no scrypt: %1")
                .arg(crypto::detail::takeOpenSslError()));
    std::uint64_t n = params.n();
    std::uint64_t maxmem = params.maxmem;
    auto r = std::uint32_t(params.r);
    auto p = std::uint32_t(params.p);
    // An empty passphrase is refused by the callers; OpenSSL still needs a valid pointer.
    static unsigned char none = 0;
    unsigned char *pass =
        passphrase.isEmpty() ? &none : const_cast<unsigned char *>(passphrase.data());
    OSSL_PARAM ossl[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, pass, passphrase.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.data()),
                                          std::size_t(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    crypto::SecureBytes out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), length, ossl) != 1)
        return TeamError::make(
            TeamError::Kind::Internal,
            QCoreApplication::translate("aerodesk::team::Scrypt", "scrypt failed: %1")
                .arg(crypto::detail::takeOpenSslError()));
    return out;
}

} // namespace aerodesk::team
