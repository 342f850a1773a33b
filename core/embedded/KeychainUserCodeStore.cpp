#include "core/embedded/KeychainUserCodeStore.h"

#include "core/store/UserCodeVault.h"

#include <QCoreApplication>

namespace aerodesk::embedded {

KeychainUserCodeStore::KeychainUserCodeStore(keychain::Keychain &keychain)
    : m_keychain(keychain)
{
}

void KeychainUserCodeStore::save(const QString &partnerUserId, const crypto::SecureBytes &userCode,
                                 Done done)
{
    store::UserCodeVault(m_keychain).save(partnerUserId, userCode, std::move(done));
}

void KeychainUserCodeStore::load(const QString &partnerUserId, Loaded done)
{
    store::UserCodeVault(m_keychain).load(partnerUserId, std::move(done));
}

void KeychainUserCodeStore::forget(const QString &partnerUserId, Done done)
{
    store::UserCodeVault(m_keychain).forget(partnerUserId, std::move(done));
}

QString KeychainUserCodeStore::placeName() const
{
    return QCoreApplication::translate("aerodesk::embedded::UserCodeStore", "the keychain");
}

} // namespace aerodesk::embedded
