#pragma once

#include "core/crypto/RsaPrivateKey.h"
#include "core/embedded/EventPayload.h"
#include "core/embedded/PayloadError.h"
#include "core/util/Result.h"

#include <QByteArrayView>

namespace aerodesk::embedded {

/// Opens an embedded-banking event payload: hex → RSA-OAEP (SHA-1 digest and MGF1, no label —
/// the component's format) with the partner's private key → UTF-8 → JSON object → EventPayload.
///
/// Leading and trailing whitespace (a pasted line's newline) is ignored; anything else that is
/// not hex is an error naming the character and its position. When OAEP-SHA-1 fails, the cause
/// is diagnosed locally (RsaPaddingProbe, OAEP-SHA-256): wrong key, PKCS#1 v1.5 padding, the
/// SHA-256 digest, or a corrupted payload — each its own PayloadErrc and message. The decrypted
/// bytes live in wiping memory.
///
/// One RSA block costs about a millisecond; callers on the UI thread with pasted input of
/// unknown size should still run it through QtConcurrent (the hex cap is 64 KiB of text).
class PayloadDecryptor
{
public:
    static constexpr qsizetype kMaxHexChars = 64 * 1024;
    static Result<EventPayload, PayloadError> decrypt(const crypto::RsaPrivateKey &key,
                                                      QByteArrayView hexText);
};

} // namespace aerodesk::embedded
