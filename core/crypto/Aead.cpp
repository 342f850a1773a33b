#include "core/crypto/Aead.h"

#include "core/crypto/AeadKey.h"

namespace aerodesk::crypto {

// One-shot calls key a context for one value; code that seals or opens many values under one
// key keeps an AeadKey instead (store::FieldCipher).
Result<QByteArray, CryptoError> Aead::seal(const SecureBytes &key, QByteArrayView plaintext,
                                           QByteArrayView associatedData)
{
    return AeadKey(key).seal(plaintext, associatedData);
}

Result<SecureBytes, CryptoError> Aead::open(const SecureBytes &key, QByteArrayView sealed,
                                            QByteArrayView associatedData)
{
    return AeadKey(key).open(sealed, associatedData);
}

} // namespace aerodesk::crypto
