#include "core/store/ConnectionHistory.h"

#include "core/store/ConnectionRepository.h"
#include "core/util/LogCategories.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace aerodesk::store {

using connections::ConnectionEvent;

namespace {
const QString kDetailPlace = QStringLiteral("connection_events.detail");
constexpr QStringView kEventKeyDomain = u"eventKey";

StoreError sqlError(const QSqlQuery &q, const QString &what)
{
    qCWarning(aerodesk::log::store).noquote()
        << QStringLiteral("history query failed (%1): %2").arg(what, q.lastError().text());
    return StoreError::make(
        StoreError::Kind::Sql,
        QStringLiteral("Store query failed (%1): %2").arg(what, q.lastError().text()));
}
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
    QByteArray json = QJsonDocument(event.detail).toJson(QJsonDocument::Compact);
    auto sealed = m_cipher.seal(kDetailPlace, json);
    crypto::secureWipe(json);
    if (!sealed)
        return sealed.error();
    const bool keyed = !eventKey.trimmed().isEmpty();
    QSqlQuery q(m_db.db());
    // Without a key the statement is the v1 one, so a v1 file can still be written before it is
    // migrated. With a key, OR IGNORE meets the partial unique index (connection_ref, event_key).
    q.prepare(keyed ? QStringLiteral("INSERT OR IGNORE INTO connection_events(connection_ref, at, "
                                     "kind, detail, event_key)"
                                     " VALUES(?,?,?,?,?)")
                    : QStringLiteral("INSERT INTO connection_events(connection_ref, at, kind, "
                                     "detail) VALUES(?,?,?,?)"));
    q.addBindValue(*row);
    q.addBindValue(
        (event.at.isValid() ? event.at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    q.addBindValue(event.kind);
    q.addBindValue(*sealed);
    if (keyed)
        q.addBindValue(m_index.index(kEventKeyDomain, eventKey));
    if (!q.exec())
        return sqlError(q, QStringLiteral("record history event"));
    return q.numRowsAffected() == 1;
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
        QStringLiteral("SELECT at, kind, detail FROM connection_events WHERE connection_ref = ?"
                       " ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(*row);
    q.addBindValue(latest > 0 ? latest : -1);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read history"));
    QList<ConnectionEvent> out;
    while (q.next()) {
        auto detail = m_cipher.open(kDetailPlace, q.value(2).toByteArray());
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
        return sqlError(q, QStringLiteral("prune history"));
    return qint64(q.numRowsAffected());
}

} // namespace aerodesk::store
