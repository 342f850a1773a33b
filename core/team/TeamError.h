#pragma once

#include <QString>

namespace aerodesk::team {

/// Every way a team-key operation can fail, each with its own sentence. Unwrapping failures
/// (wrong passphrase, wrong enrolment key, a changed ciphertext or an authenticated header that
/// was edited) deliberately share one kind and one message: nothing says which byte failed.
struct TeamError
{
    enum class Kind {
        NotOurFormat, ///< no AeroDesk armour / format name: some other text or file
        UnknownVersion, ///< our format, a version this build does not read
        Corrupt, ///< broken armour, base64 or JSON
        BadHeader, ///< a header field missing, malformed or out of bounds (e.g. scrypt N)
        WrongKind, ///< a passphrase export given a key, or the other way round
        NotForThisKey, ///< a public-key export made for another agent's enrolment key
        CouldNotUnwrap, ///< wrong passphrase / key, or tampered: one message, no detail
        Inconsistent, ///< unwrapped, but the key does not match the header's key id
        EmptyPassphrase, ///< no passphrase given
        AlreadyPresent, ///< the keychain already holds a different key: nothing overwritten
        Missing, ///< no team key / enrolment key in the keychain
        Keychain, ///< the keychain failed (its message)
        Internal, ///< an OpenSSL call failed unexpectedly
    };
    Kind kind = Kind::Internal;
    QString message; ///< one sentence, safe to show and to log: never secret bytes

    static TeamError make(Kind kind, QString message) { return { kind, std::move(message) }; }
    /// Stable short name for JSON and tests ("could-not-unwrap", ...).
    static QString kindName(Kind kind);
};

} // namespace aerodesk::team
