#include "core/store/ConnectionHistory.h"

#include "core/store/ConnectionRepository.h"
#include "core/store/KeyEpochs.h"
#include "core/store/SqlDialect.h"
#include "core/store/SqlFailure.h"
#include "core/store/StoreChange.h"
#include "core/store/StorePlaces.h"
#include "core/util/LogCategories.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace aerodesk::store {

using connections::ConnectionEvent;

namespace {
using places::kEventDetail;
using places::kEventKeyDomain;

StoreError notFound()
{
    return StoreError::make(StoreError::Kind::NotFound,
                            QStringLiteral("That connection is not in the store."));
}
} // namespace

ConnectionHistory::ConnectionHistory(const ConnectionRepository &connections, Database &db,
                                     const FieldCipher &cipher, const BlindIndex &index)
    : m_connections(connections)
    , m_db(db)
    , m_cipher(cipher)
    , m_index(index)
{
}

Result<bool, StoreError> ConnectionHistory::record(const QString &connectionId,
                                                   const ConnectionEvent &event,
                                                   const QString &eventKey)
{
    if (event.kind.trimmed().isEmpty())
        return StoreError::make(StoreError::Kind::InvalidInput,
                                QStringLiteral("A history event needs a kind."));
    const auto row = m_connections.rowId(connectionId);
    if (!row) {
        qCWarning(aerodesk::log::store).noquote()
            << "history event" << event.kind << "for a connection not in the store";
        return notFound();
    }
    const bool keyed = !eventKey.trimmed().isEmpty();
    if (m_db.backend() == StoreBackend::Postgres) {
        auto recorded = recordWithId(*row, event,
                                     keyed ? QVariant(m_index.index(kEventKeyDomain, eventKey))
                                           : QVariant(QMetaType(QMetaType::QByteArray)));
        if (recorded && *recorded) {
            // Other consoles showing this connection's history read it again (docs/team.md,
            // "Live updates"): the row's blind index only, nothing of the event.
            const StoreChange change { QStringLiteral("connection_events"),
                                       m_index.index(places::kConnectionDomain, connectionId), 0,
                                       m_connections.sessionId(), StoreChange::Op::Upsert };
            QSqlError why;
            if (!change.send(m_db.db(), &why))
                qCWarning(aerodesk::log::store).noquote()
                    << "a history event was stored but not announced:" << why.text();
        }
        return recorded;
    }
    // The detail is bound to the event's row id, known only once the row exists: insert with an
    // empty detail, then seal and set it — in one savepoint, so no reader ever sees the row
    // without its detail (works inside or outside a caller's transaction).
    Database &db = m_db;
    if (auto s = db.exec(QStringLiteral("SAVEPOINT record_event"), QStringLiteral("record event"));
        !s)
        return s.error();
    const auto rollback = [&db] {
        db.exec(QStringLiteral("ROLLBACK TO record_event"), QStringLiteral("record event"));
        db.exec(QStringLiteral("RELEASE record_event"), QStringLiteral("record event"));
    };
    QSqlQuery q(m_db.db());
    // Without a key the statement is the v1 one, so a v1 file can still be written before it is
    // migrated. With a key, OR IGNORE meets the partial unique index (connection_ref, event_key).
    q.prepare(keyed ? QStringLiteral("INSERT OR IGNORE INTO connection_events(connection_ref, at, "
                                     "kind, detail, event_key)"
                                     " VALUES(?,?,?,X'',?)")
                    : QStringLiteral("INSERT INTO connection_events(connection_ref, at, kind, "
                                     "detail) VALUES(?,?,?,X'')"));
    q.addBindValue(*row);
    q.addBindValue(
        (event.at.isValid() ? event.at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    q.addBindValue(event.kind);
    if (keyed)
        q.addBindValue(m_index.index(kEventKeyDomain, eventKey));
    if (!q.exec()) {
        auto error = SqlFailure::ofQuery(q, QStringLiteral("record history event"));
        rollback();
        return error;
    }
    if (q.numRowsAffected() != 1) { // a keyed event already recorded
        rollback();
        return false;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QByteArray json = QJsonDocument(event.detail).toJson(QJsonDocument::Compact);
    auto sealed = m_cipher.seal(kEventDetail, places::eventRowKey(id), json);
    crypto::secureWipe(json);
    if (!sealed) {
        rollback();
        return sealed.error();
    }
    QSqlQuery update(m_db.db());
    update.prepare(QStringLiteral("UPDATE connection_events SET detail = ? WHERE id = ?"));
    update.addBindValue(*sealed);
    update.addBindValue(id);
    if (!update.exec()) {
        auto error = SqlFailure::ofQuery(update, QStringLiteral("record history event"));
        rollback();
        return error;
    }
    if (auto s = KeyEpochs::stamp(m_db.db(), QStringLiteral("connection_events"),
                                  QStringLiteral("id"), id, m_connections.keyEpoch());
        !s) {
        rollback();
        return s.error();
    }
    if (auto s = db.exec(QStringLiteral("RELEASE record_event"), QStringLiteral("record event"));
        !s) {
        rollback();
        return s.error();
    }
    return true;
}

Result<bool, StoreError> ConnectionHistory::recordWithId(qint64 connectionRow,
                                                         const ConnectionEvent &event,
                                                         const QVariant &eventKey)
{
    const auto id = m_db.nextId(QStringLiteral("connection_events"));
    if (!id)
        return id.error();
    QByteArray json = QJsonDocument(event.detail).toJson(QJsonDocument::Compact);
    auto sealed = m_cipher.seal(kEventDetail, places::eventRowKey(*id), json);
    crypto::secureWipe(json);
    if (!sealed)
        return sealed.error();
    QSqlQuery q(m_db.db());
    // ON CONFLICT DO NOTHING meets the partial unique index (connection_ref, event_key). Without
    // a key the column is not named, so a v1 schema (no event_key yet) can be written too.
    const bool keyed = !eventKey.isNull();
    q.prepare(keyed
                  ? QStringLiteral("INSERT INTO connection_events(id, connection_ref, at, kind, "
                                   "detail, event_key) VALUES(?,?,?,?,?,?) ON CONFLICT DO NOTHING")
                  : QStringLiteral("INSERT INTO connection_events(id, connection_ref, at, kind, "
                                   "detail) VALUES(?,?,?,?,?)"));
    q.addBindValue(*id);
    q.addBindValue(connectionRow);
    q.addBindValue(
        (event.at.isValid() ? event.at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    q.addBindValue(event.kind);
    q.addBindValue(*sealed);
    if (keyed)
        q.addBindValue(eventKey);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("record history event"));
    if (q.numRowsAffected() != 1)
        return false;
    if (auto s = KeyEpochs::stamp(m_db.db(), QStringLiteral("connection_events"),
                                  QStringLiteral("id"), *id, m_connections.keyEpoch());
        !s)
        return s.error();
    return true;
}

Result<QList<ConnectionEvent>, StoreError>
ConnectionHistory::forConnection(const QString &connectionId, int latest) const
{
    const auto row = m_connections.rowId(connectionId);
    if (!row)
        return notFound();
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    // Newest first with a limit, reversed below: "the last N events, in time order".
    q.prepare(
        QStringLiteral("SELECT at, kind, detail, id FROM connection_events WHERE connection_ref = ?"
                       " ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(*row);
    q.addBindValue(latest > 0 ? QVariant(latest) : SqlDialect::noLimit(m_db.backend()));
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("read history"));
    QList<ConnectionEvent> out;
    while (q.next()) {
        auto detail = m_cipher.open(kEventDetail, places::eventRowKey(q.value(3).toLongLong()),
                                    q.value(2).toByteArray());
        if (!detail)
            return detail.error();
        out.append(ConnectionEvent {
            QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC), q.value(1).toString(),
            QJsonDocument::fromJson(detail->rawView()).object() });
    }
    std::reverse(out.begin(), out.end());
    return out;
}

Result<qint64, StoreError> ConnectionHistory::pruneBefore(const QDateTime &before)
{
    if (!before.isValid())
        return StoreError::make(StoreError::Kind::InvalidInput,
                                QStringLiteral("Pruning history needs a valid time."));
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM connection_events WHERE at < ?"));
    q.addBindValue(before.toMSecsSinceEpoch());
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("prune history"));
    return qint64(q.numRowsAffected());
}

} // namespace aerodesk::store
