#include "tests/integration/IntegrationSandbox.h"

#include "tests/support/Wait.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>

#ifdef AERODESK_HAVE_SANDBOX_FIXTURE
#include "tests/support/SandboxFixture.h"
#else
#include "core/sandbox/EmbeddedBankingService.h"
#include "core/sandbox/SandboxHttp.h"
#include "core/sandbox/WebhookService.h"

#include <QHttpServer>
#endif

namespace aerodesk::test {

namespace {

IntegrationSandbox::Headers withAuth(const IntegrationSandbox::Headers &defaults,
                                     const IntegrationSandbox::Headers &overrides)
{
    IntegrationSandbox::Headers out = defaults;
    for (const auto &[name, value] : overrides) {
        out.removeIf(
            [&name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
        if (!value.isEmpty())
            out.append({ name, value });
    }
    return out;
}

IntegrationSandbox::Reply finish(int status, QByteArray body, QString networkError)
{
    IntegrationSandbox::Reply r;
    r.status = status;
    r.body = std::move(body);
    r.networkError = std::move(networkError);
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (doc.isObject())
        r.json = doc.object();
    return r;
}

} // namespace

#ifdef AERODESK_HAVE_SANDBOX_FIXTURE

struct IntegrationSandbox::Impl
{
    SandboxFixture fixture;
    QString error;
};

IntegrationSandbox::IntegrationSandbox()
    : d(std::make_unique<Impl>())
{
}
IntegrationSandbox::~IntegrationSandbox() = default;

bool IntegrationSandbox::start(double timeScale)
{
    if (!d->fixture.start({ QStringLiteral("--seed"), QStringLiteral("42"),
                            QStringLiteral("--time-scale"), QString::number(timeScale) })) {
        d->error = d->fixture.lastError();
        return false;
    }
    return true;
}
QString IntegrationSandbox::lastError() const
{
    return d->error;
}
QUrl IntegrationSandbox::baseUrl() const
{
    return d->fixture.endpoint().baseUrl;
}
QString IntegrationSandbox::apiKey() const
{
    return d->fixture.endpoint().apiKey;
}
QString IntegrationSandbox::token()
{
    return d->fixture.token();
}
bool IntegrationSandbox::isRealExecutable() const
{
    return true;
}
bool IntegrationSandbox::trustReceiverCa(const QByteArray &)
{
    return false;
}

QString IntegrationSandbox::startBalanceJob()
{
    // Seeded connections (POST /sandbox/seed), one that can fetch a balance, a job on it.
    const Reply seeded = call("POST", QStringLiteral("/sandbox/seed"),
                              QJsonObject { { QStringLiteral("count"), 5 } });
    const Reply listed = call("GET", QStringLiteral("/sandbox/connections?limit=100"));
    QString connectionId;
    for (const QJsonValue &v : listed.json.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("canFetchBalance")).toBool() &&
            c.value(QStringLiteral("connectionStatus")).toString() == QLatin1String("CONNECTED")) {
            connectionId = c.value(QStringLiteral("connectionId")).toString();
            break;
        }
    }
    if (connectionId.isEmpty()) {
        d->error = QStringLiteral("no balance-capable connection after /sandbox/seed (%1): %2")
                       .arg(QString::fromUtf8(seeded.body.left(200)),
                            QString::fromUtf8(listed.body.left(300)));
        return {};
    }
    const Reply job = call("POST", QStringLiteral("/v2/accounts/%1/refresh").arg(connectionId));
    if (job.status != 200) {
        d->error = QStringLiteral("balance job not created: %1 %2")
                       .arg(job.status)
                       .arg(QString::fromUtf8(job.body));
        return {};
    }
    return connectionId;
}

IntegrationSandbox::Reply IntegrationSandbox::call(const QByteArray &method, const QString &path,
                                                   const QJsonObject &body, const Headers &headers)
{
    const Headers all = withAuth({ { "Authorization", "Bearer " + token().toUtf8() },
                                   { "x-api-key", apiKey().toUtf8() },
                                   { "Content-Type", "application/json" } },
                                 headers);
    const QByteArray raw =
        body.isEmpty() ? QByteArray("{}") : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const SandboxFixture::Reply r = d->fixture.requestRaw(method, path, raw, all);
    return finish(r.status, r.body, r.networkError);
}

IntegrationSandbox::Reply IntegrationSandbox::raw(const QByteArray &method, const QString &path,
                                                  const QByteArray &body, const Headers &headers)
{
    const SandboxFixture::Reply r = d->fixture.requestRaw(
        method, path, body, withAuth({ { "Content-Type", "application/json" } }, headers));
    return finish(r.status, r.body, r.networkError);
}

#else // in-process: the same services on a plain-HTTP QHttpServer

struct IntegrationSandbox::Impl
{
    QHttpServer server;
    std::unique_ptr<sandbox::WebhookService> webhooks;
    std::unique_ptr<sandbox::EmbeddedBankingService> eb;
    QNetworkAccessManager nam;
    QUrl base;
    QString error;
};

IntegrationSandbox::IntegrationSandbox()
    : d(std::make_unique<Impl>())
{
}
IntegrationSandbox::~IntegrationSandbox() = default;

bool IntegrationSandbox::start(double timeScale)
{
    static const QByteArray kToken = "in-process-token";
    static const QByteArray kKey = "in-process-api-key";
    auto check = [](const QHttpServerRequest &r,
                    bool needKey) -> std::optional<QHttpServerResponse> {
        if (r.value("Authorization") != "Bearer " + kToken ||
            (needKey && r.value("x-api-key") != kKey))
            return sandbox::SandboxHttp::error(QHttpServerResponse::StatusCode::Forbidden,
                                               QStringLiteral("AC-001"),
                                               QStringLiteral("Missing or invalid credentials."));
        return std::nullopt;
    };
    d->webhooks = std::make_unique<sandbox::WebhookService>(
        [check](const QHttpServerRequest &r) { return check(r, true); }, timeScale, 42);
    d->eb = std::make_unique<sandbox::EmbeddedBankingService>(timeScale, 42);
    if (!d->eb->loadOrGenerateKeys()) {
        d->error = d->eb->lastError();
        return false;
    }
    d->eb->setAuthorizer([check](const QHttpServerRequest &r) { return check(r, false); });
    d->webhooks->registerRoutes(d->server);
    d->eb->registerRoutes(d->server);
    const quint16 port = d->server.listen(QHostAddress::LocalHost, 0);
    if (port == 0) {
        d->error = QStringLiteral("in-process QHttpServer could not listen");
        return false;
    }
    d->base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    d->eb->setBaseUrl(d->base);
    d->nam.setProxy(QNetworkProxy::NoProxy);
    return true;
}
QString IntegrationSandbox::lastError() const
{
    return d->error;
}
QUrl IntegrationSandbox::baseUrl() const
{
    return d->base;
}
QString IntegrationSandbox::apiKey() const
{
    return QStringLiteral("in-process-api-key");
}
QString IntegrationSandbox::token()
{
    return QStringLiteral("in-process-token");
}
bool IntegrationSandbox::isRealExecutable() const
{
    return false;
}
QString IntegrationSandbox::startBalanceJob()
{
    const QString connectionId = QStringLiteral("0123456789abcdef0123456789abcdef");
    d->webhooks->publish(
        QStringLiteral("job.balance"),
        QJsonObject { { QStringLiteral("job_id"), QStringLiteral("REF-") + connectionId },
                      { QStringLiteral("connection_id"), connectionId },
                      { QStringLiteral("user_id"), connectionId },
                      { QStringLiteral("job_type"), QStringLiteral("balance") },
                      { QStringLiteral("status"), QStringLiteral("initiated") },
                      { QStringLiteral("mfa_triggered"), false } });
    return connectionId;
}

bool IntegrationSandbox::trustReceiverCa(const QByteArray &caPem)
{
    d->webhooks->setPinnedReceiverCa(QSslCertificate::fromData(caPem, QSsl::Pem));
    return true;
}

IntegrationSandbox::Reply IntegrationSandbox::call(const QByteArray &method, const QString &path,
                                                   const QJsonObject &body, const Headers &headers)
{
    const QByteArray rawBody =
        body.isEmpty() ? QByteArray("{}") : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return raw(method, path, rawBody,
               withAuth({ { "Authorization", "Bearer " + token().toUtf8() },
                          { "x-api-key", apiKey().toUtf8() } },
                        headers));
}

IntegrationSandbox::Reply IntegrationSandbox::raw(const QByteArray &method, const QString &path,
                                                  const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(d->base.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = d->nam.sendCustomRequest(request, method, body);
    const bool done = waitUntil([reply] { return reply->isFinished(); }, 10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = reply->readAll();
    const QString error = done
        ? (reply->error() == QNetworkReply::NoError ? QString() : reply->errorString())
        : QStringLiteral("no answer within 10 s");
    reply->abort();
    reply->deleteLater();
    return finish(status, bytes, error);
}

#endif

} // namespace aerodesk::test
