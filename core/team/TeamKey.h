#pragma once

#include "core/crypto/SecureBytes.h"

#include <QString>

namespace aerodesk::team {

/// A team's 32-byte data key: the store's data key in team mode (StoreKeys derives the field
/// and blind-index keys from it). It lives only in memory (wiped) and in the keychain.
///
/// Its key id is public: HKDF-SHA256(key, salt "aerodesk team", info "aerodesk team key id v1"),
/// 16 bytes, shown as "tk1-" + 32 hex digits. HKDF under its own label is a PRF output, so the
/// id tells which key a store or export expects without helping anyone confirm a guess of the
/// key more than any other PRF output would, and it is independent of the store's field and
/// index keys (other labels).
class TeamKey
{
public:
    static constexpr int kKeyBytes = 32;
    static constexpr const char *kIdSalt = "aerodesk team";
    static constexpr const char *kIdLabel = "aerodesk team key id v1";
    static constexpr const char *kIdPrefix = "tk1-";

    /// A fresh key from the CSPRNG (crypto::Random::secretBytes).
    static TeamKey create();
    /// Takes `bytes` as a key; an invalid TeamKey when it is not 32 bytes.
    static TeamKey fromBytes(crypto::SecureBytes bytes);

    bool isValid() const { return m_key.size() == std::size_t(kKeyBytes); }
    const crypto::SecureBytes &bytes() const { return m_key; }
    /// "tk1-<32 hex>"; empty for an invalid key.
    QString keyId() const;
    /// True when `id` looks like a key id (prefix and 32 lowercase hex digits).
    static bool isKeyId(const QString &id);

private:
    crypto::SecureBytes m_key;
};

} // namespace aerodesk::team
