#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/RsaPrivateKey.h"
#include "core/crypto/RsaPublicKey.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace aerodesk::crypto {

/// The OAEP digest; MGF1 always uses the same digest, and no label is used. Sha1 is what
/// Node's crypto.publicEncrypt/privateDecrypt use by default (RSA_PKCS1_OAEP_PADDING), and
/// what the embedded-banking component uses.
enum class OaepHash { Sha1, Sha256 };

/// RSA-OAEP with OpenSSL 3 EVP_PKEY APIs.
class RsaOaep
{
public:
    /// Max plaintext bytes for this key and digest (214 for RSA-2048/SHA-1, 190 for SHA-256).
    static int maxPlaintext(const RsaPublicKey &key, OaepHash hash = OaepHash::Sha1);

    static Result<QByteArray, CryptoError>
    encrypt(const RsaPublicKey &key, QByteArrayView plaintext, OaepHash hash = OaepHash::Sha1);
    /// Wrong key, wrong digest and corrupted data all give DecryptFailed with one message;
    /// a ciphertext whose length is not the modulus size gives CiphertextWrongLength.
    static Result<SecureBytes, CryptoError>
    decrypt(const RsaPrivateKey &key, QByteArrayView ciphertext, OaepHash hash = OaepHash::Sha1);
};

} // namespace aerodesk::crypto
