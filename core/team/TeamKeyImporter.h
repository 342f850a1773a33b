#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/team/TeamError.h"
#include "core/team/TeamKeychain.h"
#include "core/util/Result.h"

#include <QByteArrayView>
#include <QString>

#include <functional>
#include <memory>

namespace aerodesk::team {

/// Imports a team-key export into the keychain (the agent's side of enrolment):
/// parse → (public-key export: read this console's enrolment key for the header's team) →
/// unwrap → TeamKeychain::saveTeamKey. Every failure before the save leaves the keychain
/// exactly as it was; the key goes nowhere but the keychain (no file, setting or log line).
/// scrypt runs on the calling thread (about half a second at the default cost, docs/team.md):
/// a GUI caller runs import() off the UI thread.
class TeamKeyImporter
{
public:
    struct Imported
    {
        QString team;
        QString keyId;
        QString kind; ///< "passphrase" or "x25519"
        bool alreadyThere = false;
    };
    using Done = std::function<void(Result<Imported, TeamError>)>;

    /// `passphrase` is used for a passphrase export (EmptyPassphrase when empty) and ignored
    /// for a public-key export; it is wiped when import() returns. `done` runs exactly once,
    /// later, on the caller's thread (or at once for a parse or unwrap failure); keep this
    /// object alive until then.
    void import(QByteArrayView text, crypto::SecureBytes passphrase, Done done);

private:
    void save(const QString &kind, Result<TeamKey, TeamError> key, Done done);

    std::unique_ptr<TeamKeychain> m_keychain;
};

} // namespace aerodesk::team
