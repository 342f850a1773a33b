#pragma once

#include "core/store/StoreError.h"
#include "core/timeline/TimelineEntry.h"
#include "core/util/Result.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace aerodesk::store {
class Store;
}

namespace aerodesk::timeline {

/// The timeline's tables in the encrypted store (schema v5; docs/timeline.md). A step is
/// stored against its connection's row (connection_ref = connections.id, found through the
/// connectionId's blind index, as ConnectionHistory does): time and kind plain, everything else
/// sealed and bound to the step's row id. An optional entry key (a webhook delivery's digest, a
/// job's id + event) makes an append idempotent per connection; it is stored as a blind index.
/// Each connection's current correlation id (timeline_flows) is sealed and bound to its row.
///
/// Lives on the thread of its Store (TimelineWorker opens one of its own).
class TimelineRepository
{
public:
    explicit TimelineRepository(store::Store &store);

    /// true = stored; false = a step with this key was already stored for this connection.
    /// NotFound when the connection is not in the store.
    Result<bool, store::StoreError> append(const QString &connectionId, const TimelineEntry &entry,
                                           const QString &entryKey = {});
    /// Oldest first. With `latest` > 0: only the newest `latest` steps (still oldest first).
    Result<QList<TimelineEntry>, store::StoreError> forConnection(const QString &connectionId,
                                                                  int latest = -1) const;
    /// The connection's current correlation id; empty when none was recorded yet.
    Result<QString, store::StoreError> currentFlow(const QString &connectionId) const;
    /// Makes `correlationId` the connection's current flow (replacing the previous one).
    Status<store::StoreError> setCurrentFlow(const QString &connectionId,
                                             const QString &correlationId, const QDateTime &at);

private:
    Result<qint64, store::StoreError> row(const QString &connectionId) const;
    /// PostgreSQL: tells other consoles the connection's timeline grew (StoreChange
    /// "timeline_entries", the connection's blind index, this store's session id).
    void announce(const QString &connectionId);
    /// PostgreSQL: id first, then one INSERT with the sealed detail (as ConnectionHistory).
    Result<bool, store::StoreError> appendWithId(qint64 connectionRow, const TimelineEntry &entry,
                                                 const QVariant &entryKey);

    store::Store &m_store;
};

} // namespace aerodesk::timeline
