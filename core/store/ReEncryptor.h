#pragma once

#include "core/store/StoreError.h"
#include "core/team/RotationPlan.h"
#include "core/util/Result.h"

#include <QString>

namespace aerodesk::store {

class Store;

/// Team key rotation's background re-encryption, one batch at a time (docs/team.md "Key
/// rotation"). Runs on the thread of its Store, which must hold both the old and the new
/// epoch's keys (Store::addKey) while the plan is ReEncrypting.
///
/// Each batch is ONE short write transaction (SQLite BEGIN IMMEDIATE; PostgreSQL BEGIN + the
/// "rotation" advisory lock, rows taken FOR UPDATE SKIP LOCKED): read the plan and take or renew
/// the lease (60 s), select up to `batchSize` rows `WHERE key_epoch = N AND id > cursor`, open
/// each under the old epoch, seal it under the new one (connections also get the new epoch's
/// blind indexes), `UPDATE … WHERE id = ? AND key_epoch = N`, and write the new cursor and count
/// into the plan — all committed together, so a crash loses at most an uncommitted batch that
/// the next driver redoes (the key_epoch condition makes the redo harmless).
///
/// Tables, in order: connections, connection_events, timeline_entries, timeline_flows,
/// audit_log, partner_users (schema v9; each row re-sealed whole with its two blind indexes
/// recomputed from its sealed scope and id, PartnerUserRepository::reseal). The plan keeps one
/// cursor: (table number << 40) | row id, which only grows while a pass goes through the tables
/// (RotationPlan::recordBatch ignores a cursor that goes back). When a pass finds no more rows, the
/// rows of epoch N left are counted: none → Finished (epoch N's key check and key id are dropped
/// from store_meta in the same transaction); some (rows skipped as locked, or written meanwhile by
/// a console still on epoch N) → another pass.
class ReEncryptor
{
public:
    static constexpr int kDefaultBatch = 200;
    static constexpr int kTableShift = 40;

    struct Step
    {
        enum class Outcome { Batch, NewPass, Finished, LeaseHeld, NotRotating };
        Outcome outcome = Outcome::Batch;
        int rows = 0; ///< rows rewritten by this step
        team::RotationPlan plan; ///< the plan as committed by this step
    };

    struct Table; ///< one table with sealed fields (ReEncryptor.cpp)

    ReEncryptor(Store &store, QString holder, int batchSize = kDefaultBatch);

    /// One batch (or the end of a pass) in one transaction.
    Result<Step, StoreError> step();

private:
    Result<int, StoreError> rewrite(const Table &table, int from, int to, qint64 after,
                                    qint64 &lastId);
    Result<qint64, StoreError> remaining(int epoch);

    Store &m_store;
    QString m_holder;
    int m_batchSize;
};

} // namespace aerodesk::store
