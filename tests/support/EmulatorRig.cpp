#include "tests/support/EmulatorRig.h"

#include "tests/support/TestPaths.h"
#include "tests/support/Wait.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSslCertificate>

namespace aerodesk::test {

EmulatorRig::EmulatorRig() = default;

EmulatorRig::~EmulatorRig()
{
    stop();
}

bool EmulatorRig::start(QStringList extraArgs, int timeoutMs)
{
    m_sandbox = std::make_unique<emulatorhost::EmulatorLauncher>(
        executable(QStringLiteral("aerodesk-sandbox")), std::move(extraArgs));
    m_sandbox->setStartTimeoutMs(timeoutMs);
    bool done = false;
    bool ok = false;
    QObject::connect(m_sandbox.get(), &emulatorhost::EmulatorLauncher::ready, m_sandbox.get(),
                     [&](const emulatorhost::EmulatorEndpoint &e) {
                         m_endpoint = e;
                         ok = done = true;
                     });
    QObject::connect(m_sandbox.get(), &emulatorhost::EmulatorLauncher::failed, m_sandbox.get(),
                     [&](const QString &why) {
                         m_lastError = why;
                         done = true;
                     });
    m_sandbox->start();
    waitUntil([&] { return done; }, timeoutMs + 2000);
    QObject::disconnect(m_sandbox.get(), nullptr, m_sandbox.get(), nullptr);
    if (!done)
        m_lastError = QStringLiteral("the sandbox neither started nor failed in time");
    return ok;
}

void EmulatorRig::stop()
{
    if (m_sandbox)
        m_sandbox->stop();
    m_sandbox.reset();
    m_token.clear();
}

QSslConfiguration EmulatorRig::pinnedSslConfiguration() const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromData(m_endpoint.certPem, QSsl::Pem));
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return ssl;
}

EmulatorRig::Reply EmulatorRig::request(const QByteArray &method, const QString &pathAndQuery,
                                        const QJsonObject &body, const Headers &headers,
                                        int timeoutMs)
{
    const QByteArray raw =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return requestRaw(method, pathAndQuery, raw, headers, timeoutMs);
}

EmulatorRig::Reply EmulatorRig::requestRaw(const QByteArray &method, const QString &pathAndQuery,
                                           const QByteArray &rawBody, const Headers &headers,
                                           int timeoutMs)
{
    Reply out;
    QNetworkRequest req(m_endpoint.baseUrl.resolved(QUrl(pathAndQuery)));
    req.setSslConfiguration(pinnedSslConfiguration());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(timeoutMs);
    if (m_sendControlToken && pathAndQuery.startsWith(QLatin1String("/sandbox/")))
        req.setRawHeader(emulatorhost::EmulatorEndpoint::kControlHeader, m_endpoint.controlToken);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second); // replaces the control header if named
    QNetworkReply *reply = m_network.sendCustomRequest(req, method, rawBody);
    bool pinOk = true;
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [&, reply] {
        const QByteArray pin =
            reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256).toHex();
        if (pin != m_endpoint.certSha256Hex) {
            pinOk = false;
            reply->abort();
        }
    });
    const bool finished = waitUntil([&] { return reply->isFinished(); }, timeoutMs + 2000);
    if (!finished) {
        reply->abort();
        out.networkError = QStringLiteral("no answer in time");
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    out.json = QJsonDocument::fromJson(out.body).object();
    if (!pinOk)
        out.networkError = QStringLiteral("certificate pin mismatch");
    else if (reply->error() != QNetworkReply::NoError && out.status == 0)
        out.networkError = reply->errorString();
    reply->deleteLater();
    return out;
}

QString EmulatorRig::token()
{
    if (m_token.isEmpty()) {
        const Reply r = request("POST", QStringLiteral("/v2/token"),
                                QJsonObject { { QStringLiteral("apiKey"), m_endpoint.apiKey },
                                              { QStringLiteral("apiSecret"), apiSecret() } });
        m_token = r.json.value(QStringLiteral("token")).toString();
        if (m_token.isEmpty())
            m_lastError = QStringLiteral("token request failed: %1 %2")
                              .arg(r.status)
                              .arg(QString::fromUtf8(r.body));
    }
    return m_token;
}

QString EmulatorRig::linkConnection(const QString &bank)
{
    const Reply w = request("POST", QStringLiteral("/v2/token_widget"),
                            QJsonObject { { QStringLiteral("apiKey"), m_endpoint.apiKey },
                                          { QStringLiteral("apiSecret"), apiSecret() } });
    const Reply launch =
        request("POST", QStringLiteral("/sandbox/widget/sessions"),
                QJsonObject { { QStringLiteral("token"), w.json.value(QStringLiteral("token")) } });
    const QString sid = launch.json.value(QStringLiteral("sessionId")).toString();
    const QString base = QStringLiteral("/sandbox/widget/sessions/") + sid + QLatin1Char('/');
    request("POST", base + QStringLiteral("bank"),
            QJsonObject { { QStringLiteral("bank"), bank } });
    Reply r = request("POST", base + QStringLiteral("credentials"),
                      QJsonObject { { QStringLiteral("username"), QStringLiteral("mxuser") },
                                    { QStringLiteral("password"), QStringLiteral("challenge") } });
    const QString state = r.json.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("mfa"))
        r = request("POST", base + QStringLiteral("mfa"),
                    QJsonObject { { QStringLiteral("code"), QStringLiteral("1234") } });
    else if (state == QLatin1String("question"))
        r = request("POST", base + QStringLiteral("answer"),
                    QJsonObject { { QStringLiteral("answer"), QStringLiteral("correct") } });
    else if (state == QLatin1String("oauth"))
        r = request("POST", base + QStringLiteral("oauth"),
                    QJsonObject { { QStringLiteral("approve"), true } });
    const QJsonArray events = r.json.value(QStringLiteral("events")).toArray();
    for (const QJsonValue &e : events) {
        if (e.toObject().value(QStringLiteral("type")).toString() == QLatin1String("pageSuccess"))
            return e.toObject()
                .value(QStringLiteral("payload"))
                .toObject()
                .value(QStringLiteral("connectionId"))
                .toString();
    }
    m_lastError =
        QStringLiteral("linking on %1 did not succeed: %2").arg(bank, QString::fromUtf8(r.body));
    return {};
}

} // namespace aerodesk::test
