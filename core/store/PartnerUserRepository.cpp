#include "core/store/PartnerUserRepository.h"

#include "core/store/BlindIndex.h"
#include "core/store/Database.h"
#include "core/store/FieldCipher.h"
#include "core/store/SqlFailure.h"
#include "core/util/LogCategories.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace aerodesk::store {

namespace {
const QString kPartnerUserIdPlace = QStringLiteral("partner_users.user_id");
const QString kPartnerUserRecordPlace = QStringLiteral("partner_users.record");
const QString kPartnerUserCodePlace = QStringLiteral("partner_users.user_code");
constexpr QStringView kPartnerUserDomain = u"partnerUser";
constexpr QStringView kPartnerScopeDomain = u"partnerUserScope";

/// Hex of the UTF-8: exact to the character through BlindIndex's normalisation.
QString exactText(const QString &value)
{
    return QString::fromLatin1(value.toUtf8().toHex());
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
                                             const BlindIndex &index)
    : m_db(db)
    , m_cipher(cipher)
    , m_index(index)
{
}

QByteArray PartnerUserRepository::rowKey(const QString &scope, const QString &id) const
{
    return m_index.index(kPartnerUserDomain, exactText(scope) + QLatin1Char(':') + exactText(id));
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
    auto sealed = m_cipher.seal(place, key, plain);
    if (!sealed)
        return sealed.error();
    // One statement: atomic on both engines, committed when it returns (no open transaction).
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO partner_users(user_index, scope_index, user_id, %1,"
                             " updated_at) VALUES(?,?,?,?,?)"
                             " ON CONFLICT(user_index) DO UPDATE SET %1 = excluded.%1,"
                             " updated_at = excluded.updated_at,"
                             " version = partner_users.version + 1")
                  .arg(column));
    q.addBindValue(key);
    q.addBindValue(m_index.index(kPartnerScopeDomain, exactText(scope)));
    q.addBindValue(*sealedId);
    q.addBindValue(*sealed);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return SqlFailure::ofQuery(q, what);
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
    const QByteArray key = rowKey(scope, id);
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT user_id, record, user_code IS NOT NULL, version"
                             " FROM partner_users WHERE user_index = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("find partner user"));
    if (!q.next())
        return partnerNotFound();
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
    q.prepare(QStringLiteral("SELECT user_index, user_id, record, user_code IS NOT NULL, version"
                             " FROM partner_users WHERE scope_index = ? AND record IS NOT NULL"
                             " ORDER BY id"));
    q.addBindValue(m_index.index(kPartnerScopeDomain, exactText(scope)));
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("list partner users"));
    QList<Row> rows;
    int unreadable = 0;
    while (q.next()) {
        const QByteArray key = q.value(0).toByteArray();
        auto id = m_cipher.openText(kPartnerUserIdPlace, key, q.value(1).toByteArray());
        auto record = m_cipher.open(kPartnerUserRecordPlace, key, q.value(2).toByteArray());
        // The row must be where its id says it is (its blind index), or it was moved.
        if (!id || !record || rowKey(scope, *id) != key) {
            ++unreadable;
            continue;
        }
        rows.append(Row { *id, record->view().toByteArray(), q.value(3).toBool(),
                          q.value(4).toLongLong() });
    }
    if (unreadable)
        qCWarning(aerodesk::log::store)
            << "partner users:" << unreadable << "rows do not open and were left out";
    return rows;
}

Status<StoreError> PartnerUserRepository::remove(const QString &scope, const QString &id)
{
    if (id.isEmpty())
        return partnerBadId();
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM partner_users WHERE user_index = ?"));
    q.addBindValue(rowKey(scope, id));
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("remove partner user"));
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
    const QByteArray key = rowKey(scope, id);
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT user_id, user_code FROM partner_users WHERE user_index = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("read userCode"));
    if (!q.next() || q.value(1).isNull())
        return partnerNotFound();
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
    q.prepare(
        QStringLiteral("UPDATE partner_users SET user_code = NULL, updated_at = ?,"
                       " version = version + 1 WHERE user_index = ? AND user_code IS NOT NULL"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(rowKey(scope, id));
    if (!q.exec())
        return SqlFailure::ofQuery(q, QStringLiteral("remove userCode"));
    return {};
}

} // namespace aerodesk::store
