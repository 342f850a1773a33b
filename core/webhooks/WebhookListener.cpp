#include "core/webhooks/WebhookListener.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>

namespace aerodesk::webhooks {

namespace {
constexpr auto kPath = "/aerodesk/webhook";
}

WebhookListener::WebhookListener(QObject *parent)
    : QObject(parent)
{
}

WebhookListener::~WebhookListener() = default;

bool WebhookListener::start()
{
    stop();
    m_server = std::make_unique<QHttpServer>();
    m_server->route(QString::fromLatin1(kPath), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request) {
                        // Copies of the exact bytes; the answer does not wait for verification.
                        Q_EMIT delivered(request.body(), request.headers());
                        return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                                   QByteArrayLiteral("received"),
                                                   QHttpServerResponse::StatusCode::Ok);
                    });
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
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
