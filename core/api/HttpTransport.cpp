#include "core/api/HttpTransport.h"

#include "core/connections/IdMask.h"
#include "core/crypto/Hex.h"
#include "core/util/LogCategories.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

namespace aerodesk::api {

namespace {
constexpr const char *kPinFailed = "aerodesk.pinFailed";
constexpr const char *kSslErrors = "aerodesk.sslErrors";

QString bodyExcerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(160)).simplified();
    if (body.size() > 160)
        text += QStringLiteral("…");
    return text;
}

// One line per request: method, masked path, status, duration. Never a body, header or query.
void logOutcome(const QByteArray &method, const QString &path, qint64 ms,
                const Result<HttpResponse, ApiError> &r)
{
    if (r.ok()) {
        qCDebug(aerodesk::log::api).noquote()
            << method << path << "->" << r->status << QStringLiteral("(%1 ms)").arg(ms);
        return;
    }
    qCWarning(aerodesk::log::api).noquote()
        << method << path << "failed:" << apiErrorLogText(r.error())
        << QStringLiteral("(%1 ms)").arg(ms);
}
} // namespace

HttpTransport::HttpTransport(Environment environment, QObject *parent)
    : QObject(parent)
    , m_env(std::move(environment))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (m_env.isPinned() || !m_env.pinnedCertPem.isEmpty()) {
        // Trust only the pinned certificate: the system CAs play no part for a sandbox.
        m_ssl.setCaCertificates(QSslCertificate::fromData(m_env.pinnedCertPem, QSsl::Pem));
    }
    m_nam.setAutoDeleteReplies(false);
}

void HttpTransport::send(const HttpRequest &request, Callback done)
{
    // TLS or nothing: the request carries credentials or a token, so a non-https URL is refused
    // before anything is sent (loopback included).
    if (request.url.scheme() != QLatin1String("https")) {
        const QString message =
            tr("Refused to send a request to %1: it is not an https:// address, and AeroDesk "
               "talks to Aerosync only over TLS.")
                .arg(request.url.host().isEmpty() ? request.url.scheme() : request.url.host());
        qCWarning(aerodesk::log::api).noquote()
            << request.method << connections::IdMask::maskPath(request.url.path())
            << "refused: not https";
        QTimer::singleShot(0, this, [done = std::move(done), message] {
            done(ApiError::make(ApiError::Kind::Tls, message));
        });
        return;
    }
    QNetworkRequest req(request.url);
    req.setSslConfiguration(m_ssl);
    req.setTransferTimeout(m_env.requestTimeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QByteArrayLiteral("AeroDesk/" AERODESK_VERSION));
    req.setRawHeader("Accept", "application/json");
    if (!request.body.isEmpty() || request.method == "POST" || request.method == "PATCH")
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QByteArray correlation;
    for (const auto &h : request.headers) {
        req.setRawHeader(h.first, h.second);
        if (h.first.compare(kCorrelationHeader, Qt::CaseInsensitive) == 0)
            correlation = h.second;
    }
    if (correlation.isEmpty() && m_correlation) {
        correlation = m_correlation(request.url.path());
        if (!correlation.isEmpty())
            req.setRawHeader(kCorrelationHeader, correlation);
    }

    Q_EMIT requestStarted(request.method, request.url.path());
    const QString logPath = connections::IdMask::maskPath(request.url.path());
    QElapsedTimer clock;
    clock.start();
    ApiExchange exchange;
    exchange.method = request.method;
    exchange.path = request.url.path();
    exchange.startedAt = QDateTime::currentDateTimeUtc();
    exchange.correlationId = correlation;

    QNetworkReply *reply = request.body.isEmpty() && request.method == "GET"
        ? m_nam.get(req)
        : m_nam.sendCustomRequest(req, request.method, request.body);
    if (m_env.isPinned()) {
        connect(reply, &QNetworkReply::encrypted, this, [this, reply] { checkPin(reply); });
    }
    connect(reply, &QNetworkReply::sslErrors, this, [reply](const QList<QSslError> &errors) {
        // Recorded for the message only; never ignored.
        QStringList texts;
        for (const QSslError &e : errors)
            texts.append(e.errorString());
        reply->setProperty(kSslErrors, texts.join(QStringLiteral("; ")));
    });
    const int timeoutMs = m_env.requestTimeoutMs;
    const QByteArray pin = m_env.pinnedCertSha256Hex;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, timeoutMs, pin, done = std::move(done), method = request.method, logPath,
             clock, exchange]() mutable {
                reply->deleteLater();
                std::optional<Result<HttpResponse, ApiError>> result;
                if (!pin.isEmpty())
                    result = unpinnedAnswer(reply, pin);
                if (!result)
                    result.emplace(mapReply(reply, timeoutMs));
                if (!result->ok() &&
                    (result->error().httpStatus == 429 || result->error().httpStatus == 503)) {
                    ApiError limited = result->error();
                    limited.retryAfterSeconds = retryAfterSeconds(reply);
                    result.emplace(std::move(limited));
                }
                logOutcome(method, logPath, clock.elapsed(), *result);
                exchange.durationMs = clock.elapsed();
                exchange.status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                exchange.requestId = reply->rawHeader(kRequestIdHeader);
                if (!result->ok())
                    exchange.error = apiErrorKindName(result->error().kind);
                Q_EMIT exchanged(exchange);
                done(std::move(*result));
            });
}

void HttpTransport::checkPin(QNetworkReply *reply)
{
    const QByteArray der = reply->sslConfiguration().peerCertificate().toDer();
    const QByteArray actual =
        crypto::Hex::encode(QCryptographicHash::hash(der, QCryptographicHash::Sha256));
    if (actual != m_env.pinnedCertSha256Hex) {
        qCWarning(aerodesk::log::api).noquote()
            << "certificate pin mismatch for" << reply->url().host() << "- request stopped";
        reply->setProperty(kPinFailed, QString::fromLatin1(actual));
        reply->abort();
    }
}

int HttpTransport::retryAfterSeconds(const QNetworkReply *reply)
{
    // Delta-seconds only (RFC 9110 also allows an HTTP-date, which Aerosync does not send).
    bool ok = false;
    const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}

std::optional<Result<HttpResponse, ApiError>>
HttpTransport::unpinnedAnswer(QNetworkReply *reply, const QByteArray &pinSha256Hex)
{
    // Every HTTP answer on a pinned environment must have come over TLS from the pinned
    // certificate. `encrypted` fires only for a new connection (a kept-alive one was checked
    // then), so the answer's own TLS session is checked here too; no session (no TLS) or
    // another certificate is never accepted, whatever carried it.
    if (reply->property(kPinFailed).isValid() ||
        !reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        return std::nullopt;
    const QByteArray der = reply->sslConfiguration().peerCertificate().toDer();
    if (!der.isEmpty() &&
        crypto::Hex::encode(QCryptographicHash::hash(der, QCryptographicHash::Sha256)) ==
            pinSha256Hex)
        return std::nullopt;
    qCWarning(aerodesk::log::api).noquote() << "answer from" << reply->url().host()
                                            << "not over TLS with the pinned certificate - refused";
    return Result<HttpResponse, ApiError>(ApiError::make(
        ApiError::Kind::PinMismatch,
        tr("The answer from %1 did not come over a TLS connection with the pinned certificate, "
           "so it was refused.")
            .arg(reply->url().host())));
}

Result<HttpResponse, ApiError> HttpTransport::mapReply(QNetworkReply *reply, int timeoutMs)
{
    using K = ApiError::Kind;
    const QString host = reply->url().host();
    if (reply->property(kPinFailed).isValid()) {
        return ApiError::make(
            K::PinMismatch,
            QStringLiteral("The server at %1 presented a certificate (SHA-256 %2) that is "
                           "not the pinned one; the request was stopped.")
                .arg(host, reply->property(kPinFailed).toString()));
    }
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError err = reply->error();
    if (!statusAttr.isValid()) {
        if (err == QNetworkReply::OperationCanceledError || err == QNetworkReply::TimeoutError)
            return ApiError::make(K::Timeout,
                                  QStringLiteral("%1 did not answer within %2 s.")
                                      .arg(host)
                                      .arg(timeoutMs / 1000.0, 0, 'f', 1));
        if (err == QNetworkReply::SslHandshakeFailedError ||
            reply->property(kSslErrors).isValid()) {
            const QString detail = reply->property(kSslErrors).toString();
            return ApiError::make(K::Tls,
                                  QStringLiteral("The secure connection to %1 could not be "
                                                 "verified: %2")
                                      .arg(host, detail.isEmpty() ? reply->errorString() : detail));
        }
        return ApiError::make(
            K::Network, QStringLiteral("Could not reach %1: %2").arg(host, reply->errorString()));
    }

    HttpResponse resp;
    resp.status = statusAttr.toInt();
    resp.body = reply->readAll();
    resp.headers = reply->rawHeaderPairs();
    return mapAnswer(host, std::move(resp));
}

Result<HttpResponse, ApiError> HttpTransport::mapAnswer(const QString &host, HttpResponse resp)
{
    using K = ApiError::Kind;
    QJsonParseError perr {};
    const QJsonDocument doc = resp.body.trimmed().isEmpty()
        ? QJsonDocument(QJsonObject())
        : QJsonDocument::fromJson(resp.body, &perr);
    const bool isObject = perr.error == QJsonParseError::NoError && doc.isObject();
    if (isObject)
        resp.json = doc.object();

    if (resp.status >= 200 && resp.status < 300) {
        if (!isObject)
            return ApiError::make(
                K::NonJson,
                QStringLiteral("%1 answered HTTP %2 with a body that is not a JSON "
                               "object: \"%3\"")
                    .arg(host)
                    .arg(resp.status)
                    .arg(bodyExcerpt(resp.body)),
                resp.status);
        return resp;
    }
    const QJsonValue errVal = resp.json.value(QLatin1String("error"));
    if (errVal.isObject()) {
        const QJsonObject e = errVal.toObject();
        const QJsonValue code = e.value(QLatin1String("code"));
        const QString codeText = code.isString() ? code.toString()
            : code.isDouble()                    ? QString::number(code.toInt())
                                                 : QString();
        return ApiError::fromAerosync(resp.status, codeText,
                                      e.value(QLatin1String("message")).toString());
    }
    if (resp.status == 429)
        return ApiError::make(K::RateLimited,
                              QStringLiteral("%1 is limiting requests (HTTP 429); try again in a "
                                             "moment.")
                                  .arg(host),
                              429);
    if (resp.status >= 500)
        return ApiError::make(
            K::Server,
            QStringLiteral("%1 had a server error (HTTP %2).").arg(host).arg(resp.status),
            resp.status);
    if (!isObject)
        return ApiError::make(
            K::NonJson,
            QStringLiteral("%1 answered HTTP %2 with a body that is not JSON: \"%3\"")
                .arg(host)
                .arg(resp.status)
                .arg(bodyExcerpt(resp.body)),
            resp.status);
    return ApiError::make(K::Http,
                          QStringLiteral("%1 answered HTTP %2: %3")
                              .arg(host)
                              .arg(resp.status)
                              .arg(bodyExcerpt(resp.body)),
                          resp.status);
}

} // namespace aerodesk::api
