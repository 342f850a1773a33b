#include "emulator/WebhookSubscription.h"

#include <QJsonArray>

namespace aerodesk::emulator {

QString WebhookSubscription::statusName(Status status)
{
    return status == Status::Active ? QStringLiteral("active") : QStringLiteral("paused");
}

QJsonValue WebhookSubscription::formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    const QDateTime utc = time.toUTC();
    // Qt keeps milliseconds; the reference shows microseconds, so the last three digits are 0.
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000");
}

QJsonObject WebhookSubscription::toCreatedJson() const
{
    return QJsonObject {
        { QStringLiteral("webhook_id"), id },
        { QStringLiteral("merchant_id"), merchantId },
        { QStringLiteral("url"), url.toString() },
        { QStringLiteral("events"), QJsonArray::fromStringList(events) },
        { QStringLiteral("status"), statusName(status) },
        { QStringLiteral("created_at"), formatTime(createdAt) },
    };
}

QJsonObject WebhookSubscription::toListJson() const
{
    QJsonObject o = toCreatedJson();
    o.insert(QStringLiteral("failure_count"), failureCount);
    o.insert(QStringLiteral("last_success_at"), formatTime(lastSuccessAt));
    o.insert(QStringLiteral("last_failure_at"), formatTime(lastFailureAt));
    o.insert(QStringLiteral("updated_at"), formatTime(updatedAt));
    o.insert(QStringLiteral("has_secret"), !secret.isEmpty());
    o.insert(QStringLiteral("pause_reason"),
             pauseReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(pauseReason));
    return o;
}

} // namespace aerodesk::emulator
