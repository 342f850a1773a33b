#pragma once

#include "core/api/ApiError.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace aerodesk::api {

/// GET /v2/accounts/{connectionId}/balance → `account` (amounts in dollars).
struct Balance
{
    std::optional<double> availableBalance;
    std::optional<double> currentBalance;
    QDateTime lastRefresh; ///< "YYYY-MM-DD HH:MM:SS.ffffff", no zone: UTC assumed
    QString currency;
    QString bankName;
    QString institutionName;
    QString institutionUuid;
    QString userId;
    QString connectionId;
    QJsonObject raw;

    static Result<Balance, ApiError> fromJson(const QJsonObject &response);
};

} // namespace aerodesk::api
