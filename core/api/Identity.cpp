#include "core/api/Identity.h"

#include "core/api/JsonRead.h"

namespace aerodesk::api {

Result<Identity, ApiError> Identity::fromJson(const QJsonObject &response)
{
    const QJsonObject o = JsonRead::objectOrSelf(response, QStringLiteral("identity"));
    Identity id;
    id.raw = o;
    id.accountHolderName = JsonRead::string(o, QStringLiteral("accountHolderName"));
    id.address = JsonRead::string(o, QStringLiteral("address"));
    const QJsonObject f = o.value(QLatin1String("address_fields")).toObject();
    id.addressFields.address1 = JsonRead::string(f, QStringLiteral("address1"));
    id.addressFields.address2 = JsonRead::string(f, QStringLiteral("address2"));
    id.addressFields.city = JsonRead::string(f, QStringLiteral("city"));
    id.addressFields.state = JsonRead::string(f, QStringLiteral("state"));
    if (f.value(QLatin1String("region")).isString())
        id.addressFields.region = f.value(QLatin1String("region")).toString();
    id.addressFields.postalCode = JsonRead::string(f, QStringLiteral("postalCode"));
    id.addressFields.country = JsonRead::string(f, QStringLiteral("country"));
    id.email = JsonRead::string(o, QStringLiteral("email"));
    id.phone = JsonRead::string(o, QStringLiteral("phone"));
    id.bankName = JsonRead::string(o, QStringLiteral("bankName"));
    id.institutionName = JsonRead::string(o, QStringLiteral("institutionName"));
    id.institutionUuid = JsonRead::string(o, QStringLiteral("institutionUuid"));
    id.userId = JsonRead::string(o, QStringLiteral("userId"));
    id.connectionId = JsonRead::string(o, QStringLiteral("connectionId"));
    if (id.accountHolderName.isEmpty() && id.address.isEmpty() && f.isEmpty())
        return ApiError::make(ApiError::Kind::BadResponse,
                              QStringLiteral("The identity response has no identity data."));
    return id;
}

} // namespace aerodesk::api
