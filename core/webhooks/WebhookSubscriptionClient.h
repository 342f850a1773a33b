#pragma once

#include "core/api/ApiError.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"
#include "core/webhooks/WebhookSubscription.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace aerodesk::api {
class ApiClient;
}

namespace aerodesk::webhooks {

/// The webhook-management API (subscribe, change the secret, send a test event, delete, list)
/// over an environment's ApiClient: the wire format lives here, callers get typed results.
/// Holds only a reference to the client, so it is cheap to make where needed; callbacks come
/// from the ApiClient (dropped if it is deleted first), later, on its thread.
class WebhookSubscriptionClient
{
public:
    template<class T> using Callback = std::function<void(Result<T, api::ApiError>)>;
    using Done = std::function<void(Status<api::ApiError>)>;

    explicit WebhookSubscriptionClient(api::ApiClient &client);

    /// Every event the webhook API sends (job.balance, ..., test.event).
    static QStringList allEvents();

    /// POST /webhooks/subscribe {url, events, secret_key}: the new subscription.
    void subscribe(const QString &url, const QStringList &events, const crypto::SecureBytes &secret,
                   Callback<WebhookSubscription> done);
    /// PATCH /webhooks/{id} {secret_key}: deliveries are signed with `secret` from now on
    /// (an empty secret: unsigned deliveries).
    void patchSecret(const QString &id, const crypto::SecureBytes &secret, Done done);
    /// POST /webhooks/{id}/test: a signed test.event is queued; gives its delivery_id.
    void sendTest(const QString &id, Callback<QString> done);
    /// DELETE /webhooks/{id}.
    void remove(const QString &id, Done done);
    /// POST /webhooks/list: this merchant's subscriptions.
    void list(Callback<QList<WebhookSubscription>> done);

private:
    api::ApiClient &m_client;
};

} // namespace aerodesk::webhooks
