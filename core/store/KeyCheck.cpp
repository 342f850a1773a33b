#include "core/store/KeyCheck.h"

#include <QSqlError>
#include <QSqlQuery>

namespace aerodesk::store {

namespace {
const QByteArray kPlaintext = "AeroDesk store key check v1";
const QString kPlace = QStringLiteral("store_meta.key_check");
constexpr QByteArrayView kRowKey = "key_check";
} // namespace

bool KeyCheck::write(QSqlDatabase &db, const FieldCipher &cipher, QString &error,
                     const QString &metaKey)
{
    auto sealed = cipher.seal(kPlace, kRowKey, kPlaintext);
    if (!sealed) {
        error = sealed.error().message;
        return false;
    }
    QSqlQuery q(db);
    q.prepare(
        // ON CONFLICT: one statement for SQLite and PostgreSQL (the same row as OR REPLACE).
        QStringLiteral("INSERT INTO store_meta(key, value) VALUES(?, ?)"
                       " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(metaKey);
    q.addBindValue(*sealed);
    if (!q.exec()) {
        error = QStringLiteral("Cannot write the store's key check value: %1")
                    .arg(q.lastError().text());
        return false;
    }
    return true;
}

bool KeyCheck::verify(const FieldCipher &cipher, QByteArrayView sealed)
{
    // Quietly: KeyEpochs tries the key against each epoch's check, and only one can fit.
    auto opened = cipher.tryOpen(kPlace, kRowKey, sealed);
    return opened && opened->view() == QByteArrayView(kPlaintext);
}

} // namespace aerodesk::store
