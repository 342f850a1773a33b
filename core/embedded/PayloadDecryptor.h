#pragma once

#include "core/crypto/RsaPrivateKey.h"
#include "core/embedded/EventPayload.h"
#include "core/embedded/HexInput.h"
#include "core/embedded/PayloadError.h"
#include "core/util/Result.h"

#include <QByteArrayView>

namespace aerodesk::embedded {

/// Opens an embedded-banking event payload: hex → RSA-OAEP (SHA-1 digest and MGF1, no label —
/// the component's format) with the partner's private key → UTF-8 → JSON object → EventPayload.
///
/// The text is taken as pasted (HexInput): whitespace and line breaks anywhere and a leading 0x
/// are removed, and `input` (when given) says so; anything else that is not hex is an error
/// naming the character and its position. When OAEP-SHA-1 fails and `diagnose` is on (the
/// console's payload inspector), the cause is found locally (RsaPaddingProbe, OAEP-SHA-256):
/// wrong key, PKCS#1 v1.5 padding, the SHA-256 digest, or a corrupted payload — each its own
/// PayloadErrc and message. With `diagnose` off (scripts: aerodesk-cli without --diagnose) every
/// decryption failure is the one DecryptFailed, so a script looping over inputs learns nothing
/// about the padding (no padding oracle). The decrypted bytes live in wiping memory.
///
/// One RSA block costs about a millisecond; callers on the UI thread with pasted input of
/// unknown size should still run it through QtConcurrent (the hex cap is 64 KiB of text).
class PayloadDecryptor
{
public:
    static constexpr qsizetype kMaxHexChars = 64 * 1024;
    struct Options
    {
        bool diagnose = true; ///< tell wrong key / PKCS#1 v1.5 / OAEP-SHA-256 apart
    };
    static Result<EventPayload, PayloadError> decrypt(const crypto::RsaPrivateKey &key,
                                                      QByteArrayView hexText);
    /// `input`, when not null, receives what normalisation removed (also on failure after it).
    static Result<EventPayload, PayloadError> decrypt(const crypto::RsaPrivateKey &key,
                                                      QByteArrayView hexText, Options options,
                                                      HexInput *input = nullptr);
    /// The steps after decryption: UTF-8 text -> JSON object -> EventPayload::classify
    /// (NotUtf8, NotJson, NotObject, then classify's errors). decrypt() ends with it; it is
    /// public so the fuzz target (fuzz/PayloadClassifier.cpp) reaches it without RSA.
    static Result<EventPayload, PayloadError> fromPlaintext(const crypto::SecureBytes &plain);
};

} // namespace aerodesk::embedded
