#include "core/crypto/AeadKey.h"

#include "core/crypto/Aead.h"
#include "core/crypto/OpenSslSupport.h"
#include "core/crypto/Random.h"

#include <openssl/evp.h>

namespace aerodesk::crypto {

namespace {
constexpr char kSealedVersion = 0x01;

/// The algorithm, fetched once: EVP_aes_256_gcm() makes every EVP_*Init_ex2 with it fetch
/// from the provider again.
const EVP_CIPHER *aes256Gcm()
{
    static EVP_CIPHER *const cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    return cipher;
}

CryptoError badAeadKey(std::size_t size)
{
    return CryptoError::make(
        CryptoErrc::AeadBadKey,
        QStringLiteral("The data key is %1 bytes; AES-256-GCM needs 32.").arg(size));
}

const unsigned char *bytesOf(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}
} // namespace

AeadKey::AeadKey(const SecureBytes &key)
    : m_key(key.clone())
{
}

AeadKey::~AeadKey()
{
    EVP_CIPHER_CTX_free(m_seal);
    EVP_CIPHER_CTX_free(m_open);
}

evp_cipher_ctx_st *AeadKey::context(bool encrypt) const
{
    evp_cipher_ctx_st *&ctx = encrypt ? m_seal : m_open;
    if (ctx || !aes256Gcm())
        return ctx;
    EVP_CIPHER_CTX *made = EVP_CIPHER_CTX_new();
    const int keyed = encrypt
        ? EVP_EncryptInit_ex2(made, aes256Gcm(), m_key.data(), nullptr, nullptr)
        : EVP_DecryptInit_ex2(made, aes256Gcm(), m_key.data(), nullptr, nullptr);
    if (!made || keyed != 1) {
        EVP_CIPHER_CTX_free(made);
        return nullptr;
    }
    ctx = made;
    return ctx;
}

Result<QByteArray, CryptoError> AeadKey::seal(QByteArrayView plaintext,
                                              QByteArrayView associatedData) const
{
    if (m_key.size() != Aead::kKeyBytes)
        return badAeadKey(m_key.size());
    const QByteArray nonce = Random::bytes(Aead::kNonceBytes);
    QByteArray out;
    out.reserve(1 + Aead::kNonceBytes + plaintext.size() + Aead::kTagBytes);
    out.append(kSealedVersion).append(nonce);
    out.resize(1 + Aead::kNonceBytes + plaintext.size() + Aead::kTagBytes);
    auto *ct = reinterpret_cast<unsigned char *>(out.data()) + 1 + Aead::kNonceBytes;

    std::lock_guard lock(m_mutex);
    EVP_CIPHER_CTX *ctx = context(true);
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex2(ctx, nullptr, nullptr, bytesOf(nonce), nullptr) != 1 ||
        (!associatedData.isEmpty() &&
         EVP_EncryptUpdate(ctx, nullptr, &len, bytesOf(associatedData),
                           int(associatedData.size())) != 1) ||
        EVP_EncryptUpdate(ctx, ct, &len, bytesOf(plaintext), int(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx, ct + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Aead::kTagBytes, ct + plaintext.size()) != 1)
        return CryptoError::make(CryptoErrc::Internal, detail::takeOpenSslError());
    return out;
}

Result<SecureBytes, CryptoError> AeadKey::open(QByteArrayView sealed,
                                               QByteArrayView associatedData) const
{
    if (m_key.size() != Aead::kKeyBytes)
        return badAeadKey(m_key.size());
    if (sealed.size() < 1 + Aead::kNonceBytes + Aead::kTagBytes)
        return CryptoError::make(CryptoErrc::AeadMalformed,
                                 QStringLiteral("The sealed value is %1 bytes, too short to be "
                                                "valid.")
                                     .arg(sealed.size()));
    if (sealed[0] != kSealedVersion)
        return CryptoError::make(
            CryptoErrc::AeadMalformed,
            QStringLiteral("The sealed value has an unknown format version %1.")
                .arg(int(static_cast<unsigned char>(sealed[0]))));
    const unsigned char *nonce = bytesOf(sealed) + 1;
    const unsigned char *ct = nonce + Aead::kNonceBytes;
    const int ctLen = int(sealed.size()) - 1 - Aead::kNonceBytes - Aead::kTagBytes;
    const unsigned char *tag = ct + ctLen;

    SecureBytes out(std::size_t(ctLen > 0 ? ctLen : 0));
    unsigned char scratch[1];
    unsigned char *dst = ctLen > 0 ? out.data() : scratch;
    std::lock_guard lock(m_mutex);
    EVP_CIPHER_CTX *ctx = context(false);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex2(ctx, nullptr, nullptr, nonce, nullptr) != 1 ||
        (!associatedData.isEmpty() &&
         EVP_DecryptUpdate(ctx, nullptr, &len, bytesOf(associatedData),
                           int(associatedData.size())) != 1) ||
        EVP_DecryptUpdate(ctx, dst, &len, ct, ctLen) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, Aead::kTagBytes,
                            const_cast<unsigned char *>(tag)) != 1)
        return CryptoError::make(CryptoErrc::Internal, detail::takeOpenSslError());
    if (EVP_DecryptFinal_ex(ctx, dst + len, &len) != 1) {
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
