#include "core/webhooks/WebhookSubscription.h"

#include "core/api/JsonRead.h"

#include <QJsonArray>

namespace aerodesk::webhooks {

using api::JsonRead;

Result<WebhookSubscription, api::ApiError> WebhookSubscription::fromJson(const QJsonObject &o)
{
    WebhookSubscription s;
    s.id = JsonRead::string(o, QStringLiteral("webhook_id"));
    if (s.id.isEmpty())
        return api::ApiError::make(
            api::ApiError::Kind::BadResponse,
            QStringLiteral("The webhook API answered without a webhook_id."));
    s.merchantId = JsonRead::string(o, QStringLiteral("merchant_id"));
    s.url = JsonRead::string(o, QStringLiteral("url"));
    for (const QJsonValue &e : o.value(QLatin1String("events")).toArray())
        s.events.append(e.toString());
    s.status = JsonRead::string(o, QStringLiteral("status"));
    s.pauseReason = JsonRead::string(o, QStringLiteral("pause_reason"));
    s.hasSecret = JsonRead::boolean(o, QStringLiteral("has_secret")).value_or(false);
    s.failureCount = int(
        JsonRead::integer(o, QStringLiteral("failure_count"), 0, std::numeric_limits<int>::max())
            .value_or(0));
    s.createdAt = JsonRead::instant(o, QStringLiteral("created_at"));
    s.lastSuccessAt = JsonRead::instant(o, QStringLiteral("last_success_at"));
    s.lastFailureAt = JsonRead::instant(o, QStringLiteral("last_failure_at"));
    return s;
}

} // namespace aerodesk::webhooks
