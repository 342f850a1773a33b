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
    const int code = error.nativeErrorCode().toInt();
    const QString text = error.databaseText();
    if (code == kSqliteFull || text.contains(QLatin1String("database or disk is full")))
        return StoreError::make(StoreError::Kind::Sql,
                                tr("The disk holding the store is full: nothing was saved (%1). "
                                   "Free some space on it, then try again.")
                                    .arg(what));
    if (code == kSqliteReadOnly || text.contains(QLatin1String("readonly database")))
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

StoreError SqlFailure::ofQuery(const QSqlQuery &query, const QString &what)
{
    qCWarning(aerodesk::log::store).noquote()
        << QStringLiteral("query failed (%1): %2").arg(what, query.lastError().text());
    return describe(query.lastError(), what);
}

} // namespace aerodesk::store
