#include "core/webhooks/WebhookSubscriptionClient.h"

#include "core/api/ApiClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace aerodesk::webhooks {

using api::ApiError;
using api::HttpResponse;

namespace {

QString idPath(const QString &id, const char *tail = "")
{
    return QStringLiteral("/webhooks/%1%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(id)), QString::fromLatin1(tail));
}

/// {"secret_key": "<secret>"}; the temporary text copy is wiped.
void insertSecret(QJsonObject &body, const crypto::SecureBytes &secret)
{
    QString text = secret.toUtf8String();
    body.insert(QStringLiteral("secret_key"), text);
    crypto::secureWipe(text);
}

} // namespace

WebhookSubscriptionClient::WebhookSubscriptionClient(api::ApiClient &client)
    : m_client(client)
{
}

QStringList WebhookSubscriptionClient::allEvents()
{
    return { QStringLiteral("job.balance"),    QStringLiteral("job.transaction"),
             QStringLiteral("job.identity"),   QStringLiteral("bank.revocation"),
             QStringLiteral("migration_tool"), QStringLiteral("test.event") };
}

void WebhookSubscriptionClient::subscribe(const QString &url, const QStringList &events,
                                          const crypto::SecureBytes &secret,
                                          Callback<WebhookSubscription> done)
{
    QJsonObject body { { QStringLiteral("url"), url },
                       { QStringLiteral("events"), QJsonArray::fromStringList(events) } };
    insertSecret(body, secret);
    m_client.callWebhookApi("POST", QStringLiteral("/webhooks/subscribe"), body,
                            [done = std::move(done)](Result<HttpResponse, ApiError> r) {
                                if (!r)
                                    return done(r.error());
                                done(WebhookSubscription::fromJson(r->json));
                            });
}

void WebhookSubscriptionClient::patchSecret(const QString &id, const crypto::SecureBytes &secret,
                                            Done done)
{
    QJsonObject body;
    insertSecret(body, secret);
    m_client.callWebhookApi("PATCH", idPath(id), body,
                            [done = std::move(done)](Result<HttpResponse, ApiError> r) {
                                if (!r)
                                    return done(r.error());
                                done({});
                            });
}

void WebhookSubscriptionClient::sendTest(const QString &id, Callback<QString> done)
{
    m_client.callWebhookApi(
        "POST", idPath(id, "/test"), {},
        [done = std::move(done)](Result<HttpResponse, ApiError> r) {
            if (!r)
                return done(r.error());
            const QString deliveryId = r->json.value(QLatin1String("delivery_id")).toString();
            if (deliveryId.isEmpty())
                return done(ApiError::make(
                    ApiError::Kind::BadResponse,
                    QStringLiteral(
                        "The test event was accepted but the answer carries no delivery_id.")));
            done(deliveryId);
        });
}

void WebhookSubscriptionClient::remove(const QString &id, Done done)
{
    m_client.callWebhookApi("DELETE", idPath(id), {},
                            [done = std::move(done)](Result<HttpResponse, ApiError> r) {
                                if (!r)
                                    return done(r.error());
                                done({});
                            });
}

void WebhookSubscriptionClient::list(Callback<QList<WebhookSubscription>> done)
{
    m_client.callWebhookApi("POST", QStringLiteral("/webhooks/list"), {},
                            [done = std::move(done)](Result<HttpResponse, ApiError> r) {
                                if (!r)
                                    return done(r.error());
                                QList<WebhookSubscription> out;
                                for (const QJsonValue &v :
                                     r->json.value(QLatin1String("subscriptions")).toArray()) {
                                    auto s = WebhookSubscription::fromJson(v.toObject());
                                    if (!s)
                                        return done(s.error());
                                    out.append(std::move(s.value()));
                                }
                                done(out);
                            });
}

} // namespace aerodesk::webhooks
