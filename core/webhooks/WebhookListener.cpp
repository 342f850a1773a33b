#include "core/webhooks/WebhookListener.h"

#include "core/netguard/GuardedTcpServer.h"
#include "core/util/Clock.h"
#include "core/webhooks/SignatureVerifier.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>

namespace aerodesk::webhooks {

namespace {
constexpr auto kPath = "/aerodesk/webhook";
}

WebhookListener::WebhookListener(WebhookLog &log, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_clock(clock)
{
}

WebhookListener::~WebhookListener() = default;

int WebhookListener::handle(const QByteArray &body, const Headers &headers)
{
    WebhookLogEntry entry;
    entry.receivedAt = m_clock.nowUtc();
    entry.bodySize = body.size();
    if (body.size() > kMaxBody) {
        entry.verdict.kind = WebhookVerdict::Kind::NoSecretMatched;
        entry.verdict.message = tr("The body is larger than 1 MiB: refused unread.");
        entry.httpStatus = 413;
    } else {
        const std::shared_ptr<const SecretRing> ring = m_ringSource ? m_ringSource() : nullptr;
        if (ring) {
            entry.verdict = SignatureVerifier::verify(body, headers, *ring);
        } else {
            entry.verdict.kind = WebhookVerdict::Kind::NoSecretConfigured;
            entry.verdict.message = tr("No webhook secret to verify with.");
        }
        entry.event =
            QJsonDocument::fromJson(body).object().value(QLatin1String("event")).toString();
        entry.httpStatus = entry.verdict.ok() ? 200 : 401;
    }
    m_log.append(entry);
    Q_EMIT logged(entry);
    Q_EMIT delivered(body, headers);
    return entry.httpStatus;
}

bool WebhookListener::start()
{
    stop();
    m_server = std::make_unique<QHttpServer>();
    m_server->route(
        QString::fromLatin1(kPath), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request) {
            // The answer waits for the verdict: 200 only for a valid signature.
            const int status = handle(request.body(), request.headers());
            switch (status) {
            case 200:
                return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                           QByteArrayLiteral("verified"),
                                           QHttpServerResponse::StatusCode::Ok);
            case 413:
                return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                           QByteArrayLiteral("too large"),
                                           QHttpServerResponse::StatusCode::PayloadTooLarge);
            default:
                return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                           QByteArrayLiteral("signature not verified"),
                                           QHttpServerResponse::StatusCode::Unauthorized);
            }
        });
    // Header, body and time limits at the socket (QHttpServer 6.4 has none): a body over
    // kMaxBody is answered 413 and the connection closed before it is buffered.
    netguard::HttpConnectionGuard::Limits limits;
    limits.maxBodyBytes = kMaxBody;
    limits.requestTimeoutMs = m_requestTimeoutMs;
    auto *tcp = new netguard::GuardedTcpServer(limits);
    if (tcp->listen(QHostAddress::LocalHost, 0)) {
        m_port = tcp->serverPort();
        m_server->bind(tcp); // takes ownership
    } else {
        delete tcp;
        m_port = 0;
    }
    if (m_port == 0) {
        m_error = tr("Could not listen on 127.0.0.1 (no free port).");
        m_server.reset();
        return false;
    }
    m_error.clear();
    return true;
}

void WebhookListener::stop()
{
    m_server.reset();
    m_port = 0;
}

QString WebhookListener::url() const
{
    return m_port
        ? QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(QString::fromLatin1(kPath))
        : QString();
}

} // namespace aerodesk::webhooks
