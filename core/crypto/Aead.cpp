#include "core/crypto/Aead.h"

#include "core/crypto/OpenSslSupport.h"
#include "core/crypto/Random.h"

#include <openssl/evp.h>

namespace aerodesk::crypto {

namespace {
constexpr char kVersion = 0x01;

struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

CryptoError badKey(std::size_t size)
{
    return CryptoError::make(
        CryptoErrc::AeadBadKey,
        QStringLiteral("The data key is %1 bytes; AES-256-GCM needs 32.").arg(size));
}
} // namespace

Result<QByteArray, CryptoError> Aead::seal(const SecureBytes &key, QByteArrayView plaintext,
                                           QByteArrayView associatedData)
{
    if (key.size() != kKeyBytes)
        return badKey(key.size());
    const QByteArray nonce = Random::bytes(kNonceBytes);
    QByteArray out;
    out.reserve(1 + kNonceBytes + plaintext.size() + kTagBytes);
    out.append(kVersion).append(nonce);
    out.resize(1 + kNonceBytes + plaintext.size() + kTagBytes);
    auto *ct = reinterpret_cast<unsigned char *>(out.data()) + 1 + kNonceBytes;

    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx ||
        EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), key.data(),
                            reinterpret_cast<const unsigned char *>(nonce.constData()),
                            nullptr) != 1 ||
        (!associatedData.isEmpty() &&
         EVP_EncryptUpdate(ctx.get(), nullptr, &len,
                           reinterpret_cast<const unsigned char *>(associatedData.data()),
                           int(associatedData.size())) != 1) ||
        EVP_EncryptUpdate(ctx.get(), ct, &len,
                          reinterpret_cast<const unsigned char *>(plaintext.data()),
                          int(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), ct + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, ct + plaintext.size()) != 1)
        return CryptoError::make(CryptoErrc::Internal, detail::takeOpenSslError());
    return out;
}

Result<SecureBytes, CryptoError> Aead::open(const SecureBytes &key, QByteArrayView sealed,
                                            QByteArrayView associatedData)
{
    if (key.size() != kKeyBytes)
        return badKey(key.size());
    if (sealed.size() < 1 + kNonceBytes + kTagBytes)
        return CryptoError::make(CryptoErrc::AeadMalformed,
                                 QStringLiteral("The sealed value is %1 bytes, too short to be "
                                                "valid.")
                                     .arg(sealed.size()));
    if (sealed[0] != kVersion)
        return CryptoError::make(
            CryptoErrc::AeadMalformed,
            QStringLiteral("The sealed value has an unknown format version %1.")
                .arg(int(static_cast<unsigned char>(sealed[0]))));
    const auto *base = reinterpret_cast<const unsigned char *>(sealed.data());
    const unsigned char *nonce = base + 1;
    const unsigned char *ct = nonce + kNonceBytes;
    const int ctLen = int(sealed.size()) - 1 - kNonceBytes - kTagBytes;
    const unsigned char *tag = ct + ctLen;

    SecureBytes out(std::size_t(ctLen > 0 ? ctLen : 0));
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    unsigned char scratch[1];
    unsigned char *dst = ctLen > 0 ? out.data() : scratch;
    if (!ctx ||
        EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), key.data(), nonce, nullptr) != 1 ||
        (!associatedData.isEmpty() &&
         EVP_DecryptUpdate(ctx.get(), nullptr, &len,
                           reinterpret_cast<const unsigned char *>(associatedData.data()),
                           int(associatedData.size())) != 1) ||
        EVP_DecryptUpdate(ctx.get(), dst, &len, ct, ctLen) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes,
                            const_cast<unsigned char *>(tag)) != 1)
        return CryptoError::make(CryptoErrc::Internal, detail::takeOpenSslError());
    if (EVP_DecryptFinal_ex(ctx.get(), dst + len, &len) != 1) {
        detail::clearOpenSslErrors();
        out.clear();
        return CryptoError::make(
            CryptoErrc::AeadAuthFailed,
            QStringLiteral("The sealed value failed authentication: wrong data "
                           "key, or the data was changed."));
    }
    return out;
}

} // namespace aerodesk::crypto
