#pragma once

#include "core/crypto/CryptoError.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>

namespace aerodesk::crypto {

/// Cryptographically secure random bytes (OpenSSL RAND_bytes).
class Random
{
public:
    static QByteArray bytes(int count); ///< aborts the process if RAND_bytes fails
    static SecureBytes secretBytes(int count); ///< same, into wiping memory
    static QByteArray hex(int byteCount); ///< lowercase hex of `byteCount` random bytes
};

} // namespace aerodesk::crypto
