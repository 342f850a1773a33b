#include "core/api/Balance.h"

#include "core/api/JsonRead.h"

namespace aerodesk::api {

Result<Balance, ApiError> Balance::fromJson(const QJsonObject &response)
{
    const QJsonObject o = JsonRead::objectOrSelf(response, QStringLiteral("account"));
    Balance b;
    b.raw = o;
    b.availableBalance = JsonRead::number(o, QStringLiteral("availableBalance"));
    b.currentBalance = JsonRead::number(o, QStringLiteral("currentBalance"));
    b.lastRefresh = JsonRead::instant(o, QStringLiteral("lastRefreshTimeStamp"));
    b.currency = JsonRead::string(o, QStringLiteral("currency"));
    b.bankName = JsonRead::string(o, QStringLiteral("bankName"));
    b.institutionName = JsonRead::string(o, QStringLiteral("institutionName"));
    b.institutionUuid = JsonRead::string(o, QStringLiteral("institutionUuid"));
    b.userId = JsonRead::string(o, QStringLiteral("userId"));
    b.connectionId = JsonRead::string(o, QStringLiteral("connectionId"));
    if (!b.availableBalance && !b.currentBalance)
        return ApiError::make(ApiError::Kind::BadResponse,
                              QStringLiteral("The balance response has neither "
                                             "availableBalance nor currentBalance."));
    return b;
}

} // namespace aerodesk::api
