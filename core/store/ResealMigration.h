#pragma once

#include "core/store/Migration.h"

namespace aerodesk::store {

/// Schema v3: every sealed field re-sealed under the HKDF-derived field key with the row's
/// identity in its associated data, every blind index recomputed under the derived index key,
/// the key check value re-sealed — all inside the migration's one transaction (a failure
/// leaves the v2 file as it was).
///
/// History event keys (v2) are blind indexes of ids that are not stored, so they cannot be
/// recomputed under the new key: they are cleared. The only effect is that a webhook delivery
/// or job recorded before the upgrade and retried after it is recorded a second time.
class ResealMigration
{
public:
    static constexpr int kVersion = 3;
    static bool apply(MigrationContext &context, QString &error);
};

} // namespace aerodesk::store
