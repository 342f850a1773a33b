#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

namespace aerodesk::emulator {

/// JSON responses in the Aerosync shape, shared by every route group of the emulator.
class EmulatorHttp
{
public:
    using Status = QHttpServerResponse::StatusCode;

    /// Compact JSON body with Content-Type: application/json.
    static QHttpServerResponse json(const QJsonObject &body, Status status = Status::Ok);
    /// `{"error": {"code": code, "message": message}}`
    static QHttpServerResponse error(Status status, const QString &code, const QString &message);
    /// 204 No Content.
    static QHttpServerResponse noContent();
};

} // namespace aerodesk::emulator
