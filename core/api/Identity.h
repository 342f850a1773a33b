#pragma once

#include "core/api/ApiError.h"
#include "core/util/Result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace aerodesk::api {

/// GET /v2/accounts/{connectionId}/identity → `identity`.
struct Identity
{
    struct AddressFields
    {
        QString address1, address2, city, state;
        std::optional<QString> region; ///< nullable in the API
        QString postalCode, country;
    };
    QString accountHolderName;
    QString address;
    AddressFields addressFields;
    QString email;
    QString phone;
    QString bankName;
    QString institutionName;
    QString institutionUuid;
    QString userId;
    QString connectionId;
    QJsonObject raw;

    static Result<Identity, ApiError> fromJson(const QJsonObject &response);
};

} // namespace aerodesk::api
