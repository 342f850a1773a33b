#pragma once

#include <QObject>

#include <functional>

namespace aerodesk::keychain {

/// Whether the Secret Service's default collection (where QtKeychain keeps its items) is locked.
/// Needed because QtKeychain 0.13's libsecret backend answers a read from a locked keyring with
/// "Entry not found" (libsecret's unlock prompt is dismissed without an error when no prompt can
/// be shown): without this, a locked keyring looks like a missing secret.
///
/// Asynchronous: `done(locked)` runs once on `context`'s thread; false when it cannot tell (no
/// D-Bus, no collection). Without D-Bus (macOS, Windows) it always answers false.
class SecretServiceLockProbe
{
public:
    static void defaultCollectionLocked(QObject *context, std::function<void(bool)> done);
};

} // namespace aerodesk::keychain
