#pragma once

#include "core/audit/AuditAction.h"
#include "core/audit/AuditOutcome.h"

#include <QByteArray>
#include <QString>

namespace aerodesk::audit {

/// One record of the audit log (table audit_log, schema v4). Every field below `intact` is
/// covered by `hash` (AuditChain::canonical).
struct AuditRecord
{
    qint64 seq = 0; ///< 1, 2, 3... without gaps; the chain's order
    qint64 atMs = 0; ///< UTC, milliseconds since the epoch
    QString osUser; ///< the OS account that ran AeroDesk
    QString profile; ///< the environment's keychain profile ("Built-in sandbox", "Production")
    AuditAction action = AuditAction::RevealId;
    QString object; ///< what it was done to, ALREADY MASKED ("4a28…ef04", "partner user p-1…")
    /// The store's blind index of the connectionId (BlindIndex, domain "connectionId" — the
    /// connections table's connection_index), or empty. Never the plain id.
    QByteArray connectionRef;
    AuditOutcome outcome = AuditOutcome::Ok;
    QString reason; ///< the reason a reveal was asked for; may be empty for other actions
    QByteArray prevHash; ///< the previous record's hash; 32 zero bytes for seq 1
    QByteArray hash; ///< SHA-256 of the canonical form (AuditChain)

    /// Set by AuditLog when reading: false when a sealed field (object, reason) did not open,
    /// i.e. the row was edited outside AeroDesk. Not part of the hash.
    bool intact = true;
};

} // namespace aerodesk::audit
