#pragma once

#include "core/store/Store.h"

#include <QDeadlineTimer>
#include <QObject>

#include <functional>
#include <memory>

class QLockFile;

namespace aerodesk::keychain {
class Keychain;
}
namespace aerodesk::team {
class TeamKey;
}

namespace aerodesk::store {

/// Opens the store with its data key from the keychain (name "storeKey"), asynchronously.
///  - key present            → Store::open (WrongKey if it does not fit; nothing is written)
///  - key missing, no file   → a fresh 32-byte key (Random::secretBytes) is written to the
///                             keychain FIRST, then the new store is created with it — all
///                             under the exclusive lock file `<path>.lock`, after reading the
///                             keychain again, so two first runs at once make ONE key (the
///                             second waits, without blocking the event loop, and opens with
///                             the first one's key)
///  - key missing, file      → MissingKey; the file is not touched and no key is generated
///  - keychain failure       → Keychain error with the keychain's message
/// The key is never written anywhere but the keychain.
///
/// A team store (PostgreSQL target, docs/team.md): the data key is the team key of
/// `target.team()` (team::TeamKeychain, profile "Team: <team>", entry teamKey), read first; a
/// missing one is MissingKey ("ask your lead for an export") — a team key is never generated
/// here. Then the password from THIS opener's keychain (the environment's profile,
/// kTeamStorePassword). The store checks the team key id it records (Store::open's teamKeyId).
/// No lock file is used.
class StoreOpener : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<std::shared_ptr<Store>, StoreError>)>;

    explicit StoreOpener(keychain::Keychain &keychain, QObject *parent = nullptr);
    /// `done` runs later on this object's thread. `migrations` empty = StoreSchema.
    void open(const StoreTarget &target, Done done, QList<Migration> migrations = {});

    /// What a connection test of a team store found: ok (error.ok()) with the team key id the
    /// store was opened with, or the specific error.
    struct ProbeOutcome
    {
        StoreError error;
        QString keyId;
    };
    using ProbeDone = std::function<void(ProbeOutcome)>;
    /// Settings' "Test connection": reads the team key and password like open(), then opens the
    /// team store on Qt's thread pool (never blocking this thread on the server), checks the
    /// key and drops it there. Opening an empty database creates the store, as the lead's
    /// first open() would. `done` runs on this object's thread. `password`: one typed but not
    /// saved yet; null = the keychain's.
    void probe(const StoreTarget &target, ProbeDone done,
               std::shared_ptr<crypto::SecureBytes> password = {});

    /// The lock file that serialises first-run key creation for the store at `path`.
    static QString lockPath(const QString &path);

private:
    struct TeamSecrets
    {
        std::shared_ptr<team::TeamKey> key;
        std::shared_ptr<crypto::SecureBytes> password;
    };
    using TeamSecretsDone = std::function<void(Result<TeamSecrets, StoreError>)>;
    void readTeamSecrets(const StoreTarget &target, TeamSecretsDone done,
                         std::shared_ptr<crypto::SecureBytes> password = {});
    void openTeam(const StoreTarget &target, Done done, QList<Migration> migrations);
    /// Adds the other epoch's team key when the plan names one this console's keychain holds.
    void addHeldEpochKeys(std::shared_ptr<Store> store, Done done);
    void firstRun(const QString &path, Done done, QList<Migration> migrations);
    void takeLock(std::shared_ptr<QLockFile> lock, QDeadlineTimer deadline, const QString &path,
                  Done done, QList<Migration> migrations);

    keychain::Keychain &m_keychain;
};

} // namespace aerodesk::store
