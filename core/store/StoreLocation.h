#pragma once

#include "core/keychain/KeychainEntries.h"

namespace aerodesk::store {

/// Where the encrypted store's data key lives: the keychain profile shared by the console and
/// aerodesk-cli (docs/keychain.md). The store holds connections of every environment; its key
/// is not an environment's secret, so it has a profile of its own.
struct StoreLocation
{
    static constexpr const char *kKeychainProfile = keychain::entries::kStoreProfile;
};

} // namespace aerodesk::store
