#pragma once

#include "core/api/ErrorInfo.h"

#include <QString>

namespace aerodesk::api {

/// Why an API call failed. Each kind is distinct so the UI and the job runner can react to it;
/// `message` is one human sentence, safe to show and log (never a secret or a token).
struct ApiError
{
    enum class Kind {
        Network, ///< connection refused, reset, host not found...
        Timeout, ///< no answer within the environment's request timeout
        Tls, ///< TLS handshake or certificate verification failed
        PinMismatch, ///< the sandbox's certificate is not the pinned one
        NonJson, ///< the body is not the JSON object we expected
        Server, ///< HTTP 5xx
        RateLimited, ///< HTTP 429 (AC-108 comes this way too; see `info`)
        Aerosync, ///< a 4xx with an Aerosync {error:{code,message}} body
        Http, ///< any other unexpected HTTP status
        BadResponse, ///< JSON, but a required field is missing or of the wrong type
        Credentials, ///< apiKey/apiSecret could not be read from the keychain
        Cancelled, ///< the caller cancelled
    };

    Kind kind = Kind::Network;
    int httpStatus = 0; ///< 0 when no HTTP answer arrived
    QString code; ///< Aerosync code ("AC-112") when the body carried one
    QString message; ///< human sentence
    ErrorInfo info; ///< catalogue explanation (always filled for Aerosync codes)
    /// The server's Retry-After (delta-seconds) on a 429 or 503; -1 when it sent none.
    int retryAfterSeconds = -1;

    bool hasCode(const char *c) const { return code == QLatin1String(c); }

    /// Builds an error for an Aerosync body {error:{code,message}} (kind by HTTP status).
    static ApiError fromAerosync(int httpStatus, const QString &code, const QString &message);
    /// Builds any other error; `info` is left without a code.
    static ApiError make(Kind kind, QString message, int httpStatus = 0);
};

/// Stable short name of a kind ("timeout", "tls", ...), for JSON output and tests.
QString apiErrorKindName(ApiError::Kind kind);
/// The error for a log line: kind, HTTP status, code and message — except the message of
/// NonJson/Http errors, which quotes the answer's body (bodies are never logged).
QString apiErrorLogText(const ApiError &error);

} // namespace aerodesk::api
