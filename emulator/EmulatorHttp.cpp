#include "emulator/EmulatorHttp.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace aerodesk::emulator {

QHttpServerResponse EmulatorHttp::json(const QJsonObject &body, Status status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse EmulatorHttp::error(Status status, const QString &code, const QString &message)
{
    const QJsonObject err { { QStringLiteral("code"), code },
                            { QStringLiteral("message"), message } };
    return json(QJsonObject { { QStringLiteral("error"), err } }, status);
}

QHttpServerResponse EmulatorHttp::noContent()
{
    return QHttpServerResponse(Status::NoContent);
}

Result<QJsonObject, QString> EmulatorHttp::jsonObject(QByteArrayView body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject {};
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError)
        return QStringLiteral("The request body is not valid JSON: %1 at byte %2.")
            .arg(err.errorString())
            .arg(err.offset);
    if (!doc.isObject())
        return QStringLiteral("The request body must be a JSON object.");
    return doc.object();
}

QHttpServerResponse EmulatorHttp::badJson(const QString &code, const QString &problem)
{
    return error(Status::BadRequest, code, problem);
}

} // namespace aerodesk::emulator
