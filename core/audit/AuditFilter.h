#pragma once

#include "core/audit/AuditAction.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace aerodesk::audit {

/// Which records AuditLog::read returns. Empty members match everything.
struct AuditFilter
{
    std::optional<AuditAction> action;
    QString objectContains; ///< case-insensitive, in the (masked) object or the reason
    QDateTime from; ///< inclusive
    QDateTime to; ///< inclusive
    QByteArray connectionRef; ///< a connection's blind index (AuditLog::connectionRef)
};

} // namespace aerodesk::audit
