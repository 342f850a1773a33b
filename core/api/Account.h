#pragma once

#include "core/api/ApiError.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace aerodesk::api {

/// GET /v2/accounts/{connectionId} → `account` (reference section 3). Tolerates absent
/// connectionStatus/connectionExpiry (older revisions), any casing of accountType, unknown
/// fields (kept in `raw`).
struct Account
{
    enum class Type { Checking, Savings, Other };

    QString accountNickname;
    QString accountNumber; ///< sensitive: show masked
    QString routingNumber;
    QString accountNumberDisplay;
    QString accountNumberType; ///< "Tokenized" / "Non-tokenized"
    QString accountTypeRaw;
    Type accountType = Type::Other;
    QString bankName;
    QString institutionName;
    QString institutionUuid;
    std::optional<bool> canFetchBalance; ///< absent: unknown (treated as true by the job runner)
    int connectionMethod = -1; ///< -1: absent
    QString connectionStatus; ///< upper-cased ("CONNECTED", "EXPIRED"); empty if absent
    QDateTime connectionExpiry; ///< invalid if absent
    QJsonObject raw;

    static Result<Account, ApiError> fromJson(const QJsonObject &response);
};

} // namespace aerodesk::api
