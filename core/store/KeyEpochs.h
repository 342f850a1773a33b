#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/team/RotationPlan.h"
#include "core/util/Result.h"

#include <QSqlDatabase>

#include <optional>

namespace aerodesk::store {

/// store_meta's key epochs (schema v8, team key rotation; docs/team.md "Key rotation"):
///   "key_check"        epoch 1's key check value (unchanged since v1)
///   "key_check.e<N>"   epoch N's (N >= 2), sealed under epoch N's field key (AAD "|e<N>")
///   "key_id.e<N>"      epoch N's public key id (tk1-…), as UTF-8
///   "rotation_plan"    team::RotationPlan::toJson(), compact UTF-8 JSON
/// A store without "rotation_plan" is steady on epoch 1. Every function runs in the caller's
/// transaction (if any) on `db`.
class KeyEpochs
{
public:
    static constexpr int kSchema = 8;

    static QString checkKey(int epoch);
    static QString idKey(int epoch);
    static QString planKey() { return QStringLiteral("rotation_plan"); }

    /// The stored plan, or steady on epoch 1 (with key_id.e1 if recorded) when there is none.
    static Result<team::RotationPlan, StoreError> loadPlan(QSqlDatabase &db);
    static Status<StoreError> savePlan(QSqlDatabase &db, const team::RotationPlan &plan);

    /// The epoch whose key check `dataKey` opens; nullopt when none does. `hasChecks` is false
    /// when the store has no key check at all (not a store).
    static std::optional<int> epochOf(QSqlDatabase &db, const crypto::SecureBytes &dataKey,
                                      int schemaVersion, bool *hasChecks = nullptr);
    /// Writes epoch `epoch`'s key check (sealed with `dataKey`) and key id.
    static Status<StoreError> addEpoch(QSqlDatabase &db, const crypto::SecureBytes &dataKey,
                                       int schemaVersion, int epoch, const QString &keyId);
    /// Records a key id for an epoch (epoch 1's, when a rotation is first proposed).
    static Status<StoreError> writeKeyId(QSqlDatabase &db, int epoch, const QString &keyId);
    /// Drops epoch `epoch`'s key check and key id: its key opens nothing here any more.
    static Status<StoreError> retireEpoch(QSqlDatabase &db, int epoch);

    /// The epoch fence (docs/team.md, "A console open across a rotation"): called in every write
    /// transaction before its first sealed row. Refuses (ReadOnly) when `epoch`, the epoch this
    /// console seals under, has been retired meanwhile — a console that read the plan before the
    /// rotation finished would otherwise write rows no remaining key opens. On PostgreSQL it
    /// first takes the `epochs` advisory lock shared, held until the writer's COMMIT, so the
    /// re-encryptor's last step (which takes it exclusively) counts every row of the old epoch
    /// committed before it retires the epoch, and no writer of that epoch commits after it.
    /// `epoch` 0 (schema before v8): nothing to do.
    static Status<StoreError> fence(QSqlDatabase &db, int epoch);
    static QString fenceScope() { return QStringLiteral("epochs"); }

    /// PostgreSQL: announces a change of the store's keys or rotation plan on StoreChange's
    /// channel (table "store_meta", sent at COMMIT), so open consoles re-read their keys
    /// (StoreLive; the announcing console too: its own listener re-reads the keys and takes a
    /// key the plan names from its keychain). `session`: the announcing console's. SQLite: no-op.
    static Status<StoreError> announceKeys(QSqlDatabase &db, const QString &session);

    /// Labels one freshly written row with the epoch it was sealed under (`epoch` 0: the schema
    /// has no key_epoch yet, nothing to do). Writers call it right after sealing a row, in the
    /// row's transaction; it passes the fence() too.
    static Status<StoreError> stamp(QSqlDatabase &db, const QString &table, const QString &idColumn,
                                    qint64 id, int epoch);

private:
    static Status<StoreError> put(QSqlDatabase &db, const QString &key, const QByteArray &value);
};

} // namespace aerodesk::store
