#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiExchange.h"
#include "core/api/Environment.h"
#include "core/api/HttpResponse.h"
#include "core/util/Result.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <optional>

namespace aerodesk::api {

/// The HTTPS layer of one environment: one QNetworkAccessManager, a transfer timeout on every
/// request, TLS always verified. For a pinned sandbox the only trusted CA is the pinned
/// certificate (ordinary verification passes) and, in addition, the SHA-256 of the peer's
/// certificate is compared with the pin as soon as the connection is encrypted; a mismatch
/// aborts the request (ApiError::Kind::PinMismatch); every answer on a pinned environment is
/// checked again when it finishes (its TLS session's peer certificate against the pin), and one
/// without TLS or from another certificate is refused the same way. Only https:// URLs are sent to
/// at all (anything else fails with ApiError::Kind::Tls before a byte leaves). SSL errors are never
/// ignored.
///
/// Every answer is mapped to a Result: a 2xx with a JSON object (or empty) body is a
/// HttpResponse; everything else is a distinct ApiError (network, timeout, TLS, pin, non-JSON,
/// 5xx, 429, Aerosync {error:{code,message}}, other HTTP).
class HttpTransport : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<HttpResponse, ApiError>)>;
    /// The correlation id to send with a request to `path` (raw path); empty: no header.
    using CorrelationSource = std::function<QByteArray(const QString &path)>;
    static constexpr const char *kCorrelationHeader = "X-Correlation-Id";
    static constexpr const char *kRequestIdHeader = "X-Request-Id";

    explicit HttpTransport(Environment environment, QObject *parent = nullptr);

    const Environment &environment() const { return m_env; }
    QNetworkAccessManager &networkAccessManager() { return m_nam; }

    /// Sends `request`; `done` runs later on this object's thread (never inside the call).
    void send(const HttpRequest &request, Callback done);

    /// Asked for every request that does not carry an X-Correlation-Id of its own; what it
    /// returns is sent as that header (docs/timeline.md). Unset: no header.
    void setCorrelationSource(CorrelationSource source) { m_correlation = std::move(source); }

    /// The TLS configuration used for every request (pinned CA for a sandbox).
    QSslConfiguration sslConfiguration() const { return m_ssl; }

    /// Maps a finished reply (used by send(); public for the widget-session client).
    static Result<HttpResponse, ApiError> mapReply(QNetworkReply *reply, int timeoutMs);
    static int retryAfterSeconds(const QNetworkReply *reply);
    /// The part of mapReply() after the network: an answer's status and body (`resp.json` is
    /// filled here) to a HttpResponse or an ApiError. Public for the fuzz target
    /// (fuzz/ApiResponse.cpp), which has no network.
    static Result<HttpResponse, ApiError> mapAnswer(const QString &host, HttpResponse resp);

Q_SIGNALS:
    /// Emitted for every request as it is sent (method, URL path): a hook for counters and logs.
    void requestStarted(const QByteArray &method, const QString &path);
    /// Emitted for every sent request once it ended (answer, error, timeout), before its
    /// callback runs: method, raw path, status, duration, X-Request-Id, X-Correlation-Id.
    void exchanged(const aerodesk::api::ApiExchange &exchange);

private:
    void checkPin(QNetworkReply *reply);
    /// A PinMismatch error for an HTTP answer that did not come over TLS from the certificate
    /// pinned as `pinSha256Hex`; nothing otherwise.
    static std::optional<Result<HttpResponse, ApiError>>
    unpinnedAnswer(QNetworkReply *reply, const QByteArray &pinSha256Hex);

    Environment m_env;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    CorrelationSource m_correlation;
};

} // namespace aerodesk::api
