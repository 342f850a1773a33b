#pragma once

#include "core/api/ApiError.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace aerodesk::webhooks {

/// One webhook subscription as the webhook-management API describes it (subscribe answers with
/// the first fields, list adds the delivery counters). Never holds the secret: only whether one
/// is set.
struct WebhookSubscription
{
    QString id; ///< webhook_id
    QString merchantId; ///< merchant_id
    QString url; ///< where deliveries go
    QStringList events; ///< the events it receives
    QString status; ///< "active" or "paused"
    QString pauseReason; ///< when paused
    bool hasSecret = false;
    int failureCount = 0;
    QDateTime createdAt;
    QDateTime lastSuccessAt;
    QDateTime lastFailureAt;

    bool isActive() const { return status == QLatin1String("active"); }

    /// Reads a subscription object; BadResponse when it carries no webhook_id.
    static Result<WebhookSubscription, api::ApiError> fromJson(const QJsonObject &o);
};

} // namespace aerodesk::webhooks
