#pragma once

#include <QString>

namespace aerodesk::store {

/// Which SQL engine holds a store.
enum class StoreBackend {
    Sqlite, ///< the embedded default: one file on this desktop
    Postgres, ///< the team store: a PostgreSQL database shared by several consoles
};

/// Where a store lives: a SQLite file, or a PostgreSQL endpoint (docs/team.md).
///
/// A plain value, safe to log (describe()): it NEVER holds the database password, which comes
/// from the keychain at open time (Store::open's `password`, crypto::SecureBytes, wiped after).
/// The fields are only the encrypted data's location: the data key stays on the desktop.
///
/// Built implicitly from a file path, so every caller that passed a path keeps working and the
/// SQLite default is untouched for users who never configure a team store.
class StoreTarget
{
public:
    StoreTarget() = default;
    /// A SQLite file.
    StoreTarget(const QString &sqlitePath); // NOLINT(google-explicit-constructor): see above

    /// A PostgreSQL database. `sslMode` is libpq's (disable, require, verify-ca, verify-full);
    /// `caFile` the PEM of the CA that signed the server's certificate (verify-ca/-full).
    static StoreTarget postgres(const QString &host, int port, const QString &database,
                                const QString &user,
                                const QString &sslMode = QStringLiteral("verify-full"),
                                const QString &caFile = {});

    StoreBackend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == StoreBackend::Sqlite; }
    bool isPostgres() const { return m_backend == StoreBackend::Postgres; }

    /// SQLite: the file path. PostgreSQL: empty.
    const QString &path() const { return m_path; }
    const QString &host() const { return m_host; }
    int port() const { return m_port; }
    const QString &database() const { return m_database; }
    const QString &user() const { return m_user; }
    const QString &sslMode() const { return m_sslMode; }
    const QString &caFile() const { return m_caFile; }
    /// PostgreSQL: the team whose key is the store's data key (keychain profile
    /// "Team: <team>", entry teamKey; docs/team.md). Not a secret.
    const QString &team() const { return m_team; }
    StoreTarget withTeam(const QString &team) const
    {
        StoreTarget t = *this;
        t.m_team = team;
        return t;
    }

    /// libpq connection options for QPSQL (sslmode, sslrootcert, application_name,
    /// connect_timeout), "k=v;k=v" as QSqlDatabase::setConnectOptions takes them. Empty and
    /// `ok` false when a value cannot be passed safely (a quote, a semicolon, a space in the
    /// CA path or an unknown sslmode).
    QString connectOptions(bool *ok = nullptr) const;
    /// For logs and messages: the file path, or "postgresql://user@host:port/database".
    QString describe() const;

    bool operator==(const StoreTarget &other) const = default;

private:
    StoreBackend m_backend = StoreBackend::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = 5432;
    QString m_database;
    QString m_user;
    QString m_sslMode;
    QString m_caFile;
    QString m_team;
};

} // namespace aerodesk::store
