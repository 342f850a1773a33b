#include "core/timeline/TimelineRepository.h"

#include "core/store/KeyEpochs.h"
#include "core/store/SqlDialect.h"
#include "core/store/SqlFailure.h"
#include "core/store/Store.h"
#include "core/store/StoreChange.h"
#include "core/store/StorePlaces.h"
#include "core/util/LogCategories.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace aerodesk::timeline {

using store::StoreError;
namespace places = store::places;

namespace {
StoreError sqlError(const QSqlQuery &q, const QString &what)
{
    return store::SqlFailure::ofQuery(q, QStringLiteral("timeline: %1").arg(what));
}
QByteArray flowRowKey(qint64 connectionRow)
{
    return QByteArray::number(connectionRow);
}
} // namespace

TimelineRepository::TimelineRepository(store::Store &store)
    : m_store(store)
{
}

Result<qint64, StoreError> TimelineRepository::row(const QString &connectionId) const
{
    return m_store.connections().rowOf(connectionId);
}

void TimelineRepository::announce(const QString &connectionId)
{
    // Other consoles showing this connection read its timeline again (docs/team.md, "Live
    // updates"): the row's blind index only, nothing of the step.
    const store::StoreChange change { QStringLiteral("timeline_entries"),
                                      m_store.blindIndex().index(places::kConnectionDomain,
                                                                 connectionId),
                                      0, m_store.sessionId(), store::StoreChange::Op::Upsert };
    QSqlError why;
    if (!change.send(m_store.database().db(), &why))
        qCWarning(aerodesk::log::store).noquote()
            << "a timeline step was stored but not announced:" << why.text();
}

Result<bool, StoreError> TimelineRepository::append(const QString &connectionId,
                                                    const TimelineEntry &entry,
                                                    const QString &entryKey)
{
    const auto ref = row(connectionId);
    if (!ref)
        return ref.error();
    store::Database &db = m_store.database();
    const bool keyed = !entryKey.trimmed().isEmpty();
    const QVariant key = keyed
        ? QVariant(m_store.blindIndex().index(places::kTimelineKeyDomain, entryKey))
        : QVariant(QMetaType(QMetaType::QByteArray));
    if (db.backend() == store::StoreBackend::Postgres) {
        auto stored = appendWithId(*ref, entry, key);
        if (stored && *stored)
            announce(connectionId);
        return stored;
    }
    // As ConnectionHistory: insert with an empty detail, then seal it bound to the new row id,
    // inside one savepoint so no reader sees a row without its detail.
    if (auto s = db.exec(QStringLiteral("SAVEPOINT timeline_append"), QStringLiteral("timeline"));
        !s)
        return s.error();
    const auto rollback = [&db] {
        db.exec(QStringLiteral("ROLLBACK TO timeline_append"), QStringLiteral("timeline"));
        db.exec(QStringLiteral("RELEASE timeline_append"), QStringLiteral("timeline"));
    };
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO timeline_entries(connection_ref, at, kind, "
                             "detail, entry_key) VALUES(?,?,?,X'',?)"));
    q.addBindValue(*ref);
    q.addBindValue(
        (entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    q.addBindValue(timelineKindName(entry.kind));
    q.addBindValue(key);
    if (!q.exec()) {
        auto error = sqlError(q, QStringLiteral("append timeline step"));
        rollback();
        return error;
    }
    if (q.numRowsAffected() != 1) { // a keyed step already stored
        rollback();
        return false;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QByteArray json = QJsonDocument(entry.sealedPart()).toJson(QJsonDocument::Compact);
    auto sealed = m_store.cipher().seal(places::kTimelineDetail, places::eventRowKey(id), json);
    crypto::secureWipe(json);
    if (!sealed) {
        rollback();
        return sealed.error();
    }
    QSqlQuery update(db.db());
    update.prepare(QStringLiteral("UPDATE timeline_entries SET detail = ? WHERE id = ?"));
    update.addBindValue(*sealed);
    update.addBindValue(id);
    if (!update.exec()) {
        auto error = sqlError(update, QStringLiteral("append timeline step"));
        rollback();
        return error;
    }
    if (auto s =
            store::KeyEpochs::stamp(db.db(), QStringLiteral("timeline_entries"),
                                    QStringLiteral("id"), id, m_store.connections().keyEpoch());
        !s) {
        rollback();
        return s.error();
    }
    if (auto s = db.exec(QStringLiteral("RELEASE timeline_append"), QStringLiteral("timeline"));
        !s) {
        rollback();
        return s.error();
    }
    return true;
}

Result<bool, StoreError> TimelineRepository::appendWithId(qint64 connectionRow,
                                                          const TimelineEntry &entry,
                                                          const QVariant &entryKey)
{
    store::Database &db = m_store.database();
    const auto id = db.nextId(QStringLiteral("timeline_entries"));
    if (!id)
        return id.error();
    QByteArray json = QJsonDocument(entry.sealedPart()).toJson(QJsonDocument::Compact);
    auto sealed = m_store.cipher().seal(places::kTimelineDetail, places::eventRowKey(*id), json);
    crypto::secureWipe(json);
    if (!sealed)
        return sealed.error();
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("INSERT INTO timeline_entries(id, connection_ref, at, kind, detail, "
                             "entry_key) VALUES(?,?,?,?,?,?) ON CONFLICT DO NOTHING"));
    q.addBindValue(*id);
    q.addBindValue(connectionRow);
    q.addBindValue(
        (entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    q.addBindValue(timelineKindName(entry.kind));
    q.addBindValue(*sealed);
    q.addBindValue(entryKey);
    if (!q.exec())
        return sqlError(q, QStringLiteral("append timeline step"));
    if (q.numRowsAffected() != 1)
        return false;
    if (auto s =
            store::KeyEpochs::stamp(db.db(), QStringLiteral("timeline_entries"),
                                    QStringLiteral("id"), *id, m_store.connections().keyEpoch());
        !s)
        return s.error();
    return true;
}

Result<QList<TimelineEntry>, StoreError>
TimelineRepository::forConnection(const QString &connectionId, int latest) const
{
    const auto ref = row(connectionId);
    if (!ref)
        return ref.error();
    QSqlQuery q(m_store.database().db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT at, kind, detail, id FROM timeline_entries WHERE "
                             "connection_ref = ? ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(*ref);
    q.addBindValue(latest > 0 ? QVariant(latest)
                              : store::SqlDialect::noLimit(m_store.database().backend()));
    if (!q.exec())
        return sqlError(q, QStringLiteral("read timeline"));
    QList<TimelineEntry> out;
    while (q.next()) {
        const auto kind = timelineKindFromName(q.value(1).toString());
        if (!kind)
            continue; // a kind a newer AeroDesk wrote: skipped, not an error
        auto detail = m_store.cipher().open(places::kTimelineDetail,
                                            places::eventRowKey(q.value(3).toLongLong()),
                                            q.value(2).toByteArray());
        if (!detail)
            return detail.error();
        out.append(TimelineEntry::fromStored(
            QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC), *kind,
            QJsonDocument::fromJson(detail->rawView()).object()));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

Result<QString, StoreError> TimelineRepository::currentFlow(const QString &connectionId) const
{
    const auto ref = row(connectionId);
    if (!ref)
        return ref.error();
    QSqlQuery q(m_store.database().db());
    q.prepare(QStringLiteral("SELECT correlation FROM timeline_flows WHERE connection_ref = ?"));
    q.addBindValue(*ref);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read timeline flow"));
    if (!q.next())
        return QString();
    return m_store.cipher().openText(places::kTimelineFlow, flowRowKey(*ref),
                                     q.value(0).toByteArray());
}

Status<StoreError> TimelineRepository::setCurrentFlow(const QString &connectionId,
                                                      const QString &correlationId,
                                                      const QDateTime &at)
{
    const auto ref = row(connectionId);
    if (!ref)
        return ref.error();
    auto sealed =
        m_store.cipher().seal(places::kTimelineFlow, flowRowKey(*ref), correlationId.toUtf8());
    if (!sealed)
        return sealed.error();
    QSqlQuery q(m_store.database().db());
    // ON CONFLICT: the same statement on SQLite and PostgreSQL (the row OR REPLACE wrote).
    q.prepare(
        QStringLiteral("INSERT INTO timeline_flows(connection_ref, correlation, started_at)"
                       " VALUES(?,?,?) ON CONFLICT(connection_ref) DO UPDATE SET"
                       " correlation = excluded.correlation, started_at = excluded.started_at"));
    q.addBindValue(*ref);
    q.addBindValue(*sealed);
    q.addBindValue((at.isValid() ? at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    if (!q.exec())
        return sqlError(q, QStringLiteral("set timeline flow"));
    return store::KeyEpochs::stamp(m_store.database().db(), QStringLiteral("timeline_flows"),
                                   QStringLiteral("connection_ref"), *ref,
                                   m_store.connections().keyEpoch());
}

} // namespace aerodesk::timeline
