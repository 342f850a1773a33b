#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

class QSqlDatabase;

namespace aerodesk::store {

class BlindIndex;
class Database;
class FieldCipher;

/// Embedded-banking partner users and their userCodes in the store (schema v7, table
/// partner_users): how a team store shares them between the consoles of a support desk
/// (docs/team.md, "Partner users and userCodes in the team store"). The local default keeps
/// them in the keychain (embedded::KeychainPartnerUserStore, store::UserCodeVault) and never
/// uses this table.
///
/// A row belongs to a `scope` (the environment's keychain profile: a sandbox's users are not a
/// production's) and is found by a blind index of scope and id, exact to the character (hex of
/// the UTF-8, so BlindIndex's lowercasing does not merge "Ann" and "ann"). The id, the
/// record (JSON) and the userCode are sealed, each bound to the table, its column and the row's
/// blind index. A userCode is returned only when the row's decrypted id is the one asked for.
/// `version` is 1 when a row is written and +1 on every change (last writer wins: the record
/// is a status, not an edit).
///
/// Key epochs (schema v9, team key rotation, docs/team.md "Key rotation"): a row is written in
/// the cipher's (write) epoch, `key_epoch` says which, and the scope is sealed in the row too so
/// the re-encryption can recompute both blind indexes (reseal()). Mid-rotation lookups try every
/// live epoch's index, and a write first moves a row still in the other epoch to the write
/// epoch (whole, in the same transaction), so a user never has two rows.
class PartnerUserRepository
{
public:
    struct Row
    {
        QString id;
        QByteArray record; ///< the partner user's JSON; empty while only a userCode is stored
        bool hasUserCode = false;
        qint64 version = 0;
    };

    /// `sessionId`: the writing Store's (Store::sessionId()), carried by the changes this
    /// repository announces on PostgreSQL so its own console can tell them from others'.
    PartnerUserRepository(Database &db, const FieldCipher &cipher, const BlindIndex &index,
                          QString sessionId = {});

    /// Adds or replaces the record of `id` (its userCode is left as it is).
    Status<StoreError> put(const QString &scope, const QString &id, QByteArrayView record);
    /// NotFound when there is no row.
    Result<Row, StoreError> find(const QString &scope, const QString &id) const;
    /// Every row of `scope` with a record, in insertion order. A row that does not open (moved
    /// or tampered with) is left out, with a warning that names no id.
    Result<QList<Row>, StoreError> all(const QString &scope) const;
    /// Removes the row, userCode included (no row: ok).
    Status<StoreError> remove(const QString &scope, const QString &id);

    /// Stores `userCode` for `id` (a row is made when there is none yet): committed when this
    /// returns ok, so the caller may answer OK after it.
    Status<StoreError> saveUserCode(const QString &scope, const QString &id,
                                    const crypto::SecureBytes &userCode);
    /// `id`'s userCode; NotFound when none is stored.
    Result<crypto::SecureBytes, StoreError> userCode(const QString &scope, const QString &id) const;
    /// Removes `id`'s userCode (the bank invalidated it, or logout); none stored: ok.
    Status<StoreError> forgetUserCode(const QString &scope, const QString &id);

    /// The row's blind index (its identity, and the row key its sealed columns are bound to).
    QByteArray rowKey(const QString &scope, const QString &id) const;
    /// True when `scopeIndex` (a StoreChange's row index for table partner_users) is the blind
    /// index of `scope` under any live key epoch.
    bool isScopeIndex(const QByteArray &scopeIndex, const QString &scope) const;

    /// Re-seals row `rowId` if it is in `fromEpoch`: opened under any live epoch of `cipher`,
    /// sealed under `cipher`'s epoch with `index`'s current keys (new user_index and
    /// scope_index), key_epoch set — one UPDATE guarded by `key_epoch = fromEpoch`, so a redo
    /// or a race with another writer is harmless. The scope comes from the row's sealed scope,
    /// else `knownScope`; a row with neither (written before v9, never listed since) is an
    /// error: its blind indexes cannot be recomputed. True when the row was rewritten.
    static Result<bool, StoreError> reseal(QSqlDatabase &db, const FieldCipher &cipher,
                                           const BlindIndex &index, qint64 rowId, int fromEpoch,
                                           const QString *knownScope = nullptr);

private:
    /// "<column> IN (?, …)": the value's index under every live epoch; binds into `binds`.
    QString indexMatch(const QString &column, QStringView domain, const QString &value,
                       QVariantList &binds) const;
    /// Mid-rotation: the row of scope+id still in another epoch is moved to the write epoch.
    Status<StoreError> relabel(const QString &scope, const QString &id);
    /// Seals the scope into listed rows written before v9 (best effort, warns on failure).
    void sealMissingScopes(const QString &scope, const QList<std::pair<qint64, int>> &rows) const;
    /// PostgreSQL: tells the other consoles that `scope`'s users changed (StoreChange, table
    /// partner_users, the scope's blind index: no id, no record). In the caller's transaction
    /// when there is one, else sent at once. No-op on SQLite.
    Status<StoreError> announce(const QString &scope, const QString &what);
    Status<StoreError> upsert(const QString &scope, const QString &id, const QString &column,
                              const QString &place, QByteArrayView plain, const QString &what);

    Database &m_db;
    const FieldCipher &m_cipher;
    const BlindIndex &m_index;
    QString m_sessionId;
};

} // namespace aerodesk::store
