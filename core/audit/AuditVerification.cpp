#include "core/audit/AuditVerification.h"

namespace aerodesk::audit {

QString AuditVerification::problemName(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return QStringLiteral("none");
    case Problem::Edited:
        return QStringLiteral("edited");
    case Problem::Missing:
        return QStringLiteral("missing");
    case Problem::Reordered:
        return QStringLiteral("reordered");
    case Problem::Broken:
        return QStringLiteral("broken");
    case Problem::Truncated:
        return QStringLiteral("truncated");
    case Problem::HeadMismatch:
        return QStringLiteral("headMismatch");
    case Problem::HeadMissing:
        return QStringLiteral("headMissing");
    case Problem::Unreadable:
        return QStringLiteral("unreadable");
    }
    return {};
}

} // namespace aerodesk::audit
