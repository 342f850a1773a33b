#include "core/crypto/RsaOaep.h"

#include "core/crypto/OpenSslSupport.h"

#include <openssl/crypto.h>
#include <openssl/rsa.h>
#include <vector>

namespace aerodesk::crypto {

using namespace detail;

namespace {

const EVP_MD *digestOf(OaepHash hash)
{
    return hash == OaepHash::Sha256 ? EVP_sha256() : EVP_sha1();
}

int digestBytes(OaepHash hash)
{
    return hash == OaepHash::Sha256 ? 32 : 20;
}

// OAEP with the same digest for the label hash and MGF1, and no label (Node's defaults when
// oaepHash is given or left at 'sha1').
bool setOaep(EVP_PKEY_CTX *ctx, OaepHash hash)
{
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) > 0 &&
        EVP_PKEY_CTX_set_rsa_oaep_md(ctx, digestOf(hash)) > 0 &&
        EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, digestOf(hash)) > 0;
}

QString hashName(OaepHash hash)
{
    return hash == OaepHash::Sha256 ? QStringLiteral("SHA-256") : QStringLiteral("SHA-1");
}

} // namespace

int RsaOaep::maxPlaintext(const RsaPublicKey &key, OaepHash hash)
{
    return key.sizeBytes() - 2 * digestBytes(hash) - 2;
}

Result<QByteArray, CryptoError> RsaOaep::encrypt(const RsaPublicKey &key, QByteArrayView plaintext,
                                                 OaepHash hash)
{
    if (key.isNull())
        return CryptoError::make(CryptoErrc::Internal, QStringLiteral("No public key was given."));
    const int limit = maxPlaintext(key, hash);
    if (plaintext.size() > limit)
        return CryptoError::make(CryptoErrc::PlaintextTooLong,
                                 QStringLiteral("The message is %1 bytes; RSA-OAEP (%2) with a "
                                                "%3-bit key carries at most %4.")
                                     .arg(plaintext.size())
                                     .arg(hashName(hash))
                                     .arg(key.bits())
                                     .arg(limit));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.handle(), nullptr));
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) <= 0 || !setOaep(ctx.get(), hash))
        return CryptoError::make(CryptoErrc::Internal, takeOpenSslError());
    size_t outLen = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(plaintext.data());
    if (EVP_PKEY_encrypt(ctx.get(), nullptr, &outLen, in, size_t(plaintext.size())) <= 0)
        return CryptoError::make(CryptoErrc::Internal, takeOpenSslError());
    QByteArray out(qsizetype(outLen), Qt::Uninitialized);
    if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen, in,
                         size_t(plaintext.size())) <= 0)
        return CryptoError::make(CryptoErrc::Internal, takeOpenSslError());
    out.resize(qsizetype(outLen));
    return out;
}

Result<SecureBytes, CryptoError> RsaOaep::decrypt(const RsaPrivateKey &key,
                                                  QByteArrayView ciphertext, OaepHash hash)
{
    if (key.isNull())
        return CryptoError::make(CryptoErrc::Internal, QStringLiteral("No private key was given."));
    const int modulus = EVP_PKEY_get_size(key.handle());
    if (ciphertext.size() != modulus)
        return CryptoError::make(CryptoErrc::CiphertextWrongLength,
                                 QStringLiteral("The encrypted payload is %1 bytes; a %2-bit key "
                                                "produces exactly %3. Is it complete, and for this "
                                                "key?")
                                     .arg(ciphertext.size())
                                     .arg(key.bits())
                                     .arg(modulus));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.handle(), nullptr));
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) <= 0 || !setOaep(ctx.get(), hash))
        return CryptoError::make(CryptoErrc::Internal, takeOpenSslError());
    const auto *in = reinterpret_cast<const unsigned char *>(ciphertext.data());
    size_t outLen = size_t(modulus);
    SecureBytes buffer(outLen);
    if (EVP_PKEY_decrypt(ctx.get(), buffer.data(), &outLen, in, size_t(ciphertext.size())) <= 0) {
        // One message for every cause (wrong key, wrong digest, corrupted data): no oracle.
        clearOpenSslErrors();
        return CryptoError::make(CryptoErrc::DecryptFailed,
                                 QStringLiteral("The payload could not be decrypted: wrong private "
                                                "key, wrong OAEP hash, or damaged data."));
    }
    return SecureBytes(buffer.data(), outLen);
}

} // namespace aerodesk::crypto
