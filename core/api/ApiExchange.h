#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace aerodesk::api {

/// One finished HTTP exchange as HttpTransport saw it, for observers (the connection timeline):
/// what was asked, how it ended, how long it took, and the ids that tie it to the server's logs.
/// `path` is the raw request path (it may hold a connectionId or a jobId): observers mask it
/// before showing or storing it (connections::IdMask::maskPath); it is never logged as is.
struct ApiExchange
{
    QByteArray method;
    QString path; ///< raw, without the query
    QDateTime startedAt; ///< UTC
    qint64 durationMs = 0;
    int status = 0; ///< HTTP status; 0 when no HTTP answer arrived
    QString error; ///< apiErrorKindName() of a failed exchange; empty when it succeeded
    QByteArray requestId; ///< the answer's X-Request-Id (empty when the server gave none)
    QByteArray correlationId; ///< the X-Correlation-Id sent with the request (empty: none)
};

} // namespace aerodesk::api

Q_DECLARE_METATYPE(aerodesk::api::ApiExchange)
