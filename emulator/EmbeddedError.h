#pragma once

#include <QHttpServerResponse>
#include <QString>

namespace aerodesk::emulator {

/// An embedded-banking emulator error: the HTTP status, our own code ("EB-400-HEX", ...,
/// listed in docs/sandbox-webhooks-and-eb.md) and one human sentence.
struct EmbeddedError
{
    QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::BadRequest;
    QString code;
    QString message;

    /// `{"error": {"code": ..., "message": ...}}` with `status`.
    QHttpServerResponse toResponse() const;
};

} // namespace aerodesk::emulator
