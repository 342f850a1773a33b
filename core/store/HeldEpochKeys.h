#pragma once

#include <QStringList>

#include <functional>

namespace aerodesk::team {
class TeamKeychain;
}

namespace aerodesk::store {

class Store;

/// A team key rotation names two epochs' keys (docs/team.md "Key rotation"); a console that
/// holds the other one in its keychain (imported beside the current one, or made by this lead)
/// adds it to its store, so it reads both epochs and writes under the plan's write epoch instead
/// of being read-only. The one place that does it: at open (StoreOpener), on a rotation step
/// announced on the live channel (StoreLive) and after an import (RotationControl).
class HeldEpochKeys
{
public:
    /// The ids of the plan's epochs (next, current) whose key `store` does not hold.
    static QStringList missing(const Store &store);
    /// Reads each missing key from `keychain` (the store's team's) and adds it to `store`.
    /// `done(added)` runs once on the caller's thread when every read has answered (at once when
    /// nothing is missing). A key the keychain does not hold is no error. The callbacks go with
    /// `keychain`: keep `store` alive as long as it.
    static void take(Store &store, team::TeamKeychain &keychain,
                     std::function<void(int added)> done);
};

} // namespace aerodesk::store
