#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/BlindIndex.h"
#include "core/store/FieldCipher.h"

namespace aerodesk::store {

/// The keys the store uses, all from the one 32-byte data key in the keychain.
///
/// Since schema v3 both are HKDF-SHA256 (OpenSSL EVP_KDF) of the data key with distinct labels,
/// so the data key itself never keys AES or HMAC directly:
///   fieldKey = HKDF(dataKey, salt "aerodesk store", info "aerodesk store field key v3")
///   indexKey = HKDF(dataKey, salt "aerodesk store", info "aerodesk store blind index key v3")
/// Before v3 (legacy, read only to migrate): AES under the raw data key, fields bound to their
/// place only; indexKey = HMAC-SHA256(dataKey, "aerodesk blind index v1").
class StoreKeys
{
public:
    /// The first schema version whose fields are row-bound under derived keys.
    static constexpr int kDerivedKeysSchema = 3;
    static constexpr const char *kSalt = "aerodesk store";
    static constexpr const char *kFieldLabel = "aerodesk store field key v3";
    static constexpr const char *kIndexLabel = "aerodesk store blind index key v3";

    static crypto::SecureBytes fieldKey(const crypto::SecureBytes &dataKey);
    static crypto::SecureBytes indexKey(const crypto::SecureBytes &dataKey);

    /// The cipher and blind index that a file at `schemaVersion` is written with.
    /// `epoch` (team key rotation, schema v8): 2 or later joins the associated data.
    static FieldCipher cipher(const crypto::SecureBytes &dataKey, int schemaVersion, int epoch = 1);
    static BlindIndex blindIndex(const crypto::SecureBytes &dataKey, int schemaVersion);
};

} // namespace aerodesk::store
