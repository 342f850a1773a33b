#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace aerodesk::crypto {

/// AES-256-GCM field encryption (OpenSSL EVP). Sealed format, all binary:
///   version (1 byte, 0x01) | nonce (12 random bytes) | ciphertext | tag (16 bytes)
/// `associatedData` binds a value to its place (e.g. "connections.connection_id"), so a
/// ciphertext copied into another column fails to open.
class Aead
{
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 12;
    static constexpr int kTagBytes = 16;

    static Result<QByteArray, CryptoError> seal(const SecureBytes &key, QByteArrayView plaintext,
                                                QByteArrayView associatedData = {});
    static Result<SecureBytes, CryptoError> open(const SecureBytes &key, QByteArrayView sealed,
                                                 QByteArrayView associatedData = {});
};

} // namespace aerodesk::crypto
