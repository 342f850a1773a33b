#include "core/store/KeyEpochs.h"

#include "core/store/KeyCheck.h"
#include "core/store/SqlDialect.h"
#include "core/store/SqlFailure.h"
#include "core/store/StoreChange.h"
#include "core/store/StoreKeys.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace aerodesk::store {

QString KeyEpochs::checkKey(int epoch)
{
    return epoch <= 1 ? QStringLiteral("key_check") : QStringLiteral("key_check.e%1").arg(epoch);
}

QString KeyEpochs::idKey(int epoch)
{
    return QStringLiteral("key_id.e%1").arg(epoch);
}

Result<team::RotationPlan, StoreError> KeyEpochs::loadPlan(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT key, value FROM store_meta WHERE key = ? OR key = ?"));
    q.addBindValue(planKey());
    q.addBindValue(idKey(1));
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("read the rotation plan"));
    QByteArray json;
    QString firstId;
    while (q.next()) {
        if (q.value(0).toString() == planKey())
            json = q.value(1).toByteArray();
        else
            firstId = QString::fromUtf8(q.value(1).toByteArray());
    }
    if (json.isEmpty())
        return team::RotationPlan::steady(1, firstId);
    auto plan = team::RotationPlan::fromJson(QJsonDocument::fromJson(json).object());
    if (!plan)
        return StoreError::make(StoreError::Kind::NotAStore,
                                QStringLiteral("The store's key rotation state is unreadable: %1")
                                    .arg(plan.error().message));
    return std::move(plan).value();
}

Status<StoreError> KeyEpochs::savePlan(QSqlDatabase &db, const team::RotationPlan &plan)
{
    return put(db, planKey(), QJsonDocument(plan.toJson()).toJson(QJsonDocument::Compact));
}

std::optional<int> KeyEpochs::epochOf(QSqlDatabase &db, const crypto::SecureBytes &dataKey,
                                      int schemaVersion, bool *hasChecks)
{
    QSqlQuery q(db);
    if (hasChecks)
        *hasChecks = false;
    if (!q.exec(QStringLiteral("SELECT key, value FROM store_meta WHERE key = 'key_check' OR "
                               "key LIKE 'key_check.e%'")))
        return std::nullopt;
    QList<std::pair<int, QByteArray>> checks;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const int epoch = key == QLatin1String("key_check") ? 1 : key.mid(11).toInt();
        if (epoch >= 1)
            checks.append({ epoch, q.value(1).toByteArray() });
    }
    q.finish();
    if (hasChecks)
        *hasChecks = !checks.isEmpty();
    for (const auto &[epoch, sealed] : checks)
        if (KeyCheck::verify(StoreKeys::cipher(dataKey, schemaVersion, epoch), sealed))
            return epoch;
    return std::nullopt;
}

Status<StoreError> KeyEpochs::addEpoch(QSqlDatabase &db, const crypto::SecureBytes &dataKey,
                                       int schemaVersion, int epoch, const QString &keyId)
{
    QString error;
    if (!KeyCheck::write(db, StoreKeys::cipher(dataKey, schemaVersion, epoch), error,
                         checkKey(epoch)))
        return StoreError::make(StoreError::Kind::Sql, error);
    return writeKeyId(db, epoch, keyId);
}

Status<StoreError> KeyEpochs::writeKeyId(QSqlDatabase &db, int epoch, const QString &keyId)
{
    return put(db, idKey(epoch), keyId.toUtf8());
}

Status<StoreError> KeyEpochs::retireEpoch(QSqlDatabase &db, int epoch)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM store_meta WHERE key = ? OR key = ?"));
    q.addBindValue(checkKey(epoch));
    q.addBindValue(idKey(epoch));
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("retire a key epoch"));
    return {};
}

Status<StoreError> KeyEpochs::fence(QSqlDatabase &db, int epoch)
{
    if (epoch <= 0)
        return {};
    const StoreBackend backend = db.driverName() == SqlDialect::driver(StoreBackend::Postgres)
        ? StoreBackend::Postgres
        : StoreBackend::Sqlite;
    QSqlQuery q(db);
    // Two statements: a statement's snapshot is taken when it starts, so the check must come
    // after the lock is granted to see a retirement committed while this writer waited.
    if (backend == StoreBackend::Postgres && !q.exec(SqlDialect::lockShared(backend, fenceScope())))
        return SqlFailure::ofQuery(q, QStringLiteral("take the key epoch fence"));
    q.prepare(QStringLiteral("SELECT count(*) FROM store_meta WHERE key = ?"));
    q.addBindValue(checkKey(epoch));
    if (!q.exec() || !q.next())
        return SqlFailure::ofQuery(q, QStringLiteral("check the key epoch"));
    if (q.value(0).toInt() > 0)
        return {};
    qCWarning(aerodesk::log::store) << "write refused: key epoch" << epoch
                                    << "was retired by a rotation while this store was open";
    return StoreError::make(
        StoreError::Kind::ReadOnly,
        QCoreApplication::translate(
            "aerodesk::store::KeyEpochs",
            "The team key was rotated while this console was open, so this change was not "
            "saved. Reopen the team store (Settings → Store → Apply) and make the change "
            "again; if it still cannot be saved, ask your team lead for the new team key."));
}

Status<StoreError> KeyEpochs::announceKeys(QSqlDatabase &db, const QString &session)
{
    const StoreChange change {
        QStringLiteral("store_meta"), {}, 0, session, StoreChange::Op::Many
    };
    QSqlError why;
    if (!change.send(db, &why))
        return SqlFailure::describe(why, QStringLiteral("announce a key change"));
    return {};
}

Status<StoreError> KeyEpochs::stamp(QSqlDatabase &db, const QString &table, const QString &idColumn,
                                    qint64 id, int epoch)
{
    if (epoch <= 0)
        return {};
    if (auto s = fence(db, epoch); !s)
        return s;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE %1 SET key_epoch = ? WHERE %2 = ?").arg(table, idColumn));
    q.addBindValue(epoch);
    q.addBindValue(id);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("label a row's key epoch"));
    return {};
}

Status<StoreError> KeyEpochs::put(QSqlDatabase &db, const QString &key, const QByteArray &value)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO store_meta(key, value) VALUES(?, ?)"
                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("write store metadata"));
    return {};
}

} // namespace aerodesk::store
