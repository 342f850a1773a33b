#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/team/TeamError.h"
#include "core/team/TeamKeyExport.h"
#include "core/team/TeamKeychain.h"
#include "core/util/Result.h"

#include <QByteArrayView>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace aerodesk::team {

/// Imports a team-key export into the keychain (the agent's side of enrolment):
/// parse → (public-key export: read this console's enrolment key for the header's team) →
/// unwrap → TeamKeychain::saveTeamKey. Every failure before the save leaves the keychain
/// exactly as it was; the key goes nowhere but the keychain (no file, setting or log line).
/// The passphrase unwrap (scrypt: about a second and 128 MiB at the default cost,
/// docs/team.md) runs on the thread pool, so import() never blocks the caller's event loop.
class TeamKeyImporter
{
public:
    TeamKeyImporter();
    ~TeamKeyImporter(); ///< a pending import's callback is dropped (its worker finishes alone)
    TeamKeyImporter(const TeamKeyImporter &) = delete;
    TeamKeyImporter &operator=(const TeamKeyImporter &) = delete;

    struct Imported
    {
        QString team;
        QString keyId;
        QString kind; ///< "passphrase" or "x25519"
        bool alreadyThere = false;
        bool besideCurrent = false; ///< saved as another epoch's key ("teamKey.<id>")
    };
    using Done = std::function<void(Result<Imported, TeamError>)>;

    /// `passphrase` is used for a passphrase export (EmptyPassphrase when empty) and ignored
    /// for a public-key export; it is wiped once used. `done` runs exactly once on the caller's
    /// thread: at once for an export that does not parse, later otherwise. One import at a
    /// time per object; keep the object alive until `done` has run.
    void import(QByteArrayView text, crypto::SecureBytes passphrase, Done done);
    /// Key rotation: when the team already has another key, an export of the key `keyId` (the
    /// next epoch's, whose id the lead or the store names) is saved beside it instead of being
    /// refused as already-present.
    void acceptNextKey(const QString &keyId) { m_nextKeyId = keyId; }

private:
    void unwrapInBackground(const TeamKeyExport &exported, crypto::SecureBytes passphrase,
                            const QString &kind, Done done);
    void save(const QString &kind, Result<TeamKey, TeamError> key, Done done);

    std::unique_ptr<TeamKeychain> m_keychain;
    QString m_nextKeyId;
    std::unique_ptr<QObject> m_context; ///< parent of the worker's watcher, on the caller's thread
};

} // namespace aerodesk::team
