#pragma once

#include "core/crypto/SecureBytes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace aerodesk::emulator {

/// One webhook subscription of the sandbox's management API (reference section 7).
/// The secret never leaves the sandbox: JSON views carry only `has_secret` (ours).
struct WebhookSubscription
{
    enum class Status { Active, Paused };

    QString id; ///< webhook_id, a UUID
    QString merchantId;
    QUrl url;
    QStringList events;
    crypto::SecureBytes secret; ///< empty: deliveries are not signed
    Status status = Status::Active;
    QString pauseReason; ///< set by /pause or by the automatic pause (ours)
    int failureCount = 0; ///< consecutive failed deliveries (each = all attempts failed)
    QDateTime lastSuccessAt; ///< null until a delivery succeeds
    QDateTime lastFailureAt; ///< null until an attempt fails
    QDateTime createdAt;
    QDateTime updatedAt;

    bool listensTo(const QString &event) const { return events.contains(event); }
    static QString statusName(Status status);

    /// The subscribe response: webhook_id, merchant_id, url, events, status, created_at.
    QJsonObject toCreatedJson() const;
    /// A list row: the above plus failure_count, last_success_at, last_failure_at, updated_at,
    /// and (ours) has_secret and pause_reason.
    QJsonObject toListJson() const;

    /// The reference's time format: UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`, no zone suffix.
    /// A null time gives JSON null.
    static QJsonValue formatTime(const QDateTime &time);
};

} // namespace aerodesk::emulator
