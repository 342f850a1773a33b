#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace aerodesk::crypto {

/// HMAC-SHA256 (OpenSSL EVP_MAC).
class Hmac
{
public:
    /// 32 raw bytes.
    static QByteArray sha256(QByteArrayView key, QByteArrayView message);
    /// Constant-time comparison of `expectedMac` (raw bytes) against HMAC(key, message).
    /// A MAC of the wrong length is false (and is compared in constant time as well).
    static bool verifySha256(QByteArrayView key, QByteArrayView message,
                             QByteArrayView expectedMac);
    /// Constant-time equality of two byte strings (CRYPTO_memcmp); false when lengths differ.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
};

} // namespace aerodesk::crypto
