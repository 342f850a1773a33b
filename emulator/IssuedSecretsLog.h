#pragma once

#include <QByteArrayView>

namespace aerodesk::emulator {

/// Test support (docs/security.md, "secret hygiene"): when the environment variable
/// AERODESK_SANDBOX_ISSUED_SECRETS names a file, every secret the sandbox hands out — its
/// credentials, API and widget tokens, userCodes — is appended to that file as one line of hex,
/// so that a test can search for each of them in everything the console wrote. Off unless the
/// variable is set (it never is in a user's session); the file is created with mode 0600. These
/// are the sandbox's throwaway secrets, never a production one.
class IssuedSecretsLog
{
public:
    static void record(QByteArrayView secret);
};

} // namespace aerodesk::emulator
