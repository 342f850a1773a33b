#include "core/api/Account.h"

#include "core/api/JsonRead.h"

namespace aerodesk::api {

Result<Account, ApiError> Account::fromJson(const QJsonObject &response)
{
    const QJsonObject o = JsonRead::objectOrSelf(response, QStringLiteral("account"));
    Account a;
    a.raw = o;
    a.accountNickname = JsonRead::string(o, QStringLiteral("accountNickname"));
    a.accountNumber = JsonRead::string(o, QStringLiteral("accountNumber"));
    a.routingNumber = JsonRead::string(o, QStringLiteral("routingNumber"));
    a.accountNumberDisplay = JsonRead::string(o, QStringLiteral("accountNumberDisplay"));
    a.accountNumberType = JsonRead::string(o, QStringLiteral("accountNumberType"));
    a.accountTypeRaw = JsonRead::string(o, QStringLiteral("accountType"));
    const QString t = a.accountTypeRaw.trimmed().toLower();
    a.accountType = t == QLatin1String("checking") ? Type::Checking
        : t == QLatin1String("savings")            ? Type::Savings
                                                   : Type::Other;
    a.bankName = JsonRead::string(o, QStringLiteral("bankName"));
    a.institutionName = JsonRead::string(o, QStringLiteral("institutionName"));
    a.institutionUuid = JsonRead::string(o, QStringLiteral("institutionUuid"));
    a.canFetchBalance = JsonRead::boolean(o, QStringLiteral("canFetchBalance"));
    // Out of int range counts as absent (found by fuzz/ApiResponse: 9876543210 was converted
    // straight to int, undefined behaviour).
    if (const auto m = JsonRead::integer(o, QStringLiteral("connectionMethod"), 0,
                                         std::numeric_limits<int>::max()))
        a.connectionMethod = int(*m);
    a.connectionStatus =
        JsonRead::string(o, QStringLiteral("connectionStatus")).trimmed().toUpper();
    a.connectionExpiry = JsonRead::instant(o, QStringLiteral("connectionExpiry"));
    if (o.isEmpty())
        return ApiError::make(ApiError::Kind::BadResponse,
                              QStringLiteral("The account response has no account data."));
    return a;
}

} // namespace aerodesk::api
