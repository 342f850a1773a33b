#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/BlindIndex.h"
#include "core/store/ConnectionHistory.h"
#include "core/store/ConnectionRepository.h"
#include "core/store/Database.h"
#include "core/store/FieldCipher.h"
#include "core/store/Migration.h"
#include "core/store/StoreError.h"
#include "core/team/RotationPlan.h"
#include "core/util/Result.h"

#include <map>
#include <memory>
#include <vector>

namespace aerodesk::store {

/// The encrypted store: one Database + FieldCipher + BlindIndex + ConnectionRepository.
///
/// open() on an EXISTING file first checks the data key against the key check value in a
/// read-only connection; a wrong key fails with WrongKey before anything is written (no
/// migration, no pragma, no re-key). On a NEW file it runs the migrations (v1 writes the key
/// check value in its own transaction). Fields are sealed with the keys of the file's schema
/// version (StoreKeys: derived and row-bound since v3). The key comes from the keychain through
/// StoreOpener; Store itself never persists it.
///
/// On PostgreSQL (the team store, docs/team.md) "existing" means the database already has
/// store_meta; the key is checked the same way (in a read-only session) and once more after
/// migrating, since another console may have created the store meanwhile.
///
/// Threads: a Store is used on the thread that opened it. For work off the UI thread, open a
/// second Store on the same path in the worker (StoreLoader/StoreWorker do exactly that).
class Store
{
public:
    static constexpr int kDataKeyBytes = 32;
    static constexpr const char *kKeychainName = keychain::entries::kStoreKey;

    /// <AppDataLocation>/aerodesk.sqlite (the directory is created).
    static QString defaultPath();
    /// True when a store file already exists at `path` (non-empty).
    static bool exists(const QString &path);

    /// `target`: a SQLite file (a path converts) or a PostgreSQL database. `password` is the
    /// PostgreSQL user's (from the keychain; unused for SQLite); the Store keeps a copy in
    /// wiping memory for second connections (StoreLoader) and never writes it anywhere.
    ///
    /// `teamKeyId` (PostgreSQL only): the public id of the team key given as `dataKey`. A store
    /// that records another id (store_meta "team_key_id") is WrongKey naming both ids, before
    /// anything is read or written; a store without one gets it recorded after it opened
    /// (written when the lead's console creates the store; an agent role that may not write
    /// store_meta just leaves it absent).
    static Result<std::unique_ptr<Store>, StoreError>
    open(const StoreTarget &target, const crypto::SecureBytes &dataKey,
         const QList<Migration> &migrations = {},
         const crypto::SecureBytes &password = crypto::SecureBytes(),
         const QString &teamKeyId = {});

    /// A second connection to a store the console already has open, for a worker thread
    /// (StoreWorker, StoreJobs): opened with `dataKey`, then every key of `otherKeys` added (a
    /// key of no live epoch is not used: mid-rotation both epochs' rows open).
    static Result<std::unique_ptr<Store>, StoreError>
    openAnother(const StoreTarget &target, const crypto::SecureBytes &dataKey,
                const crypto::SecureBytes &password,
                const std::vector<crypto::SecureBytes> &otherKeys);

    /// The store_meta key of the team key id a team store expects.
    static constexpr const char *kTeamKeyIdMeta = "team_key_id";

    /// Team key rotation (docs/team.md "Key rotation"): adds another team key this console
    /// holds (the next epoch's, or the current one's when opened with the next). WrongKey when
    /// it opens no epoch of this store. Re-derives the ciphers (refreshKeys).
    Status<StoreError> addKey(const crypto::SecureBytes &otherKey);
    /// Re-reads the rotation plan and sets the cipher and blind index: writes under the plan's
    /// write epoch when this console holds its key, otherwise read-only (every seal refused
    /// with a message saying which key is missing); lookups compute every live epoch's index.
    Status<StoreError> refreshKeys();
    /// The id of the team key this store was opened with (PostgreSQL; empty when not given).
    const QString &teamKeyId() const { return m_teamKeyId; }
    /// The rotation plan as last read (steady on epoch 1 before schema v8).
    const team::RotationPlan &rotationPlan() const { return m_plan; }
    /// Copies of the keys besides dataKey() (mid-rotation), for a second Store (addKey each).
    std::vector<crypto::SecureBytes> otherKeys() const;
    /// Every key this console holds that opens an epoch of this store, by epoch.
    const std::map<int, crypto::SecureBytes> &epochKeys() const { return m_epochKeys; }
    /// False when this console's keys may only read (ConnectionRepository refuses writes).
    bool writable() const { return m_cipher.writable(); }

    ConnectionRepository &connections() { return m_connections; }
    ConnectionHistory &history() { return m_history; }
    Database &database() { return m_db; }
    const FieldCipher &cipher() const { return m_cipher; }
    /// The data key this store was opened with (for a second Store on the same file, e.g.
    /// StoreLoader). The field and index keys are derived from it (StoreKeys).
    const crypto::SecureBytes &dataKey() const { return m_dataKey; }
    const BlindIndex &blindIndex() const { return m_index; }
    /// SQLite: the file. PostgreSQL: empty.
    const QString &path() const { return m_db.path(); }
    const StoreTarget &target() const { return m_db.target(); }
    /// This Store's random id, sent with the changes it announces (StoreChange::session), so a
    /// console's StoreChangeListener ignores its own writes.
    const QString &sessionId() const { return m_connections.sessionId(); }
    /// The PostgreSQL password it was opened with (empty for SQLite).
    const crypto::SecureBytes &password() const { return m_db.password(); }

private:
    explicit Store(const StoreTarget &target);
    Status<StoreError> checkExisting(bool &isNew, const crypto::SecureBytes &dataKey,
                                     const QList<Migration> &migrations);
    Status<StoreError> checkKeyReadOnly(const crypto::SecureBytes &dataKey,
                                        const QList<Migration> &migrations);
    /// The team key id store_meta records (empty when none); on the open connection.
    QString recordedTeamKeyId();
    StoreError teamKeyMismatch(const QString &expected) const;
    void recordTeamKeyId();
    Status<StoreError> openReadWrite(const crypto::SecureBytes &dataKey,
                                     const QList<Migration> &migrations);

    Database m_db;
    QString m_teamKeyId; ///< the id of the team key this console opens with (PostgreSQL)
    crypto::SecureBytes m_dataKey;
    std::map<int, crypto::SecureBytes> m_epochKeys;
    team::RotationPlan m_plan;
    FieldCipher m_cipher;
    BlindIndex m_index;
    ConnectionRepository m_connections;
    ConnectionHistory m_history;
};

} // namespace aerodesk::store
