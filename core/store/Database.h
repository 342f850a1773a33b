#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/Migration.h"
#include "core/store/StoreError.h"
#include "core/store/StoreTarget.h"
#include "core/util/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace aerodesk::store {

/// One connection to the store's database — a SQLite file (QSQLITE) or a PostgreSQL database
/// (QPSQL, the team store: docs/team.md) — with a unique connection name per instance.
///
/// QSqlDatabase connections belong to the thread that opened them: a worker thread must open
/// its OWN Database on the same path (see StoreWorker) instead of sharing one. WAL mode lets one
/// writer and many readers work at once.
///
/// Migrations: schema_version(version, name, applied_at) records every applied step; migrate()
/// applies, in order, each Migration whose version is above the recorded maximum, each in its own
/// transaction. A file whose version is above the newest known one is refused (TooNew). On
/// PostgreSQL each step's transaction first takes an advisory lock, so two consoles migrating
/// one database at once apply each step once.
///
/// PostgreSQL's password is handed in (setPassword, from the keychain), kept in wiping memory
/// and given to the driver only for the moment of open(); it is never logged nor part of the
/// target.
class Database
{
public:
    enum class Mode { ReadOnly, ReadWrite };

    explicit Database(StoreTarget target);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// The PostgreSQL password (ignored for SQLite).
    void setPassword(crypto::SecureBytes password) { m_password = std::move(password); }
    const crypto::SecureBytes &password() const { return m_password; }

    /// SQLite: ReadWrite creates the folder (0700) and the file (0600, StoreFiles), switches to
    /// WAL with synchronous=FULL and enables foreign keys. ReadOnly never creates anything.
    /// PostgreSQL: connects with the target's TLS options; ReadOnly makes every transaction of
    /// the session read-only.
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
    /// PostgreSQL only: draws the next id of `table`'s identity column, so a row can be
    /// inserted with its id — and anything sealed bound to it — in ONE statement (no window in
    /// which another console sees the row without its sealed part).
    Result<qint64, StoreError> nextId(const QString &table);
    /// True when `table` exists.
    bool hasTable(const QString &table) const;
    StoreBackend backend() const { return m_target.backend(); }

    QSqlDatabase &db() { return m_db; }
    /// SQLite: the file. PostgreSQL: empty (see target()).
    const QString &path() const { return m_target.path(); }
    const StoreTarget &target() const { return m_target; }
    const QString &connectionName() const { return m_connectionName; }

private:
    Status<StoreError> openSqlite(Mode mode);
    Status<StoreError> openPostgres(Mode mode);

    StoreTarget m_target;
    crypto::SecureBytes m_password;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace aerodesk::store
