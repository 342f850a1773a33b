#include "core/audit/AuditSchema.h"

#include "core/store/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace aerodesk::audit {

QStringList AuditSchema::statements()
{
    return { QStringLiteral("CREATE TABLE audit_log ("
                            " seq BIGINT NOT NULL PRIMARY KEY,"
                            " at_ms BIGINT NOT NULL,"
                            " os_user TEXT NOT NULL,"
                            " profile TEXT NOT NULL,"
                            " action TEXT NOT NULL,"
                            " object BLOB NOT NULL,"
                            " connection_ref BLOB,"
                            " outcome TEXT NOT NULL,"
                            " reason BLOB NOT NULL,"
                            " prev_hash BLOB NOT NULL,"
                            " hash BLOB NOT NULL)"),
             QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at_ms)"),
             QStringLiteral("CREATE INDEX audit_log_connection ON audit_log(connection_ref)") };
}

store::Migration AuditSchema::migration()
{
    return store::Migration { kVersion, QStringLiteral("audit log"),
                              [](store::MigrationContext &context, QString &error) {
                                  for (const QString &sql :
                                       store::SqlDialect::ddl(context.backend, statements())) {
                                      QSqlQuery q(context.db);
                                      if (!q.exec(sql)) {
                                          error = q.lastError().text();
                                          return false;
                                      }
                                  }
                                  return true;
                              } };
}

} // namespace aerodesk::audit
