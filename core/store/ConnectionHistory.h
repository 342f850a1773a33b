#pragma once

#include "core/connections/Connection.h"
#include "core/store/BlindIndex.h"
#include "core/store/Database.h"
#include "core/store/FieldCipher.h"
#include "core/store/StoreError.h"
#include "core/util/Result.h"

#include <QList>

namespace aerodesk::store {

class ConnectionRepository;

/// A connection's history — jobs, errors, webhooks seen — for the console's detail pane
/// (connection_events: time and kind plain, detail sealed, deleted with its connection).
///
/// An optional event key (a webhook delivery id, a jobId) makes recording idempotent: the same
/// key for the same connection is stored once, so a retried webhook delivery shows up once.
/// Keys are stored as a blind index (schema v2), never in plain.
/// Lives on the thread of its Database, like ConnectionRepository.
class ConnectionHistory
{
public:
    ConnectionHistory(const ConnectionRepository &connections, Database &db,
                      const FieldCipher &cipher, const BlindIndex &index);

    /// true = stored; false = an event with this key was already recorded for this connection.
    /// NotFound when the connection is not in the store; InvalidInput without a kind.
    Result<bool, StoreError> record(const QString &connectionId,
                                    const connections::ConnectionEvent &event,
                                    const QString &eventKey = {});
    /// Oldest first. With `latest` > 0: only the newest `latest` events (still oldest first).
    Result<QList<connections::ConnectionEvent>, StoreError>
    forConnection(const QString &connectionId, int latest = -1) const;
    /// Deletes every connection's events older than `before`; returns how many went.
    Result<qint64, StoreError> pruneBefore(const QDateTime &before);

private:
    /// PostgreSQL: the row's id first (Database::nextId), then one INSERT with the sealed
    /// detail — atomic without a transaction (a SAVEPOINT needs one there).
    Result<bool, StoreError> recordWithId(qint64 connectionRow,
                                          const connections::ConnectionEvent &event,
                                          const QVariant &eventKey);

    const ConnectionRepository &m_connections;
    Database &m_db;
    const FieldCipher &m_cipher;
    const BlindIndex &m_index;
};

} // namespace aerodesk::store
