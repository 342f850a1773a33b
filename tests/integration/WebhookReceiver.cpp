#include "tests/integration/WebhookReceiver.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSslCertificate>
#include <QSslKey>

namespace aerodesk::test {

WebhookReceiver::WebhookReceiver()
{
    m_server.route(QStringLiteral("/hook"), QHttpServerRequest::Method::Post,
                   [this](const QHttpServerRequest &r) {
                       Hit hit;
                       hit.body = r.body();
                       hit.signature = r.value("X-Webhook-Signature");
                       hit.userAgent = r.value("User-Agent");
                       hit.contentType = r.value("Content-Type");
                       hit.answeredWith = m_script.isEmpty() ? m_default : m_script.takeFirst();
                       m_hits.append(hit);
                       return QHttpServerResponse(
                           QByteArrayLiteral("text/plain"), QByteArrayLiteral("received"),
                           static_cast<QHttpServerResponse::StatusCode>(hit.answeredWith));
                   });
}

bool WebhookReceiver::listen()
{
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

bool WebhookReceiver::listenTls(const QByteArray &certPem, const QByteArray &keyPem)
{
    const QSslCertificate cert(certPem, QSsl::Pem);
    const QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (cert.isNull() || key.isNull())
        return false;
    m_server.sslSetup(cert, key);
    m_tls = true;
    return listen();
}

QString WebhookReceiver::url() const
{
    return QStringLiteral("%1://127.0.0.1:%2/hook")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(m_port);
}

} // namespace aerodesk::test
