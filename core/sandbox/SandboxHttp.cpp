#include "core/sandbox/SandboxHttp.h"

#include <QJsonDocument>

namespace aerodesk::sandbox {

QHttpServerResponse SandboxHttp::json(const QJsonObject &body, Status status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse SandboxHttp::error(Status status, const QString &code, const QString &message)
{
    const QJsonObject err{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    return json(QJsonObject{{QStringLiteral("error"), err}}, status);
}

QHttpServerResponse SandboxHttp::noContent()
{
    return QHttpServerResponse(Status::NoContent);
}

} // namespace aerodesk::sandbox
