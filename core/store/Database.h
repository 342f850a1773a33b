#pragma once

#include "core/store/Migration.h"
#include "core/store/StoreError.h"
#include "core/util/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace aerodesk::store {

/// One SQLite connection (QtSql, QSQLITE) with a unique connection name per instance.
///
/// QSqlDatabase connections belong to the thread that opened them: a worker thread must open
/// its OWN Database on the same path (see StoreWorker) instead of sharing one. WAL mode lets one
/// writer and many readers work at once.
///
/// Migrations: schema_version(version, name, applied_at) records every applied step; migrate()
/// applies, in order, each Migration whose version is above the recorded maximum, each in its own
/// transaction. A file whose version is above the newest known one is refused (TooNew).
class Database
{
public:
    enum class Mode { ReadOnly, ReadWrite };

    explicit Database(QString path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// ReadWrite creates the folder (0700) and the file (0600, StoreFiles), switches to WAL with
    /// synchronous=FULL and enables foreign keys. ReadOnly never creates anything.
    Status<StoreError> open(Mode mode = Mode::ReadWrite);
    void close();
    bool isOpen() const;

    /// `dataKey` is handed to each step (MigrationContext).
    Status<StoreError> migrate(const QList<Migration> &migrations,
                               const crypto::SecureBytes &dataKey);
    /// Highest applied version (0 for a new file).
    int schemaVersion() const;
    /// Runs one statement; on failure returns a Sql error naming `what`.
    Status<StoreError> exec(const QString &sql, const QString &what);

    QSqlDatabase &db() { return m_db; }
    const QString &path() const { return m_path; }
    const QString &connectionName() const { return m_connectionName; }

private:
    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace aerodesk::store
