#include "core/store/SqlFailure.h"

#include "core/util/LogCategories.h"

#include <QSqlError>
#include <QSqlQuery>

namespace aerodesk::store {

namespace {
// SQLite's primary result codes (sqlite3.h) and their fixed English texts: the Qt driver keeps
// the code for statements but only the text for COMMIT / BEGIN failures.
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteFull = 13;
} // namespace

StoreError SqlFailure::describe(const QSqlError &error, const QString &what,
                                const QString &otherwise)
{
    const QString native = error.nativeErrorCode();
    const int code = native.toInt();
    const QString text = error.databaseText();
    // PostgreSQL (the team store) reports a five-character SQLSTATE: 53100 disk_full, 25006
    // read_only_sql_transaction, class 08 the connection to the server.
    const bool sqlState = native.size() == 5;
    if (isUnreachable(error))
        return unreachable(what);
    if ((sqlState && native == QLatin1String("53100")) || (!sqlState && code == kSqliteFull) ||
        text.contains(QLatin1String("database or disk is full")))
        return StoreError::make(StoreError::Kind::Sql,
                                tr("The disk holding the store is full: nothing was saved (%1). "
                                   "Free some space on it, then try again.")
                                    .arg(what));
    if ((sqlState && native == QLatin1String("25006")) || (!sqlState && code == kSqliteReadOnly) ||
        text.contains(QLatin1String("readonly database")))
        return StoreError::make(StoreError::Kind::Sql,
                                tr("The store is read-only (its file or its disk cannot be "
                                   "written): nothing was saved (%1). Make it writable, then try "
                                   "again.")
                                    .arg(what));
    if (!otherwise.isEmpty())
        return StoreError::make(StoreError::Kind::Sql, otherwise);
    return StoreError::make(StoreError::Kind::Sql,
                            tr("Store query failed (%1): %2").arg(what, error.text()));
}

StoreError SqlFailure::unreachable(const QString &what)
{
    return StoreError::make(StoreError::Kind::Unreachable,
                            tr("The team store's database server cannot be reached: nothing "
                               "was saved (%1). Check the network, then try again.")
                                .arg(what));
}

bool SqlFailure::isUnreachable(const QSqlError &error)
{
    // Not QSqlError::ConnectionError: QSQLITE reports a locked file as one.
    const QString native = error.nativeErrorCode();
    // Class 08 (connection exception) and 57P01-03 (the server shutting down or starting).
    if (native.size() == 5)
        return native.startsWith(QLatin1String("08")) || native == QLatin1String("57P01") ||
            native == QLatin1String("57P02") || native == QLatin1String("57P03");
    // A connection libpq already lost has no SQLSTATE, only libpq's words (C locale).
    if (!native.isEmpty())
        return false;
    const QString text = error.databaseText();
    for (const char *words :
         { "terminating connection", "server closed the connection", "no connection to the server",
           "connection to server", "could not connect to server", "SSL connection has been closed",
           "SSL SYSCALL error", "could not send data to server",
           "could not receive data from server" }) {
        if (text.contains(QLatin1String(words)))
            return true;
    }
    return false;
}

StoreError SqlFailure::ofQuery(const QSqlQuery &query, const QString &what)
{
    qCWarning(aerodesk::log::store).noquote()
        << QStringLiteral("query failed (%1): %2").arg(what, query.lastError().text());
    return describe(query.lastError(), what);
}

} // namespace aerodesk::store
