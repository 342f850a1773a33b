#pragma once

#include "core/audit/AuditEntry.h"
#include "core/audit/AuditFilter.h"
#include "core/audit/AuditHead.h"
#include "core/audit/AuditRecord.h"
#include "core/audit/AuditVerification.h"
#include "core/store/StoreError.h"
#include "core/util/Result.h"

#include <QList>

#include <optional>

class QIODevice;

namespace aerodesk::store {
class Store;
}

namespace aerodesk::audit {

/// The audit log in the encrypted store (table audit_log, schema v4).
///
/// Plain columns: seq, at_ms, os_user, profile, action, connection_ref (a blind index),
/// outcome, prev_hash, hash. Sealed (FieldCipher, place "audit_log.object"/"audit_log.reason",
/// bound to the record's hash): object and reason. The hash is over the plaintext (AuditChain).
///
/// append() runs in one BEGIN IMMEDIATE transaction — read the last record, link, insert — so
/// two writers (the console and aerodesk-cli) never fork the chain: the second waits for the
/// first (busy timeout) and links to its record. On PostgreSQL (team store) the transaction
/// takes an advisory lock on the chain first, with the same effect across every console.
/// Lives on the thread of its Store.
class AuditLog
{
public:
    static inline const QString kObjectPlace = QStringLiteral("audit_log.object");
    static inline const QString kReasonPlace = QStringLiteral("audit_log.reason");

    explicit AuditLog(store::Store &store);

    /// Appends one record at `atMs` (UTC ms) for `osUser` in `profile`; returns it.
    Result<AuditRecord, store::StoreError> append(const AuditEntry &entry, qint64 atMs,
                                                  const QString &osUser, const QString &profile);
    /// Every record matching `filter`, oldest first. Records whose sealed fields do not open
    /// come back with intact = false and empty object/reason.
    Result<QList<AuditRecord>, store::StoreError> read(const AuditFilter &filter = {}) const;
    /// The staff actions on one connection (by its plain id; looked up by blind index).
    Result<QList<AuditRecord>, store::StoreError> forConnection(const QString &connectionId) const;
    /// The blind index stored for `connectionId` (the same as connections.connection_index).
    QByteArray connectionRef(const QString &connectionId) const;
    /// The last record's seq and hash (seq 0 and the genesis hash for an empty log).
    Result<AuditHead, store::StoreError> head() const;
    /// Reads everything and checks it (AuditVerifier) against `keychainHead`.
    AuditVerification verify(const std::optional<AuditHead> &keychainHead) const;

    /// CSV (RFC 4180, UTF-8, header row): seq, time (ISO 8601 UTC), osUser, profile, action,
    /// object, outcome, reason, hash (hex). Object and reason are already masked/free text.
    static QByteArray toCsv(const QList<AuditRecord> &records);

private:
    store::Store &m_store;
};

} // namespace aerodesk::audit
