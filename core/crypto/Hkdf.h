#pragma once

#include "core/crypto/SecureBytes.h"

#include <QByteArrayView>

namespace aerodesk::crypto {

/// HKDF-SHA256 (RFC 5869, extract then expand) through OpenSSL EVP_KDF "HKDF".
class Hkdf
{
public:
    /// `length` bytes derived from `key`; `info` is the label that separates uses. Empty on an
    /// OpenSSL failure (logged by the caller; a key is never empty otherwise).
    static SecureBytes sha256(const SecureBytes &key, QByteArrayView salt, QByteArrayView info,
                              std::size_t length);
};

} // namespace aerodesk::crypto
