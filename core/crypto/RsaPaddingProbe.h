#pragma once

#include "core/crypto/RsaPrivateKey.h"

#include <QByteArrayView>

namespace aerodesk::crypto {

/// Explains why an RSA-OAEP decryption failed, for a local diagnostic tool (the payload
/// inspector): the ciphertext is decrypted WITHOUT padding (the raw RSA operation) and the
/// shape of the encoded message tells the likely cause. The raw result is wiped at once.
///
/// Only for data the user already holds and inspects on their own machine; never use it to
/// answer a remote party (that would be a padding oracle).
class RsaPaddingProbe
{
public:
    enum class Shape {
        Pkcs1v15, ///< 00 02 <≥8 non-zero bytes> 00 …: PKCS#1 v1.5 encryption padding, not OAEP
        OaepLike, ///< starts with 00: OAEP-shaped but its hash check failed (other digest or label,
                  ///< or corrupted)
        NotThisKey, ///< anything else: encrypted to another key (or not a ciphertext at all)
        Unknown, ///< the raw operation failed (e.g. the number is larger than the modulus)
    };
    static Shape probe(const RsaPrivateKey &key, QByteArrayView ciphertext);
};

} // namespace aerodesk::crypto
