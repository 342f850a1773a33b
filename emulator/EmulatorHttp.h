#pragma once

#include "core/util/Result.h"

#include <QByteArrayView>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

namespace aerodesk::emulator {

/// JSON responses in the Aerosync shape and the one JSON body parser, shared by every route
/// group of the emulator (routes themselves are declared through EmulatorRoutes).
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

    /// The one request-body parser: an empty (or blank) body is {}; anything else must be a
    /// JSON object. The error is one sentence naming the parse error and its byte offset.
    static Result<QJsonObject, QString> jsonObject(QByteArrayView body);
    /// The one reply to a body jsonObject() refused: 400 with `code` (the route group's
    /// bad-request code: AC-100, WH-400-JSON, EB-400-JSON) and the parser's sentence.
    static QHttpServerResponse badJson(const QString &code, const QString &problem);
};

} // namespace aerodesk::emulator
