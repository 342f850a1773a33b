#include "core/store/StoreSchema.h"

#include "core/audit/AuditSchema.h"
#include "core/store/KeyCheck.h"
#include "core/store/KeyEpochs.h"
#include "core/store/ResealMigration.h"
#include "core/store/SqlDialect.h"
#include "core/store/StoreKeys.h"

#include <QSqlError>
#include <QSqlQuery>

namespace aerodesk::store {

namespace {
/// Runs schema statements, in PostgreSQL's types on PostgreSQL (SqlDialect::ddl).
bool runSchemaStatements(MigrationContext &context, const QStringList &statements, QString &error)
{
    QSqlDatabase &db = context.db;
    for (const QString &sql : SqlDialect::ddl(context.backend, statements)) {
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

QStringList StoreSchema::v5Statements()
{
    return { QStringLiteral("CREATE TABLE timeline_entries ("
                            " id INTEGER PRIMARY KEY,"
                            " connection_ref INTEGER NOT NULL REFERENCES connections(id) "
                            "ON DELETE CASCADE,"
                            " at INTEGER NOT NULL,"
                            " kind TEXT NOT NULL,"
                            " detail BLOB NOT NULL,"
                            " entry_key BLOB)"),
             QStringLiteral("CREATE INDEX timeline_entries_by_connection ON "
                            "timeline_entries(connection_ref, at, id)"),
             QStringLiteral(
                 "CREATE UNIQUE INDEX timeline_entries_key ON "
                 "timeline_entries(connection_ref, entry_key) WHERE entry_key IS NOT NULL"),
             QStringLiteral("CREATE TABLE timeline_flows ("
                            " connection_ref INTEGER PRIMARY KEY REFERENCES connections(id) "
                            "ON DELETE CASCADE,"
                            " correlation BLOB NOT NULL,"
                            " started_at INTEGER NOT NULL)") };
}

QStringList StoreSchema::v7Statements()
{
    // Used by team mode only (docs/team.md); a local store has the table, empty.
    return { QStringLiteral("CREATE TABLE partner_users ("
                            " id INTEGER PRIMARY KEY,"
                            " user_index BLOB NOT NULL UNIQUE,"
                            " scope_index BLOB NOT NULL,"
                            " user_id BLOB NOT NULL,"
                            " record BLOB,"
                            " user_code BLOB,"
                            " version INTEGER NOT NULL DEFAULT 1,"
                            " updated_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX partner_users_by_scope ON partner_users(scope_index)") };
}

QStringList StoreSchema::v8Statements()
{
    // Every table with a sealed field. Existing rows are epoch 1 and keep their bytes (epoch 1
    // adds nothing to the associated data), so upgrading re-seals nothing.
    QStringList out;
    for (const char *table :
         { "connections", "connection_events", "timeline_entries", "timeline_flows", "audit_log" })
        out << QStringLiteral("ALTER TABLE %1 ADD COLUMN key_epoch INTEGER NOT NULL DEFAULT 1")
                   .arg(QLatin1String(table));
    return out;
}

QStringList StoreSchema::v9Statements()
{
    // Existing rows are epoch 1 (their bytes unchanged); scope is NULL until a console that
    // knows it (lists or writes the row) seals it in (PartnerUserRepository).
    return { QStringLiteral(
                 "ALTER TABLE partner_users ADD COLUMN key_epoch INTEGER NOT NULL DEFAULT 1"),
             QStringLiteral("ALTER TABLE partner_users ADD COLUMN scope BLOB") };
}

QList<Migration> StoreSchema::migrations()
{
    return {
        Migration {
            1, QStringLiteral("initial schema"),
            [](MigrationContext &context, QString &error) {
                // The key check value is written in v1's own transaction: a store that exists
                // always has one (before, a failure right after v1 left a file that never
                // opened again).
                return runSchemaStatements(
                           context,
                           { QStringLiteral("CREATE TABLE store_meta (key TEXT PRIMARY KEY, value "
                                            "BLOB NOT NULL)"),
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
                             QStringLiteral("CREATE INDEX connections_expiry ON "
                                            "connections(connection_expiry)"),
                             QStringLiteral(
                                 "CREATE TABLE connection_events ("
                                 " id INTEGER PRIMARY KEY,"
                                 " connection_ref INTEGER NOT NULL REFERENCES connections(id) "
                                 "ON DELETE CASCADE,"
                                 " at INTEGER NOT NULL,"
                                 " kind TEXT NOT NULL,"
                                 " detail BLOB NOT NULL)"),
                             QStringLiteral("CREATE INDEX connection_events_by_connection ON "
                                            "connection_events(connection_ref, at, id)") },
                           error) &&
                    KeyCheck::write(context.db, StoreKeys::cipher(context.dataKey, 1), error);
            } },
        Migration { 2, QStringLiteral("history event keys and pruning"),
                    [](MigrationContext &context, QString &error) {
                        return runSchemaStatements(context, v2Statements(), error);
                    } },
        Migration { ResealMigration::kVersion,
                    QStringLiteral("row-bound sealing under derived keys"),
                    &ResealMigration::apply },
        audit::AuditSchema::migration(),
        Migration { 5, QStringLiteral("connection timeline"),
                    [](MigrationContext &context, QString &error) {
                        return runSchemaStatements(context, v5Statements(), error);
                    } },
        Migration { kRowVersions, QStringLiteral("row versions"),
                    [](MigrationContext &context, QString &error) {
                        return runSchemaStatements(
                            context,
                            { QStringLiteral("ALTER TABLE connections ADD COLUMN version "
                                             "INTEGER NOT NULL DEFAULT 1") },
                            error);
                    } },
        Migration { kPartnerUsers, QStringLiteral("partner users"),
                    [](MigrationContext &context, QString &error) {
                        return runSchemaStatements(context, v7Statements(), error);
                    } },
        Migration { KeyEpochs::kSchema, QStringLiteral("key epochs"),
                    [](MigrationContext &context, QString &error) {
                        return runSchemaStatements(context, v8Statements(), error);
                    } },
        Migration { kPartnerUserEpochs, QStringLiteral("partner users' key epochs"),
                    [](MigrationContext &context, QString &error) {
                        return runSchemaStatements(context, v9Statements(), error);
                    } },
    };
}

} // namespace aerodesk::store
