#pragma once

#include "core/embedded/PartnerUser.h"
#include "core/keychain/KeychainError.h"

#include <QList>

#include <functional>

namespace aerodesk::embedded {

/// Where the partner-user records of one environment are kept, so PartnerUserDirectory does
/// not care: one keychain entry (KeychainPartnerUserStore, the default) or the team store, one
/// row per user, shared by every console of the desk (TeamPartnerUserStore, docs/team.md).
/// Every call answers later, on the caller's thread, in the order the calls were made.
class PartnerUserStore
{
public:
    using Done = std::function<void(const keychain::KeychainError &)>;
    using Read = std::function<void(const keychain::KeychainError &, QList<PartnerUser>)>;

    virtual ~PartnerUserStore() = default;

    /// Every user (none stored: an empty list, not an error).
    virtual void readAll(Read done) = 0;
    /// `user` was added or changed; `all` is the whole list after the change (a store that
    /// keeps the list as one value writes that).
    virtual void write(const PartnerUser &user, const QList<PartnerUser> &all, Done done) = 0;
    /// `done` once every write asked for so far has ended (the last one's error).
    virtual void whenWritten(Done done) = 0;
};

} // namespace aerodesk::embedded
