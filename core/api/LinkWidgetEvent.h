#pragma once

#include "core/api/ErrorInfo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace aerodesk::api {

/// One message from the Aerosync widget: the JSON string `{type, payload}` it posts
/// (reference section 6), parsed. pageSuccess covers current SDKs (connectionId, clientName,
/// aeroPassUserUuid), multi-account (accounts[] with a null top-level connectionId) and legacy
/// 1.x (user_id / user_password / ClientName); widgetError parses the pipe string through the
/// ErrorCatalog.
struct LinkWidgetEvent
{
    enum class Type {
        PageSuccess,
        WidgetClose,
        WidgetError,
        PageLoaded,
        BankClick,
        Unknown,
        Malformed
    };

    struct LinkedAccount
    {
        QString connectionId;
        QString accountType;
        QString accountNumberDisplay;
    };
    struct PageSuccess
    {
        QString connectionId; ///< empty for multi-account success (see accounts)
        QString clientName;
        QString aeroPassUserUuid;
        QList<LinkedAccount> accounts;
        /// Every connectionId this success reports (top-level or per account), de-duplicated.
        QList<QString> connectionIds() const;
    };

    Type type = Type::Unknown;
    QString rawType;
    QJsonObject payload;
    PageSuccess success; ///< PageSuccess only
    ErrorInfo error; ///< WidgetError only (and Malformed: why)

    /// Parses the posted string (or its bytes). Bad JSON or no `type` gives Type::Malformed.
    static LinkWidgetEvent parse(const QByteArray &message);
    static LinkWidgetEvent fromJson(const QJsonObject &message);
};

} // namespace aerodesk::api
