#include "emulator/WebhookDelivery.h"

#include "emulator/WebhookSubscription.h"

#include <QJsonArray>

namespace aerodesk::emulator {

QJsonObject WebhookAttempt::toJson() const
{
    return QJsonObject {
        { QStringLiteral("attempt"), number },
        { QStringLiteral("at"), WebhookSubscription::formatTime(at) },
        { QStringLiteral("http_status"), httpStatus },
        { QStringLiteral("ok"), ok },
        { QStringLiteral("error"),
          error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error) },
        { QStringLiteral("duration_ms"), durationMs },
    };
}

QString WebhookDelivery::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Retrying:
        return QStringLiteral("retrying");
    case State::Delivered:
        return QStringLiteral("delivered");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Dropped:
        return QStringLiteral("dropped");
    }
    return QStringLiteral("unknown");
}

QJsonObject WebhookDelivery::toJson() const
{
    QJsonArray tries;
    for (const WebhookAttempt &a : attempts)
        tries.append(a.toJson());
    return QJsonObject {
        { QStringLiteral("delivery_id"), id },
        { QStringLiteral("webhook_id"), webhookId },
        { QStringLiteral("event"), event },
        { QStringLiteral("url"), url.toString() },
        { QStringLiteral("state"), stateName(state) },
        { QStringLiteral("drop_reason"),
          dropReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(dropReason) },
        { QStringLiteral("signed"), !signature.isEmpty() },
        { QStringLiteral("signature"),
          signature.isEmpty() ? QJsonValue(QJsonValue::Null)
                              : QJsonValue(QString::fromLatin1(signature)) },
        { QStringLiteral("body"), QString::fromUtf8(body) },
        { QStringLiteral("queued_at"), WebhookSubscription::formatTime(queuedAt) },
        { QStringLiteral("attempts"), tries },
    };
}

} // namespace aerodesk::emulator
