#pragma once

#include "core/store/Migration.h"

#include <QStringList>

namespace aerodesk::audit {

/// Store migration v4: the audit_log table (AuditLog). Portable SQL (BIGINT, TEXT; BLOB is the
/// store's byte type everywhere): seq is the primary key, so the chain has one record per seq.
class AuditSchema
{
public:
    static constexpr int kVersion = 4;
    static QStringList statements();
    static store::Migration migration();
};

} // namespace aerodesk::audit
