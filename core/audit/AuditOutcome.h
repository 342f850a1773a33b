#pragma once

#include <QString>

#include <optional>

namespace aerodesk::audit {

/// How a recorded action ended. Stable names, covered by the record's hash.
enum class AuditOutcome {
    Ok, ///< "ok": done
    Failed, ///< "failed": attempted and failed (the API or keychain refused...)
    Cancelled, ///< "cancelled": the staff member gave up (e.g. no reason given for a reveal)
    Refused, ///< "refused": AeroDesk refused it (not allowed, bad input)
};

class AuditOutcomes
{
public:
    static QString name(AuditOutcome outcome);
    static std::optional<AuditOutcome> fromName(const QString &name);
    static QString label(AuditOutcome outcome); ///< translated
};

} // namespace aerodesk::audit
