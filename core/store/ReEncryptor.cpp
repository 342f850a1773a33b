#include "core/store/ReEncryptor.h"

#include "core/store/KeyEpochs.h"
#include "core/store/PartnerUserRepository.h"
#include "core/store/SqlDialect.h"
#include "core/store/SqlFailure.h"
#include "core/store/Store.h"
#include "core/store/StorePlaces.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <optional>
#include <vector>

namespace aerodesk::store {

struct ReEncryptor::Table
{
    QString name;
    QString idColumn;
    /// The column whose bytes bind the sealed fields (empty: the row id as text).
    QString rowKeyColumn;
    QList<std::pair<QString, QString>> fields; ///< column, FieldCipher place
    bool connections = false; ///< blind indexes too (connections only)
    bool partnerUsers = false; ///< whole rows by PartnerUserRepository::reseal (indexes too)
};

namespace {

const QList<ReEncryptor::Table> &rotationTables()
{
    // The audit places are AuditLog::kObjectPlace / kReasonPlace; the record's hash is over
    // the plaintext, so re-sealing leaves the chain (and the keychain head) valid.
    static const QList<ReEncryptor::Table> tables {
        { QStringLiteral("connections"),
          QStringLiteral("id"),
          QStringLiteral("connection_index"),
          { { QStringLiteral("connection_id"), places::kConnectionId },
            { QStringLiteral("aero_pass_user_uuid"), places::kAeroPassUser },
            { QStringLiteral("account_summary"), places::kAccountSummary } },
          true },
        { QStringLiteral("connection_events"),
          QStringLiteral("id"),
          QString(),
          { { QStringLiteral("detail"), places::kEventDetail } },
          false },
        { QStringLiteral("timeline_entries"),
          QStringLiteral("id"),
          QString(),
          { { QStringLiteral("detail"), places::kTimelineDetail } },
          false },
        { QStringLiteral("timeline_flows"),
          QStringLiteral("connection_ref"),
          QString(),
          { { QStringLiteral("correlation"), places::kTimelineFlow } },
          false },
        { QStringLiteral("audit_log"),
          QStringLiteral("seq"),
          QStringLiteral("hash"),
          { { QStringLiteral("object"), QStringLiteral("audit_log.object") },
            { QStringLiteral("reason"), QStringLiteral("audit_log.reason") } },
          false },
        // Last, so a cursor committed before schema v9 keeps its meaning. The scope is sealed
        // in the row (v9): both blind indexes are recomputed from it and the user id.
        { QStringLiteral("partner_users"), QStringLiteral("id"), QString(), {}, false, true },
    };
    return tables;
}

QString rotationText(const char *text)
{
    return QCoreApplication::translate("aerodesk::store::ReEncryptor", text);
}

} // namespace

ReEncryptor::ReEncryptor(Store &store, QString holder, int batchSize)
    : m_store(store)
    , m_holder(std::move(holder))
    , m_batchSize(std::max(1, batchSize))
{
}

Result<ReEncryptor::Step, StoreError> ReEncryptor::step()
{
    QSqlDatabase &db = m_store.database().db();
    const StoreBackend backend = m_store.database().backend();
    QSqlQuery q(db);
    if (!q.exec(SqlDialect::beginWrite(backend)))
        return SqlFailure::ofQuery(q, QStringLiteral("begin re-encryption batch"));
    const auto rollback = [&db] { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); };
    const auto fail = [&](StoreError e) {
        rollback();
        return e;
    };
    // PostgreSQL: one driver at a time reads and writes the plan (the lease decides who).
    if (backend == StoreBackend::Postgres &&
        !q.exec(SqlDialect::lock(backend, QStringLiteral("rotation"))))
        return fail(SqlFailure::ofQuery(q, QStringLiteral("lock the rotation")));
    auto loaded = KeyEpochs::loadPlan(db);
    if (!loaded)
        return fail(loaded.error());
    Step out;
    out.plan = std::move(loaded).value();
    team::RotationPlan &plan = out.plan;
    if (plan.phase() != team::RotationPlan::Phase::ReEncrypting) {
        rollback();
        out.outcome = plan.phase() == team::RotationPlan::Phase::Finished
            ? Step::Outcome::Finished
            : Step::Outcome::NotRotating;
        return out;
    }
    if (!plan.takeLease(m_holder, QDateTime::currentDateTimeUtc())) {
        rollback();
        out.outcome = Step::Outcome::LeaseHeld;
        return out;
    }
    const int from = plan.current().number;
    const int to = plan.next().number;
    if (m_store.rotationPlan().phase() != team::RotationPlan::Phase::ReEncrypting ||
        m_store.cipher().epoch() != to) {
        if (auto s = m_store.refreshKeys(); !s)
            return fail(s.error());
    }
    if (!m_store.epochKeys().count(from) || !m_store.epochKeys().count(to) ||
        m_store.cipher().epoch() != to || !m_store.writable())
        return fail(StoreError::make(
            StoreError::Kind::ReadOnly,
            rotationText("Re-encryption needs both the old and the new team key on this "
                         "console.")));

    const QList<Table> &tables = rotationTables();
    const qint64 mask = (qint64(1) << kTableShift) - 1;
    qsizetype t = qsizetype(plan.cursor() >> kTableShift);
    qint64 after = plan.cursor() & mask;
    for (; t < tables.size(); ++t, after = 0) {
        qint64 lastId = 0;
        auto rows = rewrite(tables.at(t), from, to, after, lastId);
        if (!rows)
            return fail(rows.error());
        if (lastId == 0)
            continue; // nothing of the old epoch after the cursor in this table
        if (auto s = plan.recordBatch((qint64(t) << kTableShift) | lastId, *rows); !s)
            return fail(StoreError::make(StoreError::Kind::InvalidInput, s.error().message));
        out.rows = *rows;
        break;
    }
    if (t >= tables.size()) {
        // The end of a pass: Finished only when nothing of the old epoch is left anywhere.
        // PostgreSQL: the key epoch fence taken exclusively first (KeyEpochs::fence), so the
        // count below sees every row a writer committed under the old epoch, and no such writer
        // commits between the count and the retirement; writers wait only for this one step.
        if (backend == StoreBackend::Postgres &&
            !q.exec(SqlDialect::lock(backend, KeyEpochs::fenceScope())))
            return fail(SqlFailure::ofQuery(q, QStringLiteral("take the key epoch fence")));
        auto left = remaining(from);
        if (!left)
            return fail(left.error());
        auto finished = plan.finish(*left);
        if (!finished)
            return fail(StoreError::make(StoreError::Kind::InvalidInput, finished.error().message));
        out.outcome = *finished ? Step::Outcome::Finished : Step::Outcome::NewPass;
        if (*finished) {
            if (auto s = KeyEpochs::retireEpoch(db, from); !s)
                return fail(s.error());
            if (auto s = KeyEpochs::announceKeys(db, m_store.connections().sessionId()); !s)
                return fail(s.error());
        }
    }
    if (auto s = KeyEpochs::savePlan(db, plan); !s)
        return fail(s.error());
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(SqlFailure::ofQuery(q, QStringLiteral("commit a re-encryption batch")));
    if (out.outcome == Step::Outcome::Finished)
        qCInfo(aerodesk::log::store) << "key rotation finished: epoch" << to << "is the only one";
    return out;
}

Result<int, StoreError> ReEncryptor::rewrite(const Table &table, int from, int to, qint64 after,
                                             qint64 &lastId)
{
    QSqlDatabase &db = m_store.database().db();
    QStringList columns { table.idColumn };
    if (!table.rowKeyColumn.isEmpty())
        columns << table.rowKeyColumn;
    for (const auto &[column, place] : table.fields)
        columns << column;
    QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE key_epoch = ? AND %3 > ? ORDER BY %3 "
                                 "LIMIT ?")
                      .arg(columns.join(QStringLiteral(", ")), table.name, table.idColumn);
    // A row a user is editing right now is skipped, not waited for; a later pass takes it.
    if (m_store.database().backend() == StoreBackend::Postgres)
        sql += QStringLiteral(" FOR UPDATE SKIP LOCKED");
    QSqlQuery select(db);
    select.prepare(sql);
    select.addBindValue(from);
    select.addBindValue(after);
    select.addBindValue(m_batchSize);
    if (!select.exec())
        return SqlFailure::ofQuery(select, QStringLiteral("select rows to re-encrypt"));
    // Read the page whole: QPSQL drops a forward-only result when another statement runs.
    QList<QVariantList> rows;
    while (select.next()) {
        QVariantList row;
        for (int i = 0; i < columns.size(); ++i)
            row << select.value(i);
        rows << row;
    }
    select.finish();

    const FieldCipher &cipher = m_store.cipher();
    const BlindIndex &index = m_store.blindIndex();
    if (table.partnerUsers) {
        int resealed = 0;
        for (const QVariantList &row : rows) {
            lastId = row.at(0).toLongLong();
            auto done = PartnerUserRepository::reseal(db, cipher, index, lastId, from);
            if (!done)
                return done.error();
            resealed += *done ? 1 : 0;
        }
        return resealed;
    }
    QStringList sets;
    for (const auto &[column, place] : table.fields)
        sets << column + QStringLiteral(" = ?");
    if (table.connections)
        sets << QStringLiteral("connection_index = ?") << QStringLiteral("user_index = ?");
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE %1 SET %2, key_epoch = ? WHERE %3 = ? AND key_epoch = ?")
                       .arg(table.name, sets.join(QStringLiteral(", ")), table.idColumn));
    const int firstField = table.rowKeyColumn.isEmpty() ? 1 : 2;
    int rewritten = 0;
    for (const QVariantList &row : rows) {
        const qint64 id = row.at(0).toLongLong();
        lastId = id;
        const QByteArray oldRowKey =
            table.rowKeyColumn.isEmpty() ? QByteArray::number(id) : row.at(1).toByteArray();
        QByteArray newRowKey = oldRowKey;
        std::vector<std::optional<crypto::SecureBytes>> plain;
        for (int f = 0; f < table.fields.size(); ++f) {
            const QVariant &v = row.at(firstField + f);
            if (v.isNull()) {
                plain.emplace_back(std::nullopt);
                continue;
            }
            auto opened = cipher.open(table.fields.at(f).second, oldRowKey, v.toByteArray());
            if (!opened)
                return opened.error();
            plain.emplace_back(std::move(opened).value());
        }
        QVariant userIndex { QMetaType(QMetaType::QByteArray) };
        if (table.connections) {
            // The row's identity is its blind index: recompute both indexes under the new
            // epoch's index key from the values just opened.
            const QString connectionId =
                QString::fromUtf8(plain.at(0)->constChar(), qsizetype(plain.at(0)->size()));
            newRowKey = index.index(places::kConnectionDomain, connectionId);
            if (plain.at(1))
                userIndex = index.index(
                    places::kAeroPassUserDomain,
                    QString::fromUtf8(plain.at(1)->constChar(), qsizetype(plain.at(1)->size())));
        }
        for (int f = 0; f < table.fields.size(); ++f) {
            if (!plain.at(std::size_t(f))) {
                update.addBindValue(QVariant(QMetaType(QMetaType::QByteArray)));
                continue;
            }
            auto sealed =
                cipher.seal(table.fields.at(f).second, newRowKey, plain.at(std::size_t(f))->view());
            if (!sealed)
                return sealed.error();
            update.addBindValue(*sealed);
        }
        if (table.connections) {
            update.addBindValue(newRowKey);
            update.addBindValue(userIndex);
        }
        update.addBindValue(to);
        update.addBindValue(id);
        update.addBindValue(from);
        if (!update.exec())
            return SqlFailure::ofQuery(update, QStringLiteral("re-encrypt a row"));
        rewritten += update.numRowsAffected() > 0 ? 1 : 0;
    }
    return rewritten;
}

Result<qint64, StoreError> ReEncryptor::remaining(int epoch)
{
    qint64 total = 0;
    for (const Table &table : rotationTables()) {
        QSqlQuery q(m_store.database().db());
        q.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE key_epoch = ?").arg(table.name));
        q.addBindValue(epoch);
        if (!q.exec() || !q.next())
            return SqlFailure::ofQuery(q, QStringLiteral("count rows left to re-encrypt"));
        total += q.value(0).toLongLong();
    }
    return total;
}

} // namespace aerodesk::store
