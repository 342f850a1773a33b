#pragma once

#include "core/api/ApiError.h"

namespace aerodesk::cli {

/// aerodesk-cli's exit codes (docs/cli.md): scripts branch on these, so they never change.
enum CliExit : int {
    Ok = 0, ///< done, and the answer is positive (valid signature, job completed...)
    Negative = 1, ///< done, and the answer is negative (invalid signature, job failed, API error)
    Usage = 2, ///< the command line is wrong
    BadInput = 3, ///< the input (payload, file, PEM, id) is malformed
    Keychain = 4, ///< a secret is missing from the keychain, or the keychain is unavailable
    Unreachable = 5, ///< the environment could not be reached (network, TLS, sandbox start)
};

/// The exit code for an API error: network/TLS problems are Unreachable, missing credentials
/// Keychain, everything the API answered is Negative.
inline CliExit exitFor(const api::ApiError &e)
{
    using K = api::ApiError::Kind;
    switch (e.kind) {
    case K::Network:
    case K::Timeout:
    case K::Tls:
    case K::PinMismatch:
        return Unreachable;
    case K::Credentials:
        return Keychain;
    default:
        return Negative;
    }
}

} // namespace aerodesk::cli
