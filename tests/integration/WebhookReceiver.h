#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QList>
#include <QString>

namespace aerodesk::test {

/// A webhook receiver for the tests: a QHttpServer on 127.0.0.1 (plain HTTP, free port) that
/// records every POST /hook exactly as received and answers with scripted status codes.
class WebhookReceiver
{
public:
    struct Hit
    {
        QByteArray body; ///< raw bytes as received
        QByteArray signature; ///< X-Webhook-Signature ("" when absent)
        QByteArray userAgent;
        QByteArray contentType;
        int answeredWith = 0;
    };

    WebhookReceiver();
    bool listen();
    /// HTTPS instead, with this certificate and key (PEM); url() then says https.
    bool listenTls(const QByteArray &certPem, const QByteArray &keyPem);
    QString url() const;

    /// The next answers, one per request; after they are used, `defaultStatus`.
    void script(const QList<int> &statuses) { m_script = statuses; }
    void setDefaultStatus(int status) { m_default = status; }

    const QList<Hit> &hits() const { return m_hits; }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    bool m_tls = false;
    QList<int> m_script;
    int m_default = 200;
    QList<Hit> m_hits;
};

} // namespace aerodesk::test
