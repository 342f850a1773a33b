#include "core/store/ConnectionRepository.h"

#include "core/store/ConnectionHistory.h"
#include "core/store/KeyEpochs.h"
#include "core/store/SqlDialect.h"
#include "core/store/SqlFailure.h"
#include "core/store/StorePlaces.h"
#include "core/util/LogCategories.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QThreadPool>
#include <QVariant>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace aerodesk::store {

using connections::Connection;
using connections::ConnectionEvent;

namespace {
using places::kAccountSummary;
using places::kAeroPassUser;
using places::kConnectionDomain;
using places::kConnectionId;
constexpr QStringView kUserDomain = places::kAeroPassUserDomain;

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}
QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}
/// `versioned` (schema v6): a blind upsert (version 0: a row not read from the store, e.g. the
/// API's answer) still counts as an update, so a console holding the old version sees a Conflict.
/// `rows` > 1: one statement inserting that many rows (PostgreSQL's bulk path; the same row
/// must not appear twice in one statement).
QString upsertStatement(bool versioned, bool epochs, int rows = 1)
{
    // v8: key_epoch is set on insert and on update (a rewritten row is in the write epoch).
    const QString values =
        QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?%1)").arg(epochs ? QStringLiteral(",?") : QString());
    QStringList all;
    all.reserve(rows);
    for (int i = 0; i < rows; ++i)
        all << values;
    return QStringLiteral(
               "INSERT INTO connections(connection_index, user_index, connection_id, "
               "aero_pass_user_uuid, "
               "bank_name, status,"
               " connection_expiry, account_summary, last_refresh, created_at, updated_at%1)"
               " VALUES")
               .arg(epochs ? QStringLiteral(", key_epoch") : QString()) +
        all.join(QLatin1Char(',')) +
        QStringLiteral(
               " ON CONFLICT(connection_index) DO UPDATE SET user_index=excluded.user_index,"
               " connection_id=excluded.connection_id, "
               "aero_pass_user_uuid=excluded.aero_pass_user_uuid,"
               " bank_name=excluded.bank_name, status=excluded.status, "
               "connection_expiry=excluded.connection_expiry,"
               " account_summary=excluded.account_summary, last_refresh=excluded.last_refresh, "
               "updated_at=excluded.updated_at") +
        (epochs ? QStringLiteral(", key_epoch = excluded.key_epoch") : QString()) +
        (versioned ? QStringLiteral(", version = connections.version + 1") : QString());
}
const char *kSelectV1 =
    "SELECT connection_id, aero_pass_user_uuid, bank_name, status, connection_expiry, "
    "account_summary, last_refresh, created_at, updated_at, connection_index, 0 FROM connections ";
const char *kSelectV6 =
    "SELECT connection_id, aero_pass_user_uuid, bank_name, status, connection_expiry, "
    "account_summary, last_refresh, created_at, updated_at, connection_index, version FROM "
    "connections ";
} // namespace

ConnectionRepository::ConnectionRepository(Database &db, const FieldCipher &cipher,
                                           const BlindIndex &index)
    : m_db(db)
    , m_cipher(cipher)
    , m_index(index)
{
}

Status<StoreError> ConnectionRepository::announce(StoreChange::Op op, const QByteArray &rowKey)
{
    if (m_db.backend() != StoreBackend::Postgres)
        return {};
    if (op != StoreChange::Op::Upsert) {
        const StoreChange change { QStringLiteral("connections"), rowKey, 0, m_sessionId, op };
        QSqlError why;
        if (!change.send(m_db.db(), &why))
            return SqlFailure::describe(why, QStringLiteral("announce change"));
        return {};
    }
    QSqlQuery q(m_db.db());
    // The version is the server's, read in the same transaction; nothing plain is sent.
    // (Before schema v6 there is no version column: 0.)
    q.prepare(QStringLiteral("SELECT pg_notify(?, json_build_object('t', 'connections', 'i',"
                             " encode(connection_index, 'hex'), 'v', %1, 's', ?::text,"
                             " 'op', 'u')::text) FROM connections WHERE connection_index = ?")
                  .arg(m_versioned ? QStringLiteral("version") : QStringLiteral("0")));
    q.addBindValue(QString::fromLatin1(StoreChange::kChannel));
    q.addBindValue(m_sessionId);
    q.addBindValue(rowKey);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("announce change"));
    return {};
}

Status<StoreError>
ConnectionRepository::inTransaction(const std::function<Status<StoreError>()> &write)
{
    if (m_db.backend() != StoreBackend::Postgres)
        return write();
    if (!m_db.db().isOpen()) // QPSQL closes a connection whose server went away
        return SqlFailure::unreachable(QStringLiteral("begin"));
    if (!m_db.db().transaction())
        return SqlFailure::describe(m_db.db().lastError(), QStringLiteral("begin"),
                                    QStringLiteral("Cannot begin a store transaction."));
    auto s = write();
    if (!s) {
        m_db.db().rollback();
        return s;
    }
    if (!m_db.db().commit()) {
        const QSqlError error = m_db.db().lastError();
        m_db.db().rollback();
        return SqlFailure::describe(error, QStringLiteral("commit"),
                                    QStringLiteral("Cannot commit the store transaction."));
    }
    return {};
}

Result<ConnectionRepository::SealedRow, StoreError>
ConnectionRepository::seal(const Connection &c) const
{
    if (c.connectionId.trimmed().isEmpty())
        return StoreError::make(StoreError::Kind::InvalidInput,
                                QStringLiteral("A connection needs a connectionId."));
    // The row's identity is its blind index: every sealed field of the row is bound to it, so a
    // sealed value moved to another row does not open there.
    const QByteArray rowKey = m_index.index(kConnectionDomain, c.connectionId);
    auto id = m_cipher.seal(kConnectionId, rowKey, BlindIndex::normalise(c.connectionId).toUtf8());
    if (!id)
        return id.error();
    // Braces: with parentheses clang reads these as function declarations (vexing parse).
    QVariant user { QMetaType(QMetaType::QByteArray) };
    QVariant userIndex { QMetaType(QMetaType::QByteArray) };
    if (!c.aeroPassUserUuid.isEmpty()) {
        auto sealed = m_cipher.seal(kAeroPassUser, rowKey, c.aeroPassUserUuid.trimmed().toUtf8());
        if (!sealed)
            return sealed.error();
        user = *sealed;
        userIndex = m_index.index(kUserDomain, c.aeroPassUserUuid);
    }
    QVariant summary { QMetaType(QMetaType::QByteArray) };
    if (!c.accountSummary.isEmpty()) {
        QByteArray json = QJsonDocument(c.accountSummary).toJson(QJsonDocument::Compact);
        auto sealed = m_cipher.seal(kAccountSummary, rowKey, json);
        crypto::secureWipe(json);
        if (!sealed)
            return sealed.error();
        summary = *sealed;
    }
    return SealedRow { rowKey, QVariant(*id), user, userIndex, summary };
}

QVariantList ConnectionRepository::insertBinds(const Connection &c, const SealedRow &row,
                                               qint64 nowMs) const
{
    QVariantList binds { QVariant(row.rowKey), row.userIndex, row.id, row.user,
                         // unknown bank or status: empty, not NULL
                         QVariant(c.bankName.isNull() ? QStringLiteral("") : c.bankName),
                         QVariant(c.status.isNull() ? QStringLiteral("") : c.status),
                         msOrNull(c.connectionExpiry), row.summary, msOrNull(c.lastRefresh),
                         QVariant(c.createdAt.isValid() ? c.createdAt.toMSecsSinceEpoch() : nowMs),
                         QVariant(nowMs) };
    if (m_keyEpoch > 0)
        binds << QVariant(m_keyEpoch);
    return binds;
}

Status<StoreError> ConnectionRepository::upsertOne(const Connection &c, qint64 nowMs, QSqlQuery &q,
                                                   bool announceRow)
{
    auto sealedRow = seal(c);
    if (!sealedRow)
        return sealedRow.error();
    const QByteArray &rowKey = sealedRow->rowKey;
    if (m_versioned && c.version > 0) {
        // Optimistic concurrency: only the version this console read may be replaced.
        QSqlQuery update(m_db.db());
        const QString updateSql = QStringLiteral(
            "UPDATE connections SET user_index = ?, connection_id = ?, aero_pass_user_uuid = ?,"
            " bank_name = ?, status = ?, connection_expiry = ?, account_summary = ?,"
            " last_refresh = ?, updated_at = ?, version = version + 1%1"
            " WHERE %2 AND version = ?");
        // Mid-rotation the row may still be under the old epoch's index: match either, and
        // the row leaves under the write epoch's index and epoch.
        QVariantList matchBinds;
        const QString match = indexMatch(QStringLiteral("connection_index"), kConnectionDomain,
                                         c.connectionId, matchBinds);
        update.prepare(updateSql.arg(m_keyEpoch > 0 ? QStringLiteral(", connection_index = ?, "
                                                                     "key_epoch = ?")
                                                    : QString(),
                                     match));
        QVariantList binds { sealedRow->userIndex,
                             sealedRow->id,
                             sealedRow->user,
                             QVariant(c.bankName.isNull() ? QStringLiteral("") : c.bankName),
                             QVariant(c.status.isNull() ? QStringLiteral("") : c.status),
                             msOrNull(c.connectionExpiry),
                             sealedRow->summary,
                             msOrNull(c.lastRefresh),
                             QVariant(nowMs) };
        if (m_keyEpoch > 0)
            binds << QVariant(rowKey) << QVariant(m_keyEpoch);
        binds << matchBinds << QVariant(c.version);
        for (const QVariant &v : binds)
            update.addBindValue(v);
        if (!update.exec())
            return SqlFailure::ofQuery(update, QStringLiteral("update connection"));
        if (update.numRowsAffected() == 1)
            return announceRow ? announce(StoreChange::Op::Upsert, rowKey) : Status<StoreError> {};
        auto current = get(c.connectionId);
        if (!current)
            return current.error(); // NotFound: removed meanwhile
        qCInfo(aerodesk::log::store)
            << "update conflict: the row is at version" << current->version << "not" << c.version;
        StoreError conflict = StoreError::make(
            StoreError::Kind::Conflict,
            QStringLiteral("Someone else changed this connection meanwhile; nothing was "
                           "overwritten. Review the current values and apply your change again."));
        conflict.current = std::move(current).value();
        return conflict;
    }
    for (const QVariant &v : insertBinds(c, *sealedRow, nowMs))
        q.addBindValue(v);
    if (auto s = relabel(c.connectionId, rowKey); !s)
        return s;
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("upsert connection"));
    return announceRow ? announce(StoreChange::Op::Upsert, rowKey) : Status<StoreError> {};
}

QString ConnectionRepository::indexMatch(const QString &column, QStringView domain,
                                         const QString &value, QVariantList &binds) const
{
    const QList<QByteArray> all = m_index.indexes(domain, value);
    QStringList marks;
    for (const QByteArray &h : all) {
        binds << QVariant(h);
        marks << QStringLiteral("?");
    }
    return column + QStringLiteral(" IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
}

Status<StoreError> ConnectionRepository::relabel(const QString &connectionId,
                                                 const QByteArray &rowKey)
{
    if (!m_index.hasOthers())
        return {};
    // Only the index moves here; the upsert that follows (same transaction) re-seals every
    // field under the new index and sets key_epoch.
    const QList<QByteArray> all = m_index.indexes(kConnectionDomain, connectionId);
    QSqlQuery q(m_db.db());
    q.prepare(
        QStringLiteral("UPDATE connections SET connection_index = ? WHERE connection_index = ?"));
    for (qsizetype i = 1; i < all.size(); ++i) {
        q.addBindValue(rowKey);
        q.addBindValue(all.at(i));
        if (!q.exec())
            return SqlFailure::ofQuery(q, QStringLiteral("relabel connection"));
    }
    return {};
}

Status<StoreError> ConnectionRepository::upsert(const Connection &connection)
{
    if (m_index.hasOthers())
        return upsertMany({ connection }); // relabel + upsert in one transaction
    return inTransaction([&]() -> Status<StoreError> {
        if (auto s = KeyEpochs::fence(m_db.db(), m_keyEpoch); !s)
            return s;
        QSqlQuery q(m_db.db());
        if (!q.prepare(upsertStatement(m_versioned, m_keyEpoch > 0)))
            return SqlFailure::ofQuery(q, QStringLiteral("upsert connection"));
        return upsertOne(connection, QDateTime::currentMSecsSinceEpoch(), q, true);
    });
}

Status<StoreError> ConnectionRepository::upsertMany(const QList<Connection> &list)
{
    if (!m_db.db().transaction())
        return SqlFailure::describe(m_db.db().lastError(), QStringLiteral("begin"),
                                    QStringLiteral("Cannot begin a store transaction."));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // One prepared statement for every row: on PostgreSQL a prepare is a round trip of its own.
    QSqlQuery q(m_db.db());
    if (!q.prepare(upsertStatement(m_versioned, m_keyEpoch > 0))) {
        auto error = SqlFailure::ofQuery(q, QStringLiteral("upsert connections"));
        m_db.db().rollback();
        return error;
    }
    if (auto s = m_db.backend() == StoreBackend::Postgres && !m_index.hasOthers()
            ? upsertBulk(list, now, q)
            : upsertEach(list, now, q);
        !s) {
        m_db.db().rollback();
        return s;
    }
    // The key epoch fence last, before COMMIT: on SQLite a read first would make this deferred
    // transaction's later write fail at once ("database is locked") instead of waiting.
    if (auto s = KeyEpochs::fence(m_db.db(), m_keyEpoch); !s) {
        m_db.db().rollback();
        return s;
    }
    // One announcement for the batch: the listeners re-read in the background.
    if (auto s = list.isEmpty() ? Status<StoreError> {} : announce(StoreChange::Op::Many, {}); !s) {
        m_db.db().rollback();
        return s;
    }
    if (!m_db.db().commit()) {
        // A full or read-only disk shows here: the WAL is written at COMMIT.
        const QSqlError error = m_db.db().lastError();
        m_db.db().rollback();
        return SqlFailure::describe(error, QStringLiteral("commit"),
                                    QStringLiteral("Cannot commit the store transaction."));
    }
    return {};
}

Status<StoreError> ConnectionRepository::upsertEach(const QList<Connection> &list, qint64 nowMs,
                                                    QSqlQuery &q)
{
    for (const Connection &c : list) {
        if (auto s = upsertOne(c, nowMs, q, false); !s)
            return s;
    }
    return {};
}

Status<StoreError> ConnectionRepository::upsertBulk(const QList<Connection> &list, qint64 nowMs,
                                                    QSqlQuery &single)
{
    // PostgreSQL: each statement is a round trip, so blind upserts (version 0, not mid-rotation)
    // go kBulkRows to a statement. A row read from the store (version > 0) keeps its own
    // optimistic update, and a connection seen twice ends the statement first (ON CONFLICT may
    // not touch a row twice in one statement), so the outcome is that of one upsert per row.
    constexpr int kBulkRows = 500;
    QSqlQuery full(m_db.db());
    bool fullPrepared = false;
    QVariantList binds;
    QSet<QByteArray> pendingKeys;
    int pending = 0;
    const auto flush = [&]() -> Status<StoreError> {
        if (pending == 0)
            return {};
        QSqlQuery partial(m_db.db());
        QSqlQuery &q = pending == kBulkRows ? full : partial;
        if (pending < kBulkRows || !fullPrepared) {
            if (!q.prepare(upsertStatement(m_versioned, m_keyEpoch > 0, pending)))
                return SqlFailure::ofQuery(q, QStringLiteral("upsert connections"));
            fullPrepared = fullPrepared || pending == kBulkRows;
        }
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec())
            return SqlFailure::ofQuery(q, QStringLiteral("upsert connections"));
        binds.clear();
        pendingKeys.clear();
        pending = 0;
        return {};
    };
    for (const Connection &c : list) {
        if (m_versioned && c.version > 0) {
            if (auto s = flush(); !s)
                return s;
            if (auto s = upsertOne(c, nowMs, single, false); !s)
                return s;
            continue;
        }
        auto row = seal(c);
        if (!row)
            return row.error();
        if (pendingKeys.contains(row->rowKey)) {
            if (auto s = flush(); !s)
                return s;
        }
        pendingKeys.insert(row->rowKey);
        binds << insertBinds(c, *row, nowMs);
        if (++pending == kBulkRows) {
            if (auto s = flush(); !s)
                return s;
        }
    }
    return flush();
}

namespace {
/// The largest page a team store's scan fetches (scanWithCursor).
constexpr int kCursorPage = 2000;

/// One row's columns as the driver gave them (kSelectV1/V6 order), before any decryption.
using RawRow = std::array<QVariant, 11>;

RawRow rawRow(const QSqlQuery &q)
{
    RawRow raw;
    for (int i = 0; i < int(raw.size()); ++i)
        raw[std::size_t(i)] = q.value(i);
    return raw;
}

Result<Connection, StoreError> decodeRow(const RawRow &raw, const FieldCipher &cipher)
{
    Connection c;
    const QByteArray rowKey = raw[9].toByteArray();
    auto id = cipher.openText(kConnectionId, rowKey, raw[0].toByteArray());
    if (!id)
        return id.error();
    c.connectionId = *id;
    if (!raw[1].isNull()) {
        auto user = cipher.openText(kAeroPassUser, rowKey, raw[1].toByteArray());
        if (!user)
            return user.error();
        c.aeroPassUserUuid = *user;
    }
    c.bankName = raw[2].toString();
    c.status = raw[3].toString();
    c.connectionExpiry = fromMs(raw[4]);
    if (!raw[5].isNull()) {
        auto summary = cipher.open(kAccountSummary, rowKey, raw[5].toByteArray());
        if (!summary)
            return summary.error();
        c.accountSummary = QJsonDocument::fromJson(summary->rawView()).object();
    }
    c.lastRefresh = fromMs(raw[6]);
    c.createdAt = fromMs(raw[7]);
    c.updatedAt = fromMs(raw[8]);
    c.version = raw[10].toLongLong();
    return c;
}

Result<Connection, StoreError> readRow(const QSqlQuery &q, const FieldCipher &cipher)
{
    return decodeRow(rawRow(q), cipher);
}

/// A fetched page decrypted into connections (on the scan's decrypting thread).
Result<QList<Connection>, StoreError> decodePage(const std::vector<RawRow> &page,
                                                 const FieldCipher &cipher)
{
    QList<Connection> batch;
    batch.reserve(qsizetype(page.size()));
    for (const RawRow &raw : page) {
        auto c = decodeRow(raw, cipher);
        if (!c)
            return c.error();
        batch.append(std::move(c).value());
    }
    return batch;
}
} // namespace

Result<Connection, StoreError> ConnectionRepository::get(const QString &connectionId) const
{
    QSqlQuery q(m_db.db());
    QVariantList binds;
    q.prepare(
        QString::fromLatin1(m_versioned ? kSelectV6 : kSelectV1) + QStringLiteral("WHERE ") +
        indexMatch(QStringLiteral("connection_index"), kConnectionDomain, connectionId, binds));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("get connection"));
    if (!q.next())
        return StoreError::make(StoreError::Kind::NotFound,
                                QStringLiteral("That connection is not in the store."));
    return readRow(q, m_cipher);
}

Result<Connection, StoreError> ConnectionRepository::getByIndex(const QByteArray &rowIndex) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QString::fromLatin1(m_versioned ? kSelectV6 : kSelectV1) +
              QStringLiteral("WHERE connection_index = ?"));
    q.addBindValue(rowIndex);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("get connection"));
    if (!q.next())
        return StoreError::make(StoreError::Kind::NotFound,
                                QStringLiteral("That connection is not in the store."));
    return readRow(q, m_cipher);
}

bool ConnectionRepository::contains(const QString &connectionId) const
{
    return rowId(connectionId).has_value();
}

std::optional<qint64> ConnectionRepository::rowId(const QString &connectionId) const
{
    const auto row = rowOf(connectionId);
    return row ? std::optional<qint64>(*row) : std::nullopt;
}

Result<qint64, StoreError> ConnectionRepository::rowOf(const QString &connectionId) const
{
    QSqlQuery q(m_db.db());
    QVariantList binds;
    q.prepare(
        QStringLiteral("SELECT id FROM connections WHERE ") +
        indexMatch(QStringLiteral("connection_index"), kConnectionDomain, connectionId, binds));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("find connection"));
    if (!q.next())
        return StoreError::make(StoreError::Kind::NotFound,
                                QStringLiteral("That connection is not in the store."));
    return q.value(0).toLongLong();
}

Result<QList<Connection>, StoreError> ConnectionRepository::listAll() const
{
    QList<Connection> out;
    out.reserve(int(count()));
    auto scanned = scan({}, 4096, [&out](QList<Connection> &&batch) {
        out.append(std::move(batch));
        return true;
    });
    if (!scanned)
        return scanned.error();
    return out;
}

Status<StoreError> ConnectionRepository::scan(const ConnectionQuery &query, int batchSize,
                                              const BatchSink &sink, int firstBatchSize) const
{
    if (batchSize < 1)
        return StoreError::make(StoreError::Kind::InvalidInput,
                                QStringLiteral("A batch needs at least one row."));
    QStringList where;
    QVariantList binds;
    if (!query.status.isEmpty()) {
        where << QStringLiteral("status = ?");
        binds << query.status;
    }
    if (!query.bankName.isEmpty()) {
        where << QStringLiteral("bank_name = ?");
        binds << query.bankName;
    }
    if (query.expiresBefore.isValid()) {
        where << QStringLiteral("connection_expiry IS NOT NULL AND connection_expiry < ?");
        binds << query.expiresBefore.toMSecsSinceEpoch();
    }
    QString sql = QString::fromLatin1(m_versioned ? kSelectV6 : kSelectV1);
    if (!where.isEmpty())
        sql += QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) + QLatin1Char(' ');
    sql += query.order == ConnectionQuery::Order::Stored
        ? QStringLiteral("ORDER BY id LIMIT ? OFFSET ?")
        : QStringLiteral(
              "ORDER BY connection_expiry IS NULL, connection_expiry, id LIMIT ? OFFSET ?");
    binds << (query.limit < 0 ? SqlDialect::noLimit(m_db.backend()) : QVariant(query.limit))
          << std::max<qint64>(0, query.offset);

    if (m_db.backend() == StoreBackend::Postgres) {
        // DECLARE cannot be PREPAREd (QPSQL's bind values): the values go in as literals,
        // quoted by the driver (strings escaped, NULL for no limit).
        QSqlDriver *driver = m_db.db().driver();
        QString inlined;
        qsizetype next = 0;
        for (const QVariant &v : std::as_const(binds)) {
            const qsizetype mark = sql.indexOf(QLatin1Char('?'), next);
            if (mark < 0)
                break;
            QSqlField field(QString(), v.metaType());
            field.setValue(v);
            inlined += QStringView(sql).mid(next, mark - next);
            inlined += driver->formatValue(field);
            next = mark + 1;
        }
        inlined += QStringView(sql).mid(next);
        return scanWithCursor(inlined, batchSize, sink, firstBatchSize);
    }
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return SqlFailure::ofQuery(q, QStringLiteral("list connections"));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("list connections"));
    qsizetype flushAt = firstBatchSize > 0 ? std::min(firstBatchSize, batchSize) : batchSize;
    QList<Connection> batch;
    batch.reserve(flushAt);
    while (q.next()) {
        auto c = readRow(q, m_cipher);
        if (!c)
            return c.error();
        batch.append(std::move(c).value());
        if (batch.size() == flushAt) {
            if (!sink(std::exchange(batch, {})))
                return {};
            flushAt = batchSize;
            batch.reserve(batchSize);
        }
    }
    if (q.lastError().isValid())
        return SqlFailure::ofQuery(q, QStringLiteral("list connections"));
    if (!batch.isEmpty())
        sink(std::move(batch));
    return {};
}

Status<StoreError> ConnectionRepository::scanWithCursor(const QString &sql, int batchSize,
                                                        const BatchSink &sink,
                                                        int firstBatchSize) const
{
    QSqlDatabase db = m_db.db();
    QSqlQuery q(db);
    const QString what = QStringLiteral("list connections");
    if (!q.exec(QStringLiteral("BEGIN")))
        return SqlFailure::ofQuery(q, what);
    const auto end = [&db] { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); };
    if (!q.exec(QStringLiteral("DECLARE aerodesk_scan NO SCROLL CURSOR FOR ") + sql)) {
        auto error = SqlFailure::ofQuery(q, what);
        end();
        return error;
    }
    // A pipeline of two: while one page is decrypted on a thread of its own, the server already
    // produces the next (the next FETCH). Done one after the other, the server and this thread
    // each waited for the other (docs/performance.md, "The 100k-row list from a team store").
    // At most one page is being decrypted; pages reach the sink in order, from this thread.
    QThreadPool decrypter;
    decrypter.setMaxThreadCount(1);
    std::optional<QFuture<Result<QList<Connection>, StoreError>>> decrypting;
    // The page being decrypted, handed to the sink; false when the scan is to end (an error in
    // `failure`, or the reader stopped it: a success).
    Status<StoreError> failure;
    const auto deliver = [&]() -> bool {
        if (!decrypting)
            return true;
        auto page = decrypting->result(); // waits for it
        decrypting.reset();
        if (!page) {
            failure = page.error();
            return false;
        }
        return page->isEmpty() || sink(std::move(page).value());
    };
    // Pages of at most kCursorPage rows: two are in memory at once (one fetched, one being
    // decrypted), and smaller pages keep that pair, and the first wait, small.
    batchSize = std::min(batchSize, kCursorPage);
    int size = firstBatchSize > 0 ? std::min(firstBatchSize, batchSize) : batchSize;
    bool complete = false; // every page fetched without an error; the last one is decrypting
    for (;;) {
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("FETCH FORWARD %1 FROM aerodesk_scan").arg(size))) {
            failure = SqlFailure::ofQuery(q, what);
            break;
        }
        std::vector<RawRow> page;
        page.reserve(std::size_t(size));
        while (q.next())
            page.push_back(rawRow(q));
        if (q.lastError().isValid()) {
            failure = SqlFailure::ofQuery(q, what);
            break;
        }
        const bool last = int(page.size()) < size;
        if (!deliver())
            break;
        const FieldCipher &cipher = m_cipher;
        decrypting = QtConcurrent::run(
            &decrypter, [page = std::move(page), &cipher] { return decodePage(page, cipher); });
        if (last) {
            complete = true;
            break;
        }
        size = batchSize;
    }
    if (complete)
        deliver();
    // After an error or a stop the page still decrypting (if any) is not delivered, but it
    // reads the cipher: it must end before this returns.
    decrypter.waitForDone();
    q.finish();
    end(); // a read: nothing to commit; closes the cursor
    return failure;
}

Result<QList<Connection>, StoreError>
ConnectionRepository::findByAeroPassUser(const QString &uuid) const
{
    QSqlQuery q(m_db.db());
    QVariantList binds;
    q.prepare(QString::fromLatin1(m_versioned ? kSelectV6 : kSelectV1) + QStringLiteral("WHERE ") +
              indexMatch(QStringLiteral("user_index"), kUserDomain, uuid, binds) +
              QStringLiteral(" ORDER BY id"));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("find by aeroPassUserUuid"));
    QList<Connection> out;
    while (q.next()) {
        auto c = readRow(q, m_cipher);
        if (!c)
            return c.error();
        out.append(std::move(c).value());
    }
    return out;
}

qint64 ConnectionRepository::count() const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM connections")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Status<StoreError> ConnectionRepository::remove(const QString &connectionId)
{
    if (!m_cipher.writable()) // a console holding only a retired key changes nothing
        return m_cipher.seal(kConnectionId, "-", "-").error();
    return inTransaction([&]() -> Status<StoreError> {
        QSqlQuery q(m_db.db());
        QVariantList binds;
        q.prepare(
            QStringLiteral("DELETE FROM connections WHERE ") +
            indexMatch(QStringLiteral("connection_index"), kConnectionDomain, connectionId, binds));
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec())
            return SqlFailure::ofQuery(q, QStringLiteral("remove connection"));
        if (q.numRowsAffected() == 0)
            return StoreError::make(StoreError::Kind::NotFound,
                                    QStringLiteral("That connection is not in the store."));
        return announce(StoreChange::Op::Remove, m_index.index(kConnectionDomain, connectionId));
    });
}

Status<StoreError> ConnectionRepository::addEvent(const QString &connectionId,
                                                  const ConnectionEvent &event)
{
    auto recorded = ConnectionHistory(*this, m_db, m_cipher, m_index).record(connectionId, event);
    if (!recorded)
        return recorded.error();
    return {};
}

Result<QList<ConnectionEvent>, StoreError>
ConnectionRepository::events(const QString &connectionId) const
{
    return ConnectionHistory(*this, m_db, m_cipher, m_index).forConnection(connectionId);
}

} // namespace aerodesk::store
