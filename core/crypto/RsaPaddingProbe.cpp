#include "core/crypto/RsaPaddingProbe.h"

#include "core/crypto/OpenSslSupport.h"
#include "core/crypto/SecureBytes.h"

#include <openssl/rsa.h>

namespace aerodesk::crypto {

using namespace detail;

RsaPaddingProbe::Shape RsaPaddingProbe::probe(const RsaPrivateKey &key, QByteArrayView ciphertext)
{
    if (key.isNull() || ciphertext.isEmpty())
        return Shape::Unknown;
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.handle(), nullptr));
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) <= 0) {
        clearOpenSslErrors();
        return Shape::Unknown;
    }
    const auto *in = reinterpret_cast<const unsigned char *>(ciphertext.data());
    size_t outLen = 0;
    if (EVP_PKEY_decrypt(ctx.get(), nullptr, &outLen, in, size_t(ciphertext.size())) <= 0) {
        clearOpenSslErrors();
        return Shape::Unknown;
    }
    SecureBytes raw(outLen);
    if (EVP_PKEY_decrypt(ctx.get(), raw.data(), &outLen, in, size_t(ciphertext.size())) <= 0) {
        clearOpenSslErrors();
        return Shape::Unknown;
    }
    const unsigned char *em = raw.data();
    if (outLen < 11 || em[0] != 0x00)
        return Shape::NotThisKey;
    if (em[1] == 0x02) {
        size_t i = 2;
        while (i < outLen && em[i] != 0x00)
            ++i;
        if (i < outLen && i - 2 >= 8)
            return Shape::Pkcs1v15;
    }
    return Shape::OaepLike;
}

} // namespace aerodesk::crypto
