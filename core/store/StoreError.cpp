#include "core/store/StoreError.h"

#include "core/util/LogCategories.h"

#include <QSqlError>
#include <QSqlQuery>

namespace aerodesk::store {

StoreError StoreError::fromQuery(const QSqlQuery &query, const QString &what)
{
    qCWarning(aerodesk::log::store).noquote()
        << QStringLiteral("query failed (%1): %2").arg(what, query.lastError().text());
    return make(Kind::Sql,
                QStringLiteral("Store query failed (%1): %2").arg(what, query.lastError().text()));
}

} // namespace aerodesk::store
