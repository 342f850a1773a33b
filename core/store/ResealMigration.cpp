#include "core/store/ResealMigration.h"

#include "core/store/KeyCheck.h"
#include "core/store/StoreKeys.h"
#include "core/store/StorePlaces.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace aerodesk::store {

namespace {
constexpr int kPage = 1000;

bool streamsResults(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

struct Ciphers
{
    FieldCipher before;
    FieldCipher after;
    BlindIndex index;
};

/// Opens `sealed` (NULL stays NULL) with the legacy cipher and seals it for `rowKey`.
bool reseal(const Ciphers &c, const QString &place, QByteArrayView rowKey, const QVariant &sealed,
            QVariant &out, QString &error, crypto::SecureBytes *plain = nullptr)
{
    if (sealed.isNull()) {
        out = QVariant(QMetaType(QMetaType::QByteArray));
        return true;
    }
    auto opened = c.before.open(place, {}, sealed.toByteArray());
    if (!opened) {
        error = opened.error().message;
        return false;
    }
    auto resealed = c.after.seal(place, rowKey, opened->view());
    if (!resealed) {
        error = resealed.error().message;
        return false;
    }
    out = *resealed;
    if (plain)
        *plain = std::move(opened).value();
    return true;
}

bool resealConnections(QSqlDatabase &db, const Ciphers &c, QString &error)
{
    qint64 last = 0;
    for (;;) {
        QSqlQuery read(db);
        // QPSQL's forward-only results stream from the server and are lost when the write
        // below runs on the same connection: there a page (kPage rows) is read whole first.
        read.setForwardOnly(!streamsResults(db));
        read.prepare(QStringLiteral("SELECT id, connection_id, aero_pass_user_uuid, "
                                    "account_summary FROM connections WHERE id > ? ORDER BY id "
                                    "LIMIT ?"));
        read.addBindValue(last);
        read.addBindValue(kPage);
        if (!read.exec()) {
            error = read.lastError().text();
            return false;
        }
        int n = 0;
        QSqlQuery write(db);
        write.prepare(QStringLiteral(
            "UPDATE connections SET connection_index = ?, user_index = ?, connection_id = ?,"
            " aero_pass_user_uuid = ?, account_summary = ? WHERE id = ?"));
        while (read.next()) {
            ++n;
            last = read.value(0).toLongLong();
            auto id = c.before.open(places::kConnectionId, {}, read.value(1).toByteArray());
            if (!id) {
                error = id.error().message;
                return false;
            }
            const QString connectionId = QString::fromUtf8(id->constChar(), qsizetype(id->size()));
            const QByteArray rowKey = c.index.index(places::kConnectionDomain, connectionId);
            QVariant sealedId, user, summary;
            crypto::SecureBytes userPlain;
            if (!reseal(c, places::kConnectionId, rowKey, read.value(1), sealedId, error) ||
                !reseal(c, places::kAeroPassUser, rowKey, read.value(2), user, error, &userPlain) ||
                !reseal(c, places::kAccountSummary, rowKey, read.value(3), summary, error))
                return false;
            QVariant userIndex = QVariant(QMetaType(QMetaType::QByteArray));
            if (!userPlain.isEmpty())
                userIndex = c.index.index(
                    places::kAeroPassUserDomain,
                    QString::fromUtf8(userPlain.constChar(), qsizetype(userPlain.size())));
            write.addBindValue(rowKey);
            write.addBindValue(userIndex);
            write.addBindValue(sealedId);
            write.addBindValue(user);
            write.addBindValue(summary);
            write.addBindValue(last);
            if (!write.exec()) {
                error = write.lastError().text();
                return false;
            }
        }
        if (n < kPage)
            return true;
    }
}

bool resealEvents(QSqlDatabase &db, const Ciphers &c, QString &error)
{
    qint64 last = 0;
    for (;;) {
        QSqlQuery read(db);
        // QPSQL's forward-only results stream from the server and are lost when the write
        // below runs on the same connection: there a page (kPage rows) is read whole first.
        read.setForwardOnly(!streamsResults(db));
        read.prepare(QStringLiteral("SELECT id, detail FROM connection_events WHERE id > ? "
                                    "ORDER BY id LIMIT ?"));
        read.addBindValue(last);
        read.addBindValue(kPage);
        if (!read.exec()) {
            error = read.lastError().text();
            return false;
        }
        int n = 0;
        QSqlQuery write(db);
        write.prepare(QStringLiteral(
            "UPDATE connection_events SET detail = ?, event_key = NULL WHERE id = ?"));
        while (read.next()) {
            ++n;
            last = read.value(0).toLongLong();
            QVariant detail;
            if (!reseal(c, places::kEventDetail, places::eventRowKey(last), read.value(1), detail,
                        error))
                return false;
            write.addBindValue(detail);
            write.addBindValue(last);
            if (!write.exec()) {
                error = write.lastError().text();
                return false;
            }
        }
        if (n < kPage)
            return true;
    }
}
} // namespace

bool ResealMigration::apply(MigrationContext &context, QString &error)
{
    const Ciphers c { StoreKeys::cipher(context.dataKey, kVersion - 1),
                      StoreKeys::cipher(context.dataKey, kVersion),
                      StoreKeys::blindIndex(context.dataKey, kVersion) };
    return resealConnections(context.db, c, error) && resealEvents(context.db, c, error) &&
        KeyCheck::write(context.db, c.after, error);
}

} // namespace aerodesk::store
