#pragma once

#include <QString>

namespace aerodesk::keychain {

/// What went wrong with a keychain operation, in terms a support person can act on.
struct KeychainError
{
    enum class Kind {
        None,
        NotFound, ///< no such entry: "ask the user", not a failure of the keychain
        NoBackend, ///< no Secret Service / Keychain / Credential Manager reachable
        Locked, ///< the keyring is locked (and could not be unlocked without a prompt)
        AccessDenied, ///< the user or the OS refused access
        Timeout, ///< the backend did not answer in time
        Other, ///< anything else; `message` has the backend's words
    };
    Kind kind = Kind::None;
    QString message; ///< a clear sentence; never contains the secret

    bool ok() const { return kind == Kind::None; }
};

} // namespace aerodesk::keychain
