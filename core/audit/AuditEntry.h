#pragma once

#include "core/audit/AuditAction.h"
#include "core/audit/AuditOutcome.h"

#include <QString>

namespace aerodesk::audit {

/// What a caller says about one action; AuditLog/AuditTrail add seq, time, the OS user, the
/// profile and the hashes.
struct AuditEntry
{
    AuditAction action = AuditAction::RevealId;
    QString object; ///< MASKED description of the object (IdMask, "partner user …")
    /// The plain connectionId when the action concerns one: only its blind index is stored.
    QString connectionId;
    AuditOutcome outcome = AuditOutcome::Ok;
    QString reason;
};

} // namespace aerodesk::audit
