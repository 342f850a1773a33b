#include "core/store/StoreSchema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace aerodesk::store {

namespace {
bool run(QSqlDatabase &db, const QStringList &statements, QString &error)
{
    for (const QString &sql : statements) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            error = q.lastError().text();
            return false;
        }
    }
    return true;
}
} // namespace

QStringList StoreSchema::v2Statements()
{
    return { QStringLiteral("ALTER TABLE connection_events ADD COLUMN event_key BLOB"),
             QStringLiteral("CREATE UNIQUE INDEX connection_events_key ON "
                            "connection_events(connection_ref, event_key)"
                            " WHERE event_key IS NOT NULL"),
             QStringLiteral("CREATE INDEX connection_events_at ON connection_events(at)") };
}

QList<Migration> StoreSchema::migrations()
{
    return {
        Migration {
            1, QStringLiteral("initial schema"),
            [](QSqlDatabase &db, QString &error) {
                return run(
                    db,
                    { QStringLiteral(
                          "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)"),
                      QStringLiteral("CREATE TABLE connections ("
                                     " id INTEGER PRIMARY KEY,"
                                     " connection_index BLOB NOT NULL UNIQUE,"
                                     " user_index BLOB,"
                                     " connection_id BLOB NOT NULL,"
                                     " aero_pass_user_uuid BLOB,"
                                     " bank_name TEXT NOT NULL DEFAULT '',"
                                     " status TEXT NOT NULL DEFAULT '',"
                                     " connection_expiry INTEGER,"
                                     " account_summary BLOB,"
                                     " last_refresh INTEGER,"
                                     " created_at INTEGER NOT NULL,"
                                     " updated_at INTEGER NOT NULL)"),
                      QStringLiteral(
                          "CREATE INDEX connections_user_index ON connections(user_index)"),
                      QStringLiteral(
                          "CREATE INDEX connections_expiry ON connections(connection_expiry)"),
                      QStringLiteral("CREATE TABLE connection_events ("
                                     " id INTEGER PRIMARY KEY,"
                                     " connection_ref INTEGER NOT NULL REFERENCES connections(id) "
                                     "ON DELETE CASCADE,"
                                     " at INTEGER NOT NULL,"
                                     " kind TEXT NOT NULL,"
                                     " detail BLOB NOT NULL)"),
                      QStringLiteral("CREATE INDEX connection_events_by_connection ON "
                                     "connection_events(connection_ref, at, id)") },
                    error);
            } },
        Migration {
            2, QStringLiteral("history event keys and pruning"),
            [](QSqlDatabase &db, QString &error) { return run(db, v2Statements(), error); } },
    };
}

} // namespace aerodesk::store
