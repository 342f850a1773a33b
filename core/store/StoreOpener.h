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
/// A team store (PostgreSQL target, docs/team.md): the password is read from the keychain
/// (kTeamStorePassword), then the data key; a missing key is MissingKey — a team store's key is
/// never generated here (team enrolment hands it out) — and no lock file is used.
class StoreOpener : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<std::shared_ptr<Store>, StoreError>)>;

    explicit StoreOpener(keychain::Keychain &keychain, QObject *parent = nullptr);
    /// `done` runs later on this object's thread. `migrations` empty = StoreSchema.
    void open(const StoreTarget &target, Done done, QList<Migration> migrations = {});

    /// The lock file that serialises first-run key creation for the store at `path`.
    static QString lockPath(const QString &path);

private:
    void openTeam(const StoreTarget &target, Done done, QList<Migration> migrations);
    void firstRun(const QString &path, Done done, QList<Migration> migrations);
    void takeLock(std::shared_ptr<QLockFile> lock, QDeadlineTimer deadline, const QString &path,
                  Done done, QList<Migration> migrations);

    keychain::Keychain &m_keychain;
};

} // namespace aerodesk::store
