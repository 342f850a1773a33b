#include "core/store/PartnerUserRepository.h"

#include "core/store/BlindIndex.h"
#include "core/store/Database.h"
#include "core/store/FieldCipher.h"
#include "core/store/KeyEpochs.h"
#include "core/store/SqlDialect.h"
#include "core/store/SqlFailure.h"
#include "core/store/StoreChange.h"
#include "core/util/LogCategories.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace aerodesk::store {

namespace {
const QString kPartnerUserIdPlace = QStringLiteral("partner_users.user_id");
const QString kPartnerUserRecordPlace = QStringLiteral("partner_users.record");
const QString kPartnerUserCodePlace = QStringLiteral("partner_users.user_code");
const QString kPartnerUserScopePlace = QStringLiteral("partner_users.scope");
constexpr QStringView kPartnerUserDomain = u"partnerUser";
constexpr QStringView kPartnerScopeDomain = u"partnerUserScope";

/// Hex of the UTF-8: exact to the character through BlindIndex's normalisation.
QString exactText(const QString &value)
{
    return QString::fromLatin1(value.toUtf8().toHex());
}

QString rowText(const QString &scope, const QString &id)
{
    return exactText(scope) + QLatin1Char(':') + exactText(id);
}

StoreError partnerBadId()
{
    return StoreError::make(StoreError::Kind::InvalidInput,
                            QStringLiteral("A partner user needs an id."));
}

StoreError partnerNotFound()
{
    return StoreError::make(StoreError::Kind::NotFound,
                            QStringLiteral("No such partner user, or no userCode stored."));
}

StoreError partnerWrongRow()
{
    return StoreError::make(StoreError::Kind::Crypto,
                            QStringLiteral("A partner user's row is not the user asked for."));
}
} // namespace

PartnerUserRepository::PartnerUserRepository(Database &db, const FieldCipher &cipher,
                                             const BlindIndex &index, QString sessionId)
    : m_db(db)
    , m_cipher(cipher)
    , m_index(index)
    , m_sessionId(std::move(sessionId))
{
}

bool PartnerUserRepository::isScopeIndex(const QByteArray &scopeIndex, const QString &scope) const
{
    return m_index.indexes(kPartnerScopeDomain, exactText(scope)).contains(scopeIndex);
}

Status<StoreError> PartnerUserRepository::announce(const QString &scope, const QString &what)
{
    if (m_db.backend() != StoreBackend::Postgres)
        return {};
    const StoreChange change { QStringLiteral("partner_users"),
                               m_index.index(kPartnerScopeDomain, exactText(scope)), 0, m_sessionId,
                               StoreChange::Op::Upsert };
    QSqlError why;
    if (!change.send(m_db.db(), &why))
        return SqlFailure::describe(why, what);
    return {};
}

QByteArray PartnerUserRepository::rowKey(const QString &scope, const QString &id) const
{
    return m_index.index(kPartnerUserDomain, rowText(scope, id));
}

QString PartnerUserRepository::indexMatch(const QString &column, QStringView domain,
                                          const QString &value, QVariantList &binds) const
{
    QStringList marks;
    for (const QByteArray &h : m_index.indexes(domain, value)) {
        binds << QVariant(h);
        marks << QStringLiteral("?");
    }
    return column + QStringLiteral(" IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
}

Result<bool, StoreError> PartnerUserRepository::reseal(QSqlDatabase &db, const FieldCipher &cipher,
                                                       const BlindIndex &index, qint64 rowId,
                                                       int fromEpoch, const QString *knownScope)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT user_index, user_id, record, user_code, scope FROM "
                             "partner_users WHERE id = ? AND key_epoch = ?"));
    q.addBindValue(rowId);
    q.addBindValue(fromEpoch);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("read a partner user to re-seal"));
    if (!q.next())
        return false; // moved meanwhile (another writer or an earlier batch)
    const QByteArray oldKey = q.value(0).toByteArray();
    auto id = cipher.openText(kPartnerUserIdPlace, oldKey, q.value(1).toByteArray());
    if (!id)
        return id.error();
    QString scope;
    if (!q.value(4).isNull()) {
        auto sealedScope =
            cipher.openText(kPartnerUserScopePlace, oldKey, q.value(4).toByteArray());
        if (!sealedScope)
            return sealedScope.error();
        scope = *sealedScope;
    } else if (knownScope) {
        scope = *knownScope;
    } else {
        return StoreError::make(
            StoreError::Kind::InvalidInput,
            QStringLiteral("A partner user stored before schema v9 has no sealed environment, "
                           "so its lookup keys cannot be renewed. Open the partner users of each "
                           "environment once on a console holding the new key, then resume."));
    }
    // The row must be where its id and scope say it is (under some live epoch's index).
    if (!index.indexes(kPartnerUserDomain, rowText(scope, *id)).contains(oldKey))
        return partnerWrongRow();
    const QByteArray newKey = index.index(kPartnerUserDomain, rowText(scope, *id));
    auto sealedId = cipher.seal(kPartnerUserIdPlace, newKey, id->toUtf8());
    if (!sealedId)
        return sealedId.error();
    auto sealedScope = cipher.seal(kPartnerUserScopePlace, newKey, scope.toUtf8());
    if (!sealedScope)
        return sealedScope.error();
    QVariantList sealed;
    for (const auto &[column, place] :
         { std::pair { 2, kPartnerUserRecordPlace }, std::pair { 3, kPartnerUserCodePlace } }) {
        if (q.value(column).isNull()) {
            sealed << QVariant(QMetaType(QMetaType::QByteArray));
            continue;
        }
        auto plain = cipher.open(place, oldKey, q.value(column).toByteArray());
        if (!plain)
            return plain.error();
        auto resealed = cipher.seal(place, newKey, plain->view());
        if (!resealed)
            return resealed.error();
        sealed << QVariant(*resealed);
    }
    q.finish();
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE partner_users SET user_index = ?, scope_index = ?, user_id = ?, scope = ?,"
        " record = ?, user_code = ?, key_epoch = ? WHERE id = ? AND key_epoch = ?"));
    update.addBindValue(newKey);
    update.addBindValue(index.index(kPartnerScopeDomain, exactText(scope)));
    update.addBindValue(*sealedId);
    update.addBindValue(*sealedScope);
    update.addBindValue(sealed.at(0));
    update.addBindValue(sealed.at(1));
    update.addBindValue(cipher.epoch());
    update.addBindValue(rowId);
    update.addBindValue(fromEpoch);
    if (!update.exec())
        return SqlFailure::ofQuery(update, QStringLiteral("re-seal a partner user"));
    return update.numRowsAffected() > 0;
}

Status<StoreError> PartnerUserRepository::relabel(const QString &scope, const QString &id)
{
    QSqlQuery q(m_db.db());
    QVariantList binds;
    q.prepare(
        QStringLiteral("SELECT id, key_epoch FROM partner_users WHERE key_epoch <> ? AND ") +
        indexMatch(QStringLiteral("user_index"), kPartnerUserDomain, rowText(scope, id), binds));
    q.addBindValue(m_cipher.epoch());
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("find a partner user to move"));
    if (!q.next())
        return {};
    const qint64 rowId = q.value(0).toLongLong();
    const int epoch = q.value(1).toInt();
    q.finish();
    auto moved = reseal(m_db.db(), m_cipher, m_index, rowId, epoch, &scope);
    if (!moved)
        return moved.error();
    return {};
}

Status<StoreError> PartnerUserRepository::upsert(const QString &scope, const QString &id,
                                                 const QString &column, const QString &place,
                                                 QByteArrayView plain, const QString &what)
{
    if (id.isEmpty())
        return partnerBadId();
    const QByteArray key = rowKey(scope, id);
    auto sealedId = m_cipher.seal(kPartnerUserIdPlace, key, id.toUtf8());
    if (!sealedId)
        return sealedId.error();
    auto sealedScope = m_cipher.seal(kPartnerUserScopePlace, key, scope.toUtf8());
    if (!sealedScope)
        return sealedScope.error();
    auto sealed = m_cipher.seal(place, key, plain);
    if (!sealed)
        return sealed.error();
    // Mid-rotation the row may still be in the other epoch: it moves to the write epoch whole
    // first, in the same transaction, so the upsert below updates it (never a second row).
    // One transaction with the key epoch fence (a console open across a rotation's end writes
    // nothing no key opens: KeyEpochs::fence).
    const bool rotating = m_index.hasOthers();
    QSqlDatabase &db = m_db.db();
    const auto rollback = [&db] { QSqlQuery(db).exec(QStringLiteral("ROLLBACK")); };
    QSqlQuery begin(db);
    if (!begin.exec(SqlDialect::beginWrite(m_db.backend())))
        return SqlFailure::ofQuery(begin, what);
    if (auto fenced = KeyEpochs::fence(db, m_cipher.epoch()); !fenced) {
        rollback();
        return fenced;
    }
    if (rotating) {
        if (auto moved = relabel(scope, id); !moved) {
            rollback();
            return moved;
        }
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO partner_users(user_index, scope_index, user_id, scope,"
                             " %1, updated_at, key_epoch) VALUES(?,?,?,?,?,?,?)"
                             " ON CONFLICT(user_index) DO UPDATE SET %1 = excluded.%1,"
                             " user_id = excluded.user_id, scope = excluded.scope,"
                             " updated_at = excluded.updated_at,"
                             " key_epoch = excluded.key_epoch,"
                             " version = partner_users.version + 1")
                  .arg(column));
    q.addBindValue(key);
    q.addBindValue(m_index.index(kPartnerScopeDomain, exactText(scope)));
    q.addBindValue(*sealedId);
    q.addBindValue(*sealedScope);
    q.addBindValue(*sealed);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(m_cipher.epoch());
    if (!q.exec()) {
        auto error = SqlFailure::ofQuery(q, what);
        rollback();
        return error;
    }
    // Announced in the same transaction: delivered at COMMIT, never for a rolled-back write.
    if (auto announced = announce(scope, what); !announced) {
        rollback();
        return announced;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        auto error = SqlFailure::ofQuery(q, what);
        rollback();
        return error;
    }
    return {};
}

Status<StoreError> PartnerUserRepository::put(const QString &scope, const QString &id,
                                              QByteArrayView record)
{
    return upsert(scope, id, QStringLiteral("record"), kPartnerUserRecordPlace, record,
                  QStringLiteral("store partner user"));
}

Result<PartnerUserRepository::Row, StoreError> PartnerUserRepository::find(const QString &scope,
                                                                           const QString &id) const
{
    if (id.isEmpty())
        return partnerBadId();
    QSqlQuery q(m_db.db());
    QVariantList binds;
    q.prepare(
        QStringLiteral("SELECT user_id, record, user_code IS NOT NULL, version, user_index"
                       " FROM partner_users WHERE ") +
        indexMatch(QStringLiteral("user_index"), kPartnerUserDomain, rowText(scope, id), binds));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("find partner user"));
    if (!q.next())
        return partnerNotFound();
    const QByteArray key = q.value(4).toByteArray();
    auto storedId = m_cipher.openText(kPartnerUserIdPlace, key, q.value(0).toByteArray());
    if (!storedId)
        return storedId.error();
    if (*storedId != id)
        return partnerWrongRow();
    Row row;
    row.id = *storedId;
    if (!q.value(1).isNull()) {
        auto record = m_cipher.open(kPartnerUserRecordPlace, key, q.value(1).toByteArray());
        if (!record)
            return record.error();
        row.record = record->view().toByteArray(); // a status record, no secret
    }
    row.hasUserCode = q.value(2).toBool();
    row.version = q.value(3).toLongLong();
    return row;
}

Result<QList<PartnerUserRepository::Row>, StoreError>
PartnerUserRepository::all(const QString &scope) const
{
    QSqlQuery q(m_db.db());
    QVariantList binds;
    q.prepare(
        QStringLiteral("SELECT user_index, user_id, record, user_code IS NOT NULL, version,"
                       " id, key_epoch, scope IS NULL FROM partner_users WHERE ") +
        indexMatch(QStringLiteral("scope_index"), kPartnerScopeDomain, exactText(scope), binds) +
        QStringLiteral(" AND record IS NOT NULL ORDER BY id"));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("list partner users"));
    QList<Row> rows;
    QList<std::pair<qint64, int>> noScope;
    int unreadable = 0;
    while (q.next()) {
        const QByteArray key = q.value(0).toByteArray();
        auto id = m_cipher.openText(kPartnerUserIdPlace, key, q.value(1).toByteArray());
        auto record = m_cipher.open(kPartnerUserRecordPlace, key, q.value(2).toByteArray());
        // The row must be where its id says it is (its blind index), or it was moved.
        if (!id || !record ||
            !m_index.indexes(kPartnerUserDomain, rowText(scope, *id)).contains(key)) {
            ++unreadable;
            continue;
        }
        rows.append(Row { *id, record->view().toByteArray(), q.value(3).toBool(),
                          q.value(4).toLongLong() });
        if (q.value(7).toBool())
            noScope.append({ q.value(5).toLongLong(), q.value(6).toInt() });
    }
    q.finish();
    if (unreadable)
        qCWarning(aerodesk::log::store)
            << "partner users:" << unreadable << "rows do not open and were left out";
    if (!noScope.isEmpty())
        sealMissingScopes(scope, noScope);
    return rows;
}

void PartnerUserRepository::sealMissingScopes(const QString &scope,
                                              const QList<std::pair<qint64, int>> &rows) const
{
    // Only a console that may write; a row in the other epoch mid-rotation is moved whole.
    if (!m_cipher.writable())
        return;
    int failed = 0;
    for (const auto &[rowId, epoch] : rows) {
        if (epoch != m_cipher.epoch()) {
            auto moved = reseal(m_db.db(), m_cipher, m_index, rowId, epoch, &scope);
            failed += moved ? 0 : 1;
            continue;
        }
        QSqlQuery key(m_db.db());
        key.prepare(QStringLiteral("SELECT user_index FROM partner_users WHERE id = ?"));
        key.addBindValue(rowId);
        if (!key.exec() || !key.next()) {
            ++failed;
            continue;
        }
        auto sealed =
            m_cipher.seal(kPartnerUserScopePlace, key.value(0).toByteArray(), scope.toUtf8());
        key.finish();
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("UPDATE partner_users SET scope = ? WHERE id = ? AND "
                                 "key_epoch = ? AND scope IS NULL"));
        q.addBindValue(sealed ? *sealed : QByteArray());
        q.addBindValue(rowId);
        q.addBindValue(epoch);
        if (!sealed || !q.exec())
            ++failed;
    }
    if (failed)
        qCWarning(aerodesk::log::store)
            << "partner users:" << failed << "rows written before schema v9 kept no environment";
}

Status<StoreError> PartnerUserRepository::remove(const QString &scope, const QString &id)
{
    if (id.isEmpty())
        return partnerBadId();
    QSqlQuery q(m_db.db());
    QVariantList binds;
    q.prepare(
        QStringLiteral("DELETE FROM partner_users WHERE ") +
        indexMatch(QStringLiteral("user_index"), kPartnerUserDomain, rowText(scope, id), binds));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("remove partner user"));
    // Committed (one statement); a failed announcement only delays what others see.
    if (q.numRowsAffected() > 0) {
        if (auto announced = announce(scope, QStringLiteral("remove partner user")); !announced)
            qCWarning(aerodesk::log::store).noquote()
                << "a partner-user change was stored but not announced:"
                << announced.error().message;
    }
    return {};
}

Status<StoreError> PartnerUserRepository::saveUserCode(const QString &scope, const QString &id,
                                                       const crypto::SecureBytes &userCode)
{
    if (userCode.isEmpty())
        return StoreError::make(StoreError::Kind::InvalidInput,
                                QStringLiteral("An empty userCode is not stored."));
    return upsert(scope, id, QStringLiteral("user_code"), kPartnerUserCodePlace, userCode.view(),
                  QStringLiteral("store userCode"));
}

Result<crypto::SecureBytes, StoreError> PartnerUserRepository::userCode(const QString &scope,
                                                                        const QString &id) const
{
    if (id.isEmpty())
        return partnerBadId();
    QSqlQuery q(m_db.db());
    QVariantList binds;
    q.prepare(
        QStringLiteral("SELECT user_id, user_code, user_index FROM partner_users WHERE ") +
        indexMatch(QStringLiteral("user_index"), kPartnerUserDomain, rowText(scope, id), binds));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("read userCode"));
    if (!q.next() || q.value(1).isNull())
        return partnerNotFound();
    const QByteArray key = q.value(2).toByteArray();
    // Found by the blind index AND the decrypted id is the one asked for: never another's code.
    auto storedId = m_cipher.openText(kPartnerUserIdPlace, key, q.value(0).toByteArray());
    if (!storedId)
        return storedId.error();
    if (*storedId != id)
        return partnerWrongRow();
    QByteArray sealed = q.value(1).toByteArray();
    return m_cipher.open(kPartnerUserCodePlace, key, sealed);
}

Status<StoreError> PartnerUserRepository::forgetUserCode(const QString &scope, const QString &id)
{
    if (id.isEmpty())
        return partnerBadId();
    QSqlQuery q(m_db.db());
    QVariantList binds;
    q.prepare(
        QStringLiteral("UPDATE partner_users SET user_code = NULL, updated_at = ?,"
                       " version = version + 1 WHERE user_code IS NOT NULL AND ") +
        indexMatch(QStringLiteral("user_index"), kPartnerUserDomain, rowText(scope, id), binds));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("remove userCode"));
    // Committed (one statement); a failed announcement only delays what others see.
    if (q.numRowsAffected() > 0) {
        if (auto announced = announce(scope, QStringLiteral("remove userCode")); !announced)
            qCWarning(aerodesk::log::store).noquote()
                << "a partner-user change was stored but not announced:"
                << announced.error().message;
    }
    return {};
}

} // namespace aerodesk::store
