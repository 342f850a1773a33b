#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace aerodesk::emulator {

/// One attempt at POSTing a delivery to its receiver.
struct WebhookAttempt
{
    int number = 0; ///< 1-based
    QDateTime at; ///< when the attempt started
    int httpStatus = 0; ///< 0 when no HTTP answer arrived
    bool ok = false; ///< a 2xx answer within the deadline
    QString error; ///< why it failed ("HTTP 500", "timed out after 5000 ms", ...)
    qint64 durationMs = 0;

    QJsonObject toJson() const;
};

/// A webhook delivery: an event for one subscription, its body and signature frozen when it
/// was queued. Retries resend exactly these bytes with exactly this header, so a delivery
/// queued before a secret rotation keeps the old signature (section 10).
struct WebhookDelivery
{
    enum class State { Pending, Retrying, Delivered, Failed, Dropped };

    QString id; ///< delivery_id (ours)
    QString webhookId;
    QString event;
    QUrl url; ///< the subscription's URL when the delivery was queued
    QByteArray body; ///< compact JSON, the exact bytes sent and signed
    QByteArray signature; ///< X-Webhook-Signature value ("sha256=<hex>"), empty if unsigned
    State state = State::Pending;
    QString dropReason; ///< for Dropped: subscription deleted or paused meanwhile
    QDateTime queuedAt;
    QList<WebhookAttempt> attempts;

    bool isFinal() const
    {
        return state == State::Delivered || state == State::Failed || state == State::Dropped;
    }
    static QString stateName(State state);
    /// The delivery-log row of GET /sandbox/webhooks/deliveries (ours).
    QJsonObject toJson() const;
};

} // namespace aerodesk::emulator
