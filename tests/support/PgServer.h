#pragma once

#include "core/store/StoreTarget.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace aerodesk::test {

/// A real PostgreSQL 15 for tests (docs/team.md, "The test server"), never a mock.
///
/// start() makes a fresh cluster in its own temporary directory (initdb --no-sync), a
/// throwaway self-signed certificate (openssl CLI; SAN localhost + 127.0.0.1, so clients can
/// use sslmode=verify-full with caFile()), and runs `postgres` as this process's child on
/// 127.0.0.1 at a free port plus a unix socket inside the directory. Only TLS connections with
/// a password (SCRAM) are accepted over TCP; the socket trusts the admin (setup only).
///
/// PostgreSQL refuses to run as root: as root the directory is given to the `postgres` system
/// user (from the Debian package; created with useradd when absent) and the server runs as that
/// user through `setpriv`. Not root: it runs as the current user. Either way setpriv's
/// --pdeathsig makes the server die with the test process, so a crashed test leaves no server.
///
/// stop()/start() restart the same cluster (same port, same data). The destructor stops the
/// server and removes the directory. Each test process has its own server and port, so ctest
/// -j runs them side by side. Tuned for speed, not durability: fsync=off, small buffers.
///
/// Attached (attach()): a handle on a cluster another process runs — the run-wide one of
/// scripts/with-test-pg.sh (aerodesk_test_pgcluster, described by writeDescription()). It
/// creates databases, runs admin statements and gives targets like an own server, but never
/// stops or starts that cluster: stop() and start() do nothing to it.
class PgServer
{
public:
    PgServer();
    ~PgServer();
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    /// Attaches to the cluster `descriptionFile` (writeDescription()) describes. False (with
    /// errorString()) when the file is unreadable or incomplete, or the cluster does not answer.
    bool attach(const QString &descriptionFile);
    bool isAttached() const { return m_attached; }
    /// Before the first start(): the cluster's max_connections (default 60).
    void setMaxConnections(int n) { m_maxConnections = n; }
    /// Writes port, socket dir, CA file and admin password as key=value lines to a new file in
    /// the cluster's directory (mode 0600) and returns its path (empty on failure).
    QString writeDescription();
    /// Drops every database this handle created (an attached handle's cleanup).
    void dropCreatedDatabases();

    /// The first call creates the cluster; later calls restart it. False with errorString().
    /// Attached: true while the cluster answers; it never starts anything.
    bool start();
    /// Fast shutdown (SIGINT), waits until the server is gone. Attached: does nothing.
    void stop();
    bool isRunning() const;
    QString errorString() const { return m_error; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString caFile() const;
    QString socketDir() const;
    /// The cluster's own directory (empty when attached).
    QString directory() const;
    /// The superuser initdb created; its password (random per server) is for tests only.
    QString adminUser() const { return QStringLiteral("aerodesk_admin"); }
    QString adminPassword() const { return m_password; }

    /// CREATE DATABASE with a fresh name; returns the name (empty on failure).
    QString createDatabase();
    /// Runs one statement as the admin over the unix socket in `database`; false on failure.
    bool adminExec(const QString &database, const QString &sql, QString *error = nullptr);
    /// Every row of `sql` (run as the admin in `database`), each row's columns joined by '\t'.
    QStringList adminQuery(const QString &database, const QString &sql, QString *error = nullptr);
    /// A verify-full TLS target for `database` as the admin user.
    store::StoreTarget target(const QString &database) const;

private:
    bool initCluster();
    bool makeCertificate();
    bool writeConfig();
    bool launch();
    bool waitReady();
    bool run(const QString &program, const QStringList &args, bool asServerUser);
    QStringList serverCommand(const QString &program, const QStringList &args) const;
    QString dataDir() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_attachedCa;
    QString m_attachedSocket;
    QStringList m_created;
    std::unique_ptr<QProcess> m_server;
    QString m_password;
    QString m_error;
    int m_port = 0;
    int m_databases = 0;
    int m_maxConnections = 60;
    bool m_initialised = false;
    bool m_attached = false;
};

} // namespace aerodesk::test
