#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/KeychainError.h"

#include <QString>

#include <functional>

namespace aerodesk::embedded {

/// Where the userCodes of one environment live, so EmbeddedWorkflow does not care: the keychain
/// (KeychainUserCodeStore, the default) or the team store (TeamPartnerUserStore, docs/team.md).
/// Every call answers later, on the caller's thread; errors use KeychainError's kinds
/// (NotFound: no code for that user; anything else: the message says why).
///
/// Rules every implementation keeps (docs/embedded-banking.md): save() answers ok only once the
/// code is durably stored (the caller sends OK after it); load() returns a code only for the
/// user it was saved for; forget() removes it; a userCode is never logged.
class UserCodeStore
{
public:
    using Done = std::function<void(const keychain::KeychainError &)>;
    using Loaded = std::function<void(const keychain::KeychainError &, crypto::SecureBytes)>;

    virtual ~UserCodeStore() = default;

    virtual void save(const QString &partnerUserId, const crypto::SecureBytes &userCode,
                      Done done) = 0;
    /// NotFound when the user has no userCode (connect first).
    virtual void load(const QString &partnerUserId, Loaded done) = 0;
    /// For a userCode the bank invalidated (disconnect, 410 on silent auth) and on logout.
    virtual void forget(const QString &partnerUserId, Done done) = 0;
    /// Where the codes are kept, for the workflow's sentences ("stored in %1"): "the keychain"
    /// or "the team store", translated.
    virtual QString placeName() const = 0;
};

} // namespace aerodesk::embedded
