#pragma once

#include "core/emulatorhost/EmulatorEndpoint.h"
#include "core/emulatorhost/EmulatorLauncher.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QSslConfiguration>
#include <QStringList>

#include <memory>

namespace aerodesk::test {

/// Starts bin/aerodesk-sandbox for a test (through the real EmulatorLauncher) and offers a
/// blocking HTTPS helper that trusts only the sandbox's certificate and checks its pin. For
/// tests of the sandbox itself and for setting up state; the client code under test uses its
/// own ApiClient.
class EmulatorRig
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QList<QNetworkReply::RawHeaderPair> headers;
        QString networkError;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    EmulatorRig();
    ~EmulatorRig();

    bool start(QStringList extraArgs = { QStringLiteral("--seed"), QStringLiteral("42"),
                                         QStringLiteral("--time-scale"), QStringLiteral("0.05") },
               int timeoutMs = 20000);
    void stop();
    const emulatorhost::EmulatorEndpoint &endpoint() const { return m_endpoint; }
    QString lastError() const { return m_lastError; }
    qint64 pid() const { return m_endpoint.pid; }
    /// The apiSecret the sandbox handed over its --secret-fd pipe (tests only: a QString copy).
    QString apiSecret() const
    {
        return m_endpoint.apiSecret ? QString::fromUtf8(m_endpoint.apiSecret->view()) : QString();
    }

    /// Requests to /sandbox/... carry the control token (X-Sandbox-Control, from the start line)
    /// unless `headers` already name that header or this is switched off (to test the 401).
    void setSendControlToken(bool send) { m_sendControlToken = send; }
    Headers control() const { return { m_endpoint.controlHeader() }; }

    Reply request(const QByteArray &method, const QString &pathAndQuery,
                  const QJsonObject &body = {}, const Headers &headers = {}, int timeoutMs = 10000);
    Reply requestRaw(const QByteArray &method, const QString &pathAndQuery,
                     const QByteArray &rawBody, const Headers &headers = {}, int timeoutMs = 10000);
    /// POST /v2/token with the apiKey (start line) and apiSecret (--secret-fd pipe); cached.
    QString token();
    Headers bearer() { return { { "Authorization", "Bearer " + token().toLatin1() } }; }
    QSslConfiguration pinnedSslConfiguration() const;

    /// Links a connection through the widget stand-in on `bank` ("mfa", "oauth",
    /// "security-question"); returns its connectionId or an empty string (and lastError()).
    QString linkConnection(const QString &bank = QStringLiteral("oauth"));

private:
    std::unique_ptr<emulatorhost::EmulatorLauncher> m_sandbox;
    emulatorhost::EmulatorEndpoint m_endpoint;
    QNetworkAccessManager m_network;
    QString m_lastError;
    QString m_token;
    bool m_sendControlToken = true;
};

} // namespace aerodesk::test
