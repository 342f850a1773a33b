#pragma once

#include "core/audit/AuditEntry.h"

#include <functional>

namespace aerodesk::bundle {
struct BundleWritten;
}

namespace aerodesk::audit {

class AuditTrail;

/// "The act is audited" (issue 15): wires bundle::BundleWritten's hook to the audit log. Each
/// bundle written (the preview dialog's Save, `aerodesk-cli bundle`) becomes exactly one
/// `export` record: object "escalation bundle <masked id> (<form>), SHA-256 <first 16 hex>",
/// and, for a connection bundle, its connectionId (stored as its blind index) — so the export is
/// a StaffAction step of the connection's timeline.
class BundleAudit
{
public:
    /// The record for `event`.
    static AuditEntry entryOf(const bundle::BundleWritten &event);
    /// Installs the process's hook: `trailOf()` is asked for the trail at each write (the
    /// console's Session replaces it when the store changes; null: nothing is recorded, and a
    /// warning says so). The record is made on the trail's thread (queued when notify() runs on
    /// another one).
    static void install(std::function<AuditTrail *()> trailOf);
    /// Removes the hook.
    static void uninstall();
};

} // namespace aerodesk::audit
