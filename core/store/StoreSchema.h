#pragma once

#include "core/store/Migration.h"

#include <QList>
#include <QStringList>

namespace aerodesk::store {

/// The store's ordered migrations. To add v2: append a Migration{2, "...", apply} to
/// migrations(); never edit an applied one.
///
/// v1: store_meta(key, value) — holds "key_check", the AEAD-sealed constant that proves the
///     data key; connections — blind indexes + sealed identifiers + plain non-identifying
///     columns; connection_events — per-connection history (sealed detail), cascade-deleted.
/// v2: connection_events.event_key — a blind index of an event's own id (webhook delivery id,
///     jobId) with a partial UNIQUE index per connection, so a retried delivery is recorded
///     once (ConnectionHistory::record); an index on `at` for pruning old history.
/// v3: every sealed field re-sealed under HKDF-derived keys and bound to its row, blind indexes
///     recomputed (ResealMigration, StoreKeys).
/// v4: audit_log — the hash-chained audit log of staff actions (audit::AuditSchema, AuditLog).
/// v5: the connection timeline (core/timeline, docs/timeline.md): timeline_entries (time and
///     kind plain, detail sealed and row-bound, an optional blind-indexed entry key unique per
///     connection) and timeline_flows (each connection's current correlation id, sealed);
///     both reference connections(id) and are cascade-deleted with their connection.
/// v6: connections.version — the row version (1 when written, +1 on every update), so two
///     consoles on one team store never overwrite each other's edit (docs/team.md).
/// v7: partner_users — embedded-banking partner users and their userCodes, for team mode
///     (PartnerUserRepository): blind indexes of scope+id and of the scope, sealed id, record
///     and userCode (row-bound), version, updated_at.
/// v8: key_epoch on every table with a sealed field (team key rotation, KeyEpochs, docs/team.md
///     "Key rotation"); 1 for every existing row, whose bytes do not change.
/// v9: partner_users.key_epoch (v8 missed the table: its rows would not be re-encrypted and be
///     lost with the old key) and partner_users.scope — the environment sealed and row-bound,
///     so re-encryption can recompute both blind indexes (scope_index alone cannot be reversed).
///     Rows written before v9 have no sealed scope until a console lists or writes them.
class StoreSchema
{
public:
    static constexpr int kRowVersions = 6;
    static constexpr int kPartnerUsers = 7;
    static constexpr int kPartnerUserEpochs = 9;
    static QList<Migration> migrations();
    /// v2's SQL, also used by tests that make v2 fail half-way to prove the rollback.
    static QStringList v2Statements();
    /// v5's SQL (the connection timeline).
    static QStringList v5Statements();
    /// v7's SQL (partner users, team mode).
    static QStringList v7Statements();
    /// v8's SQL (key epochs).
    static QStringList v8Statements();
    /// v9's SQL (partner users' key epoch and sealed scope).
    static QStringList v9Statements();
};

} // namespace aerodesk::store
