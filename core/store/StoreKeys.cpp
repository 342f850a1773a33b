#include "core/store/StoreKeys.h"

#include "core/crypto/Hkdf.h"
#include "core/crypto/Hmac.h"

namespace aerodesk::store {

namespace {
constexpr std::size_t kKeyBytes = 32;
}

crypto::SecureBytes StoreKeys::fieldKey(const crypto::SecureBytes &dataKey)
{
    return crypto::Hkdf::sha256(dataKey, kSalt, kFieldLabel, kKeyBytes);
}

crypto::SecureBytes StoreKeys::indexKey(const crypto::SecureBytes &dataKey)
{
    return crypto::Hkdf::sha256(dataKey, kSalt, kIndexLabel, kKeyBytes);
}

FieldCipher StoreKeys::cipher(const crypto::SecureBytes &dataKey, int schemaVersion, int epoch)
{
    if (schemaVersion >= kDerivedKeysSchema)
        return FieldCipher(fieldKey(dataKey), FieldCipher::Binding::RowBound, epoch);
    return FieldCipher(dataKey.clone(), FieldCipher::Binding::PlaceOnly);
}

BlindIndex StoreKeys::blindIndex(const crypto::SecureBytes &dataKey, int schemaVersion)
{
    if (schemaVersion >= kDerivedKeysSchema)
        return BlindIndex(indexKey(dataKey));
    QByteArray legacy = crypto::Hmac::sha256(dataKey.view(), "aerodesk blind index v1");
    return BlindIndex(crypto::SecureBytes::takeFrom(legacy));
}

} // namespace aerodesk::store
