#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace aerodesk::connections {

/// A tracked Aerosync connection, as the console keeps it. `connectionId` and
/// `aeroPassUserUuid` are identifiers: the store encrypts them (and the account summary).
struct Connection
{
    QString connectionId;
    QString aeroPassUserUuid; ///< empty when unknown
    QString bankName;
    QString status; ///< connectionStatus as the API said it ("CONNECTED", "EXPIRED"...), or empty
    QDateTime connectionExpiry; ///< UTC; invalid = unknown (older API revisions omit it)
    QJsonObject
        accountSummary; ///< the `account` object of GET /v2/accounts (may hold accountNumber)
    QDateTime lastRefresh; ///< UTC; invalid = never refreshed
    QDateTime createdAt; ///< set by the store
    QDateTime updatedAt; ///< set by the store
    /// The store's row version when this was read from it (schema v6); 0 = not read from the
    /// store. Upserting with a version > 0 updates only if the row still has that version,
    /// otherwise it fails with a Conflict carrying the current row (docs/team.md).
    qint64 version = 0;
};

/// One entry of a connection's history (jobs, errors, webhooks seen), in time order.
struct ConnectionEvent
{
    QDateTime at; ///< UTC
    QString kind; ///< "job", "error", "webhook", "note"...
    QJsonObject detail; ///< sealed on disk
};

} // namespace aerodesk::connections
