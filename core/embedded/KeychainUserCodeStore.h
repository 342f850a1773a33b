#pragma once

#include "core/embedded/UserCodeStore.h"

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::embedded {

/// The local default: each userCode is its own keychain entry "userCode.<partnerUserId>"
/// (store::UserCodeVault).
class KeychainUserCodeStore : public UserCodeStore
{
public:
    explicit KeychainUserCodeStore(keychain::Keychain &keychain);

    void save(const QString &partnerUserId, const crypto::SecureBytes &userCode,
              Done done) override;
    void load(const QString &partnerUserId, Loaded done) override;
    void forget(const QString &partnerUserId, Done done) override;
    QString placeName() const override;

private:
    keychain::Keychain &m_keychain;
};

} // namespace aerodesk::embedded
