#include "tests/integration/IntegrationEmulatorRig.h"

#include "tests/support/EmulatorRig.h"
#include "tests/support/Wait.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>

namespace aerodesk::test {

namespace {

IntegrationEmulatorRig::Headers withAuth(const IntegrationEmulatorRig::Headers &defaults,
                                         const IntegrationEmulatorRig::Headers &overrides)
{
    IntegrationEmulatorRig::Headers out = defaults;
    for (const auto &header : overrides) {
        const QByteArray &name = header.first; // clang 14 cannot capture a structured binding
        out.removeIf(
            [&name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
        if (!header.second.isEmpty())
            out.append(header);
    }
    return out;
}

IntegrationEmulatorRig::Reply finish(int status, QByteArray body, QString networkError)
{
    IntegrationEmulatorRig::Reply r;
    r.status = status;
    r.body = std::move(body);
    r.networkError = std::move(networkError);
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (doc.isObject())
        r.json = doc.object();
    return r;
}

} // namespace

struct IntegrationEmulatorRig::Impl
{
    EmulatorRig fixture;
    QString error;
};

IntegrationEmulatorRig::IntegrationEmulatorRig()
    : d(std::make_unique<Impl>())
{
}
IntegrationEmulatorRig::~IntegrationEmulatorRig() = default;

bool IntegrationEmulatorRig::start(double timeScale)
{
    if (!d->fixture.start({ QStringLiteral("--seed"), QStringLiteral("42"),
                            QStringLiteral("--time-scale"), QString::number(timeScale) })) {
        d->error = d->fixture.lastError();
        return false;
    }
    return true;
}
QString IntegrationEmulatorRig::lastError() const
{
    return d->error;
}
QUrl IntegrationEmulatorRig::baseUrl() const
{
    return d->fixture.endpoint().baseUrl;
}
QString IntegrationEmulatorRig::apiKey() const
{
    return d->fixture.endpoint().apiKey;
}
QString IntegrationEmulatorRig::token()
{
    return d->fixture.token();
}
bool IntegrationEmulatorRig::isRealExecutable() const
{
    return true;
}
bool IntegrationEmulatorRig::trustReceiverCa(const QByteArray &)
{
    return false;
}

QString IntegrationEmulatorRig::startBalanceJob()
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

IntegrationEmulatorRig::Reply IntegrationEmulatorRig::call(const QByteArray &method,
                                                           const QString &path,
                                                           const QJsonObject &body,
                                                           const Headers &headers)
{
    const Headers all = withAuth({ { "Authorization", "Bearer " + token().toUtf8() },
                                   { "x-api-key", apiKey().toUtf8() },
                                   { "Content-Type", "application/json" } },
                                 headers);
    const QByteArray raw =
        body.isEmpty() ? QByteArray("{}") : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const EmulatorRig::Reply r = d->fixture.requestRaw(method, path, raw, all);
    return finish(r.status, r.body, r.networkError);
}

IntegrationEmulatorRig::Reply IntegrationEmulatorRig::raw(const QByteArray &method,
                                                          const QString &path,
                                                          const QByteArray &body,
                                                          const Headers &headers)
{
    const EmulatorRig::Reply r = d->fixture.requestRaw(
        method, path, body, withAuth({ { "Content-Type", "application/json" } }, headers));
    return finish(r.status, r.body, r.networkError);
}

} // namespace aerodesk::test
