#include "core/api/TransactionList.h"

#include "core/api/JsonRead.h"

#include <QJsonArray>

namespace aerodesk::api {

Result<TransactionList, ApiError> TransactionList::fromJson(const QJsonObject &response)
{
    const QJsonValue arr = response.value(QLatin1String("transactions"));
    if (!arr.isArray())
        return ApiError::make(ApiError::Kind::BadResponse,
                              QStringLiteral("The transactions response has no "
                                             "transactions list."));
    TransactionList list;
    list.raw = response;
    for (const QJsonValue &v : arr.toArray()) {
        const QJsonObject o = v.toObject();
        Transaction t;
        t.id = JsonRead::string(o, QStringLiteral("id"));
        t.type = JsonRead::string(o, QStringLiteral("type"));
        t.date = JsonRead::instant(o, QStringLiteral("date"));
        t.amount = JsonRead::number(o, QStringLiteral("amount")).value_or(0.0);
        t.currency = JsonRead::string(o, QStringLiteral("currency"));
        t.description = JsonRead::string(o, QStringLiteral("description"));
        t.category = JsonRead::string(o, QStringLiteral("category"));
        t.subcategory = JsonRead::string(o, QStringLiteral("subcategory"));
        list.transactions.append(t);
    }
    return list;
}

} // namespace aerodesk::api
