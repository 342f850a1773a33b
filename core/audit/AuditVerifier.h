#pragma once

#include "core/audit/AuditHead.h"
#include "core/audit/AuditRecord.h"
#include "core/audit/AuditVerification.h"

#include <QList>

#include <optional>

namespace aerodesk::audit {

/// Checks a whole log, in seq order, against its own chain and the head kept in the keychain.
/// Stops at the first broken record:
///  - seq not the expected next one            → Missing (the expected seq)
///  - a sealed field does not open             → Edited
///  - hash ≠ SHA-256(canonical)                → Reordered if it matches with another seq of
///                                               the log, else Edited
///  - prevHash ≠ the previous record's hash    → Broken
/// Then the head: head.seq beyond the last record → Truncated (last + 1); the record at
/// head.seq with another hash → HeadMismatch; no head while records exist → HeadMissing.
/// Records after the head are accepted (the head is written after the record, asynchronously).
class AuditVerifier
{
public:
    /// `records` sorted by seq; `head` as read from the keychain (nullopt: none there).
    static AuditVerification verify(const QList<AuditRecord> &records,
                                    const std::optional<AuditHead> &head);
};

} // namespace aerodesk::audit
