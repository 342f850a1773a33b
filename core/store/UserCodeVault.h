#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/KeychainEntries.h"
#include "core/keychain/KeychainError.h"

#include <QString>

#include <functional>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::store {

/// Embedded-banking userCodes are secrets: they live ONLY in the keychain, as
/// "userCode.<partnerUserId>" — never in the store, settings or logs.
class UserCodeVault
{
public:
    explicit UserCodeVault(keychain::Keychain &keychain);

    static QString keyName(const QString &partnerUserId)
    {
        return QLatin1String(keychain::entries::kUserCodePrefix) + partnerUserId;
    }

    void save(const QString &partnerUserId, const crypto::SecureBytes &userCode,
              std::function<void(const keychain::KeychainError &)> done);
    /// NotFound when the user has no userCode (connect first).
    void load(const QString &partnerUserId,
              std::function<void(const keychain::KeychainError &, crypto::SecureBytes)> done);
    /// For a userCode the bank invalidated (disconnect, 410 on silent auth).
    void forget(const QString &partnerUserId,
                std::function<void(const keychain::KeychainError &)> done);

private:
    keychain::Keychain &m_keychain;
};

} // namespace aerodesk::store
