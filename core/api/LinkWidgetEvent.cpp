#include "core/api/LinkWidgetEvent.h"

#include "core/api/ErrorCatalog.h"
#include "core/api/JsonRead.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace aerodesk::api {

QList<QString> LinkWidgetEvent::PageSuccess::connectionIds() const
{
    QList<QString> ids;
    if (!connectionId.isEmpty())
        ids.append(connectionId);
    for (const LinkedAccount &a : accounts) {
        if (!a.connectionId.isEmpty() && !ids.contains(a.connectionId))
            ids.append(a.connectionId);
    }
    return ids;
}

LinkWidgetEvent LinkWidgetEvent::parse(const QByteArray &message)
{
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(message, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        LinkWidgetEvent e;
        e.type = Type::Malformed;
        e.error = ErrorCatalog::lookup(
            QString(),
            QStringLiteral("The widget message is not a JSON object: %1").arg(err.errorString()));
        e.error.raw = QString::fromUtf8(message.left(200));
        return e;
    }
    return fromJson(doc.object());
}

LinkWidgetEvent LinkWidgetEvent::fromJson(const QJsonObject &message)
{
    LinkWidgetEvent e;
    e.rawType = message.value(QLatin1String("type")).toString();
    const QJsonValue payload = message.value(QLatin1String("payload"));
    if (payload.isObject())
        e.payload = payload.toObject();
    if (e.rawType.isEmpty()) {
        e.type = Type::Malformed;
        e.error =
            ErrorCatalog::lookup(QString(), QStringLiteral("The widget message has no type."));
        return e;
    }
    if (e.rawType == QLatin1String("pageSuccess")) {
        e.type = Type::PageSuccess;
        const QJsonObject &p = e.payload;
        PageSuccess &s = e.success;
        s.connectionId = JsonRead::string(p, QStringLiteral("connectionId"));
        if (s.connectionId.isEmpty()) // legacy 1.x: user_password == connectionId
            s.connectionId = JsonRead::string(p, QStringLiteral("user_password"),
                                              JsonRead::string(p, QStringLiteral("user_id")));
        s.clientName = JsonRead::string(p, QStringLiteral("clientName"),
                                        JsonRead::string(p, QStringLiteral("ClientName")));
        s.aeroPassUserUuid = JsonRead::string(p, QStringLiteral("aeroPassUserUuid"));
        for (const QJsonValue &v : p.value(QLatin1String("accounts")).toArray()) {
            const QJsonObject a = v.toObject();
            s.accounts.append({ JsonRead::string(a, QStringLiteral("connectionId")),
                                JsonRead::string(a, QStringLiteral("accountType")),
                                JsonRead::string(a, QStringLiteral("accountNumberDisplay")) });
        }
    } else if (e.rawType == QLatin1String("widgetClose")) {
        e.type = Type::WidgetClose;
    } else if (e.rawType == QLatin1String("widgetError")) {
        e.type = Type::WidgetError;
        // The payload is the pipe string itself (or an object holding it).
        QString text = payload.isString()
            ? payload.toString()
            : JsonRead::string(
                  e.payload, QStringLiteral("message"),
                  QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact)));
        e.error = ErrorCatalog::parseWidgetError(text);
    } else if (e.rawType == QLatin1String("widgetPageLoaded")) {
        e.type = Type::PageLoaded;
    } else if (e.rawType == QLatin1String("widgetBankClick")) {
        e.type = Type::BankClick;
    } else {
        e.type = Type::Unknown;
    }
    return e;
}

} // namespace aerodesk::api
