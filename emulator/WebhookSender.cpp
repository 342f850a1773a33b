#include "emulator/WebhookSender.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

namespace aerodesk::emulator {

WebhookSender::WebhookSender(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

void WebhookSender::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCas = certificates;
    // Connections (and their TLS settings) are cached per host: start afresh with the new trust.
    m_nam->clearConnectionCache();
}

void WebhookSender::send(const WebhookDelivery &delivery, int deadlineMs, Done done)
{
    QNetworkRequest request(delivery.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArray(kUserAgent));
    if (!delivery.signature.isEmpty())
        request.setRawHeader(QByteArrayLiteral("X-Webhook-Signature"), delivery.signature);
    // A redirect is a non-2xx answer: it counts as a failure, it is not followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (delivery.url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_extraCas.isEmpty())
            tls.addCaCertificates(m_extraCas);
        request.setSslConfiguration(tls);
    }

    auto attempt = std::make_shared<WebhookAttempt>();
    attempt->number = int(delivery.attempts.size()) + 1;
    attempt->at = QDateTime::currentDateTimeUtc();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto timedOut = std::make_shared<bool>(false);

    QNetworkReply *reply = m_nam->post(request, delivery.body);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(deadlineMs);

    connect(reply, &QNetworkReply::finished, this,
            [reply, attempt, clock, timedOut, deadlineMs, done = std::move(done)] {
                reply->deleteLater();
                attempt->durationMs = clock->elapsed();
                attempt->httpStatus =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (*timedOut) {
                    attempt->httpStatus = 0;
                    attempt->error =
                        QStringLiteral("no answer within the %1 ms deadline").arg(deadlineMs);
                } else if (attempt->httpStatus >= 200 && attempt->httpStatus < 300) {
                    attempt->ok = true;
                } else if (attempt->httpStatus != 0) {
                    attempt->error =
                        QStringLiteral("receiver answered HTTP %1").arg(attempt->httpStatus);
                } else {
                    attempt->error = QStringLiteral("network error: %1").arg(reply->errorString());
                }
                done(*attempt);
            });
}

} // namespace aerodesk::emulator
