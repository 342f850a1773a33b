#pragma once

#include "emulator/WebhookDelivery.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>

#include <functional>

class QNetworkAccessManager;

namespace aerodesk::emulator {

/// Performs one delivery attempt: an HTTP(S) POST of the frozen body with the webhook
/// headers, bounded by a deadline. TLS is verified normally; extra CA certificates (for a
/// test receiver with a self-signed certificate) are added to the system ones, never
/// replaced by ignoreSslErrors(). No proxy is used: receivers are loopback only.
class WebhookSender : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const WebhookAttempt &)>;

    explicit WebhookSender(QObject *parent = nullptr);

    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);

    /// POSTs `delivery.body` to `delivery.url`. `done` runs on this object's thread with the
    /// attempt (number = delivery.attempts.size() + 1). A 2xx within `deadlineMs` is success;
    /// anything else (non-2xx, network or TLS error, deadline) is a failure with a reason.
    void send(const WebhookDelivery &delivery, int deadlineMs, Done done);

    static constexpr const char *kUserAgent = "Aerosync-Webhooks/1.0";

private:
    QNetworkAccessManager *m_nam;
    QList<QSslCertificate> m_extraCas;
};

} // namespace aerodesk::emulator
