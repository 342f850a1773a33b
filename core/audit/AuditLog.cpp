#include "core/audit/AuditLog.h"

#include "core/audit/AuditChain.h"
#include "core/audit/AuditVerifier.h"
#include "core/store/KeyEpochs.h"
#include "core/store/SqlDialect.h"
#include "core/store/SqlFailure.h"
#include "core/store/Store.h"
#include "core/store/StoreChange.h"
#include "core/store/StorePlaces.h"
#include "core/util/LogCategories.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace aerodesk::audit {

using store::StoreError;

namespace {
StoreError sqlError(const QSqlQuery &q, const QString &what)
{
    qCWarning(aerodesk::log::store).noquote()
        << QStringLiteral("audit log query failed (%1): %2").arg(what, q.lastError().text());
    return StoreError::make(
        StoreError::Kind::Sql,
        QStringLiteral("Audit log query failed (%1): %2").arg(what, q.lastError().text()));
}

const QString kColumns = QStringLiteral(
    "seq, at_ms, os_user, profile, action, object, connection_ref, outcome, reason, prev_hash, "
    "hash");

/// CSV cell: quoted, quotes doubled; a leading = + - @ (spreadsheet formula) is neutralised.
QByteArray cell(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + v.toUtf8() + '"';
}
} // namespace

AuditLog::AuditLog(store::Store &store)
    : m_store(store)
{
    // Two processes append to one chain: the second waits for the first's transaction
    // (SQLite: the busy timeout; PostgreSQL: the advisory lock in append() simply waits).
    if (m_store.database().backend() == store::StoreBackend::Sqlite) {
        QSqlQuery q(m_store.database().db());
        q.exec(QStringLiteral("PRAGMA busy_timeout = 10000"));
    }
}

QByteArray AuditLog::connectionRef(const QString &connectionId) const
{
    if (connectionId.trimmed().isEmpty())
        return {};
    return m_store.blindIndex().index(store::places::kConnectionDomain, connectionId);
}

Result<AuditRecord, StoreError> AuditLog::append(const AuditEntry &entry, qint64 atMs,
                                                 const QString &osUser, const QString &profile)
{
    QSqlDatabase &db = m_store.database().db();
    const store::StoreBackend backend = m_store.database().backend();
    QSqlQuery q(db);
    if (!q.exec(store::SqlDialect::beginWrite(backend)))
        return sqlError(q, QStringLiteral("begin audit append"));
    const auto rollback = [&db] { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); };
    // PostgreSQL: one chain per team store however many consoles append at once — each append
    // holds the chain's advisory lock from reading the head to its COMMIT.
    if (backend == store::StoreBackend::Postgres &&
        !q.exec(store::SqlDialect::lock(backend, QStringLiteral("audit_log")))) {
        auto e = sqlError(q, QStringLiteral("lock audit chain"));
        rollback();
        return e;
    }
    if (auto fenced = store::KeyEpochs::fence(db, m_store.connections().keyEpoch()); !fenced) {
        rollback();
        return fenced.error();
    }

    AuditRecord r;
    r.seq = 1;
    QByteArray prev = AuditChain::genesis();
    if (!q.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))) {
        auto e = sqlError(q, QStringLiteral("audit head"));
        rollback();
        return e;
    }
    if (q.next()) {
        r.seq = q.value(0).toLongLong() + 1;
        prev = q.value(1).toByteArray();
    }
    q.finish();
    r.atMs = atMs;
    r.osUser = osUser;
    r.profile = profile;
    r.action = entry.action;
    r.object = entry.object;
    r.connectionRef = connectionRef(entry.connectionId);
    r.outcome = entry.outcome;
    r.reason = entry.reason;
    AuditChain::link(r, prev);

    const auto object = m_store.cipher().seal(kObjectPlace, r.hash, r.object.toUtf8());
    const auto reason = m_store.cipher().seal(kReasonPlace, r.hash, r.reason.toUtf8());
    if (!object || !reason) {
        rollback();
        return object ? reason.error() : object.error();
    }
    // Schema v8: the key epoch in the INSERT itself (an agent may not UPDATE audit_log).
    const int epoch = m_store.connections().keyEpoch();
    q.prepare(QStringLiteral("INSERT INTO audit_log(%1%2) VALUES(?,?,?,?,?,?,?,?,?,?,?%3)")
                  .arg(kColumns, epoch > 0 ? QStringLiteral(", key_epoch") : QString(),
                       epoch > 0 ? QStringLiteral(",?") : QString()));
    q.addBindValue(r.seq);
    q.addBindValue(r.atMs);
    // A null QString binds as SQL NULL: empty text is stored as '' (the hash is the same).
    const auto text = [](const QString &v) { return v.isNull() ? QStringLiteral("") : v; };
    q.addBindValue(text(r.osUser));
    q.addBindValue(text(r.profile));
    q.addBindValue(AuditActions::name(r.action));
    q.addBindValue(object.value());
    q.addBindValue(r.connectionRef.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                             : QVariant(r.connectionRef));
    q.addBindValue(AuditOutcomes::name(r.outcome));
    q.addBindValue(reason.value());
    q.addBindValue(r.prevHash);
    q.addBindValue(r.hash);
    if (epoch > 0)
        q.addBindValue(epoch);
    if (!q.exec()) {
        auto e = sqlError(q, QStringLiteral("audit append"));
        rollback();
        return e;
    }
    // A record about a connection: other consoles showing it read its timeline again
    // (docs/team.md, "Live updates"). Its blind index only, delivered at COMMIT. A failed
    // statement aborts PostgreSQL's transaction (its COMMIT would silently roll back): say so.
    if (!r.connectionRef.isEmpty()) {
        const store::StoreChange change { QStringLiteral("audit_log"), r.connectionRef, 0,
                                          m_store.sessionId(), store::StoreChange::Op::Upsert };
        QSqlError why;
        if (!change.send(db, &why)) {
            auto e = store::SqlFailure::describe(why, QStringLiteral("announce audit record"));
            rollback();
            return e;
        }
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        auto e = sqlError(q, QStringLiteral("commit audit append"));
        rollback();
        return e;
    }
    qCDebug(aerodesk::log::store).noquote()
        << "audit record" << r.seq << AuditActions::name(r.action)
        << AuditOutcomes::name(r.outcome);
    return r;
}

Result<QList<AuditRecord>, StoreError> AuditLog::read(const AuditFilter &filter) const
{
    QStringList where;
    QVariantList binds;
    if (filter.action) {
        where << QStringLiteral("action = ?");
        binds << AuditActions::name(*filter.action);
    }
    if (filter.from.isValid()) {
        where << QStringLiteral("at_ms >= ?");
        binds << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        where << QStringLiteral("at_ms <= ?");
        binds << filter.to.toMSecsSinceEpoch();
    }
    if (!filter.connectionRef.isEmpty()) {
        where << QStringLiteral("connection_ref = ?");
        binds << filter.connectionRef;
    }
    QSqlQuery q(m_store.database().db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM audit_log%2 ORDER BY seq")
                  .arg(kColumns,
                       where.isEmpty()
                           ? QString()
                           : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(q, QStringLiteral("audit read"));
    QList<AuditRecord> out;
    const store::FieldCipher &cipher = m_store.cipher();
    while (q.next()) {
        AuditRecord r;
        r.seq = q.value(0).toLongLong();
        r.atMs = q.value(1).toLongLong();
        r.osUser = q.value(2).toString();
        r.profile = q.value(3).toString();
        const auto action = AuditActions::fromName(q.value(4).toString());
        const auto outcome = AuditOutcomes::fromName(q.value(7).toString());
        r.connectionRef = q.value(6).toByteArray();
        r.prevHash = q.value(9).toByteArray();
        r.hash = q.value(10).toByteArray();
        const auto object = cipher.openText(kObjectPlace, r.hash, q.value(5).toByteArray());
        const auto reason = cipher.openText(kReasonPlace, r.hash, q.value(8).toByteArray());
        r.intact = action && outcome && object && reason;
        if (action)
            r.action = *action;
        if (outcome)
            r.outcome = *outcome;
        if (object)
            r.object = object.value();
        if (reason)
            r.reason = reason.value();
        if (!filter.objectContains.isEmpty() &&
            !r.object.contains(filter.objectContains, Qt::CaseInsensitive) &&
            !r.reason.contains(filter.objectContains, Qt::CaseInsensitive))
            continue;
        out << r;
    }
    return out;
}

Result<QList<AuditRecord>, StoreError> AuditLog::forConnection(const QString &connectionId) const
{
    if (connectionId.trimmed().isEmpty())
        return StoreError::make(StoreError::Kind::InvalidInput,
                                QStringLiteral("A connection id is needed."));
    AuditFilter filter;
    filter.connectionRef = connectionRef(connectionId);
    return read(filter);
}

Result<AuditHead, StoreError> AuditLog::head() const
{
    QSqlQuery q(m_store.database().db());
    if (!q.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")))
        return sqlError(q, QStringLiteral("audit head"));
    if (!q.next())
        return AuditHead { 0, AuditChain::genesis() };
    return AuditHead { q.value(0).toLongLong(), q.value(1).toByteArray() };
}

AuditVerification AuditLog::verify(const std::optional<AuditHead> &keychainHead) const
{
    const auto all = read();
    if (!all) {
        AuditVerification v;
        v.problem = AuditVerification::Problem::Unreadable;
        v.message = all.error().message;
        return v;
    }
    return AuditVerifier::verify(all.value(), keychainHead);
}

QByteArray AuditLog::toCsv(const QList<AuditRecord> &records)
{
    QByteArray out("seq,time,osUser,profile,action,object,outcome,reason,hash\r\n");
    for (const AuditRecord &r : records) {
        const QStringList cells {
            QString::number(r.seq),
            QDateTime::fromMSecsSinceEpoch(r.atMs, Qt::UTC).toString(Qt::ISODateWithMs),
            r.osUser,
            r.profile,
            AuditActions::name(r.action),
            r.object,
            AuditOutcomes::name(r.outcome),
            r.reason,
            QString::fromLatin1(r.hash.toHex()),
        };
        QByteArrayList line;
        for (const QString &c : cells)
            line << cell(c);
        out += line.join(',') + "\r\n";
    }
    return out;
}

} // namespace aerodesk::audit
