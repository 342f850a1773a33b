#pragma once

#include "core/store/StoreError.h"

class QSqlError;

namespace aerodesk::store {

/// Turns a failed store statement or transaction into one clear sentence a support person can
/// act on. A full disk (SQLITE_FULL, "database or disk is full") and a store that cannot be
/// written (SQLITE_READONLY) are named as such, with what to do; anything else is `otherwise`, or
/// "Store query failed (<what>): <SQLite's words>". Never contains a value of the statement.
class SqlFailure
{
public:
    static StoreError describe(const QSqlError &error, const QString &what,
                               const QString &otherwise = {});
};

} // namespace aerodesk::store
