#pragma once

#include "core/connections/Connection.h"
#include "core/store/BlindIndex.h"
#include "core/store/ConnectionQuery.h"
#include "core/store/Database.h"
#include "core/store/FieldCipher.h"
#include "core/store/StoreChange.h"
#include "core/store/StoreError.h"
#include "core/util/Result.h"

#include <QList>
#include <QVariant>

class QSqlQuery;

#include <functional>
#include <optional>

namespace aerodesk::store {

/// The connections table and its history. Identifiers are sealed with FieldCipher and found
/// by BlindIndex; bank name, status, expiry and times stay plain (not identifying).
/// Lives on the thread of its Database (StoreLoader reads on a worker thread with its own Store).
class ConnectionRepository
{
public:
    ConnectionRepository(Database &db, const FieldCipher &cipher, const BlindIndex &index);

    /// Insert or update by connectionId (blind index). createdAt is kept on update. With row
    /// versions (schema v6) and connection.version > 0 (a row read from the store) only that
    /// version is replaced: if another console changed the row meanwhile, Conflict with the
    /// current row in StoreError::current, and nothing is written.
    Status<StoreError> upsert(const connections::Connection &connection);
    /// Many at once in ONE transaction with one prepared statement (100,000 rows: seconds).
    Status<StoreError> upsertMany(const QList<connections::Connection> &connections);
    /// NotFound when absent.
    Result<connections::Connection, StoreError> get(const QString &connectionId) const;
    /// The row whose blind index is `rowIndex` (a StoreChange's); NotFound when absent.
    Result<connections::Connection, StoreError> getByIndex(const QByteArray &rowIndex) const;
    bool contains(const QString &connectionId) const;
    /// Every connection, ordered by expiry (unknown last). Decrypts each row.
    Result<QList<connections::Connection>, StoreError> listAll() const;
    /// Receives decrypted rows in order; returns false to stop reading.
    using BatchSink = std::function<bool(QList<connections::Connection> &&batch)>;
    /// The rows `query` selects, in the query's order, decrypted and handed to `sink` batchSize
    /// at a time (the last batch may be smaller). A `firstBatchSize` above 0 makes the first
    /// batch that small, so a reader shows its first rows before a whole batch is decrypted.
    /// Stopping early (sink returned false) is success. On PostgreSQL the rows come through a
    /// server-side cursor, batchSize at a time, in a read transaction of its own: call it
    /// outside a transaction.
    Status<StoreError> scan(const ConnectionQuery &query, int batchSize, const BatchSink &sink,
                            int firstBatchSize = 0) const;
    /// Rows whose aeroPassUserUuid matches (blind index).
    Result<QList<connections::Connection>, StoreError>
    findByAeroPassUser(const QString &aeroPassUserUuid) const;
    qint64 count() const;
    /// The row behind connectionId (blind index), for tables that refer to connections.
    std::optional<qint64> rowId(const QString &connectionId) const;
    /// rowId() that tells an absent connection (NotFound) from a failed query (a lost team
    /// store is Unreachable, so a caller can open a new connection and ask again).
    Result<qint64, StoreError> rowOf(const QString &connectionId) const;
    /// Removes the connection and its history. NotFound when absent.
    Status<StoreError> remove(const QString &connectionId);

    /// Same as ConnectionHistory::record without an event key.
    Status<StoreError> addEvent(const QString &connectionId,
                                const connections::ConnectionEvent &event);
    /// Same as ConnectionHistory::forConnection: the whole history, oldest first.
    Result<QList<connections::ConnectionEvent>, StoreError>
    events(const QString &connectionId) const;

    /// Set by Store once the schema has row versions (v6).
    void setRowVersions(bool on) { m_versioned = on; }
    /// Set by Store from schema v8 on: the key epoch new writes are sealed under (0: no column).
    void setKeyEpoch(int epoch) { m_keyEpoch = epoch; }
    /// The epoch new rows of every table are labelled with (0 before schema v8).
    int keyEpoch() const { return m_keyEpoch; }

    /// On PostgreSQL every committed write is announced on StoreChange::kChannel, in its own
    /// transaction (docs/team.md, "Live updates"), with this console's random session id.
    void setSessionId(const QString &id) { m_sessionId = id; }
    const QString &sessionId() const { return m_sessionId; }

private:
    /// A connection's sealed fields, bound to its row key (its blind index).
    struct SealedRow
    {
        QByteArray rowKey;
        QVariant id;
        QVariant user;
        QVariant userIndex;
        QVariant summary;
    };
    Result<SealedRow, StoreError> seal(const connections::Connection &c) const;
    /// The upsert statement's values for one row, in column order.
    QVariantList insertBinds(const connections::Connection &c, const SealedRow &row,
                             qint64 nowMs) const;
    /// upsertMany's body: one statement per row (SQLite, or mid-rotation) …
    Status<StoreError> upsertEach(const QList<connections::Connection> &list, qint64 nowMs,
                                  QSqlQuery &q);
    /// … or many rows to a statement (PostgreSQL).
    Status<StoreError> upsertBulk(const QList<connections::Connection> &list, qint64 nowMs,
                                  QSqlQuery &single);
    /// Binds and runs `q`, prepared with the upsert statement. `announce`: NOTIFY this row
    /// (PostgreSQL; upsertMany announces its batch once instead).
    Status<StoreError> upsertOne(const connections::Connection &c, qint64 nowMs, QSqlQuery &q,
                                 bool announce);
    /// PostgreSQL: scan()'s statement `sql` (values inlined) through a cursor: QPSQL (Qt 6.4)
    /// would receive the whole result before the first row; FETCH hands it over in pages.
    Status<StoreError> scanWithCursor(const QString &sql, int batchSize, const BatchSink &sink,
                                      int firstBatchSize) const;
    /// PostgreSQL: pg_notify in the current transaction (sent at COMMIT). No-op on SQLite.
    Status<StoreError> announce(StoreChange::Op op, const QByteArray &rowKey);
    /// PostgreSQL: runs `write` in one transaction, so its NOTIFY is sent only if it commits.
    Status<StoreError> inTransaction(const std::function<Status<StoreError>()> &write);
    /// Mid-rotation: a row still under another epoch's blind index takes the write epoch's
    /// index first, so the upsert below updates it instead of inserting a second row.
    Status<StoreError> relabel(const QString &connectionId, const QByteArray &rowKey);
    /// "connection_index IN (?, …)" with one placeholder per live epoch; binds into `q`.
    QString indexMatch(const QString &column, QStringView domain, const QString &value,
                       QVariantList &binds) const;

    Database &m_db;
    const FieldCipher &m_cipher;
    const BlindIndex &m_index;
    bool m_versioned = false;
    int m_keyEpoch = 0;
    QString m_sessionId;
};

} // namespace aerodesk::store
