#pragma once

#include "core/store/StoreError.h"

#include <QCoreApplication>

class QSqlError;
class QSqlQuery;

namespace aerodesk::store {

/// Turns a failed store statement or transaction into one clear sentence a support person can
/// act on. A full disk (SQLITE_FULL, "database or disk is full") and a store that cannot be
/// written (SQLITE_READONLY) are named as such, with what to do; anything else is `otherwise`, or
/// "Store query failed (<what>): <SQLite's words>". Never contains a value of the statement.
class SqlFailure
{
    Q_DECLARE_TR_FUNCTIONS(aerodesk::store::SqlFailure)

public:
    static StoreError describe(const QSqlError &error, const QString &what,
                               const QString &otherwise = {});
    /// True when `error` says the team store's server cannot be reached (StoreError::Unreachable).
    static bool isUnreachable(const QSqlError &error);
    /// StoreError::Kind::Unreachable for `what` (e.g. a connection QtSql already closed).
    static StoreError unreachable(const QString &what);
    /// describe() for a failed query, after logging SQLite's words (never a bound value) under
    /// aerodesk.store.
    static StoreError ofQuery(const QSqlQuery &query, const QString &what);
};

} // namespace aerodesk::store
