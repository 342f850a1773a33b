#include "core/api/ApiError.h"

#include "core/api/ErrorCatalog.h"

namespace aerodesk::api {

ApiError ApiError::fromAerosync(int httpStatus, const QString &code, const QString &message)
{
    ApiError e;
    if (httpStatus == 429)
        e.kind = Kind::RateLimited;
    else if (httpStatus >= 500)
        e.kind = Kind::Server;
    else
        e.kind = Kind::Aerosync;
    e.httpStatus = httpStatus;
    e.code = code.trimmed().toUpper();
    e.info = ErrorCatalog::lookup(code, message);
    e.message = e.info.known
        ? QStringLiteral("%1 (%2): %3").arg(e.info.title, e.code, message)
        : QStringLiteral("%1: %2").arg(
              code.isEmpty() ? QStringLiteral("HTTP %1").arg(httpStatus) : code, message);
    return e;
}

ApiError ApiError::make(Kind kind, QString message, int httpStatus)
{
    ApiError e;
    e.kind = kind;
    e.httpStatus = httpStatus;
    e.message = std::move(message);
    e.info.title = apiErrorKindName(kind);
    e.info.cause = e.message;
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Server:
    case Kind::RateLimited:
        e.info.retry = RetryPolicy::Backoff;
        e.info.nextStep = QStringLiteral(
            "Try again in a moment; check the network and the environment's URL if it persists.");
        break;
    case Kind::Tls:
    case Kind::PinMismatch:
        e.info.retry = RetryPolicy::Never;
        e.info.nextStep =
            QStringLiteral("Do not continue: the server's certificate is not the expected one. "
                           "Check the environment's URL and pinned certificate.");
        break;
    case Kind::Credentials:
        e.info.retry = RetryPolicy::AfterUserAction;
        e.info.nextStep =
            QStringLiteral("Enter the apiKey and apiSecret for this environment in Settings.");
        break;
    case Kind::Cancelled:
        e.info.retry = RetryPolicy::Never;
        break;
    default:
        e.info.retry = RetryPolicy::AfterUserAction;
        e.info.nextStep =
            QStringLiteral("Report the message and the time to whoever runs this environment.");
        break;
    }
    return e;
}

QString apiErrorKindName(ApiError::Kind kind)
{
    using K = ApiError::Kind;
    switch (kind) {
    case K::Network:
        return QStringLiteral("network");
    case K::Timeout:
        return QStringLiteral("timeout");
    case K::Tls:
        return QStringLiteral("tls");
    case K::PinMismatch:
        return QStringLiteral("pin-mismatch");
    case K::NonJson:
        return QStringLiteral("non-json");
    case K::Server:
        return QStringLiteral("server");
    case K::RateLimited:
        return QStringLiteral("rate-limited");
    case K::Aerosync:
        return QStringLiteral("aerosync");
    case K::Http:
        return QStringLiteral("http");
    case K::BadResponse:
        return QStringLiteral("bad-response");
    case K::Credentials:
        return QStringLiteral("credentials");
    case K::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString apiErrorLogText(const ApiError &error)
{
    const bool quotesBody =
        error.kind == ApiError::Kind::NonJson || error.kind == ApiError::Kind::Http;
    QString text = apiErrorKindName(error.kind);
    if (error.httpStatus)
        text += QStringLiteral(" HTTP %1").arg(error.httpStatus);
    if (!error.code.isEmpty())
        text += QLatin1Char(' ') + error.code;
    if (!quotesBody && !error.message.isEmpty())
        text += QStringLiteral(": ") + error.message;
    return text;
}

} // namespace aerodesk::api
