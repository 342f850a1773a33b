#pragma once

#include "core/crypto/CryptoError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace aerodesk::crypto {

/// Strict hexadecimal codec. Decoding accepts only [0-9a-fA-F] in pairs: no whitespace, no
/// prefix, no separators. Every violation is its own CryptoErrc with the position of the first
/// offending character in the message ("character 17 is 'g', not a hex digit").
class Hex
{
public:
    /// Default cap on decoded size: 1 MiB of bytes (2 MiB of text). Payloads are a few KiB.
    static constexpr qsizetype kDefaultMaxBytes = 1 << 20;

    static Result<QByteArray, CryptoError> decode(QByteArrayView text,
                                                  qsizetype maxBytes = kDefaultMaxBytes);
    /// Decodes exactly `size` bytes into `out` with no allocation (the webhook verifier's
    /// fixed 32-byte signature). False, leaving `out` unspecified, when `text` is not exactly
    /// 2 × `size` hex digits: then decode() tells why.
    static bool decodeInto(QByteArrayView text, unsigned char *out, qsizetype size);
    /// Lowercase hex.
    static QByteArray encode(QByteArrayView bytes);
};

} // namespace aerodesk::crypto
