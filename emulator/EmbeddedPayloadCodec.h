#pragma once

#include "core/crypto/RsaPrivateKey.h"
#include "core/crypto/RsaPublicKey.h"
#include "core/util/Result.h"
#include "emulator/EmbeddedError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

namespace aerodesk::emulator {

/// The embedded-banking payload format (reference section 9): UTF-8 JSON, RSA-OAEP with SHA-1
/// for the digest and MGF1 and no label (Node's crypto defaults), then lowercase hex.
class EmbeddedPayloadCodec
{
public:
    /// Encrypts `object` (compact JSON) to `key` and hexes it. The plaintext copy is wiped.
    static Result<QByteArray, EmbeddedError> seal(const crypto::RsaPublicKey &key,
                                                  const QJsonObject &object);

    /// Hex-decodes, decrypts with `key` and parses a JSON object. Errors: EB-400-HEX (with the
    /// position of the first bad character), EB-400-DECRYPT (wrong key, wrong OAEP digest,
    /// corrupted or wrong-length ciphertext), EB-400-JSON (not UTF-8 JSON or not an object).
    /// `what` names the field in messages ("'payload'").
    static Result<QJsonObject, EmbeddedError> open(const crypto::RsaPrivateKey &key,
                                                   QByteArrayView hex, const QString &what);
};

} // namespace aerodesk::emulator
