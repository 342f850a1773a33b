#include "emulator/EmulatorHttp.h"

#include <QJsonDocument>

namespace aerodesk::emulator {

QHttpServerResponse EmulatorHttp::json(const QJsonObject &body, Status status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse EmulatorHttp::error(Status status, const QString &code, const QString &message)
{
    const QJsonObject err{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    return json(QJsonObject{{QStringLiteral("error"), err}}, status);
}

QHttpServerResponse EmulatorHttp::noContent()
{
    return QHttpServerResponse(Status::NoContent);
}

} // namespace aerodesk::emulator
