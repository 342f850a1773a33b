#pragma once

#include "core/api/ApiError.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace aerodesk::api {

/// GET /v2/accounts/{connectionId}/transactions?job_id=… → `transactions[]`.
struct TransactionList
{
    struct Transaction
    {
        QString id;
        QString type; ///< e.g. "CREDIT"
        QDateTime date;
        double amount = 0.0;
        QString currency;
        QString description;
        QString category;
        QString subcategory;
    };
    QList<Transaction> transactions;
    QJsonObject raw;

    static Result<TransactionList, ApiError> fromJson(const QJsonObject &response);
};

} // namespace aerodesk::api
