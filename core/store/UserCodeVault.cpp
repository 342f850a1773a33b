#include "core/store/UserCodeVault.h"

#include "core/keychain/Keychain.h"

namespace aerodesk::store {

UserCodeVault::UserCodeVault(keychain::Keychain &keychain)
    : m_keychain(keychain)
{
}

void UserCodeVault::save(const QString &partnerUserId, const crypto::SecureBytes &userCode,
                         std::function<void(const keychain::KeychainError &)> done)
{
    m_keychain.write(keyName(partnerUserId), userCode, std::move(done));
}

void UserCodeVault::load(
    const QString &partnerUserId,
    std::function<void(const keychain::KeychainError &, crypto::SecureBytes)> done)
{
    m_keychain.read(keyName(partnerUserId), std::move(done));
}

void UserCodeVault::forget(const QString &partnerUserId,
                           std::function<void(const keychain::KeychainError &)> done)
{
    m_keychain.remove(keyName(partnerUserId), std::move(done));
}

} // namespace aerodesk::store
