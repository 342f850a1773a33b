#pragma once

// The store tests run on both backends (docs/team.md, "Tests"): SQLite in a temporary folder,
// and a real PostgreSQL 15 (PgServer: the run's shared cluster when AERODESK_TEST_PG names one,
// otherwise one per test process) with a fresh database per test.
#include "core/crypto/SecureBytes.h"
#include "core/store/Store.h"
#include "core/store/StoreTarget.h"
#include "tests/support/PgServer.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <ostream>
#include <string>

namespace aerodesk::test {

enum class Backend { Sqlite, Postgres };

/// "Sqlite" / "Postgres": the suffix of each parameterised test's name.
std::string backendName(const ::testing::TestParamInfo<Backend> &info);
/// How gtest (and so ctest's test names) print the parameter.
void PrintTo(Backend backend, std::ostream *os);

/// The environment variable naming the run-wide cluster's description file
/// (PgServer::writeDescription(), set by scripts/with-test-pg.sh).
inline constexpr char kSharedPgVariable[] = "AERODESK_TEST_PG";

/// The PostgreSQL this process's store tests use, ready at first use. With AERODESK_TEST_PG set:
/// attached to the run's cluster (the databases it created are dropped after the last test);
/// without: a server of this process's own, stopped after the last test (a gtest Environment).
/// Never stop() or start() it to test an outage: that is privatePgServer()'s.
/// Check isRunning()/errorString().
PgServer &sharedPgServer();
/// A server of this process's own whatever AERODESK_TEST_PG says, started at first use (only
/// then) and stopped after the last test: for the tests that stop and restart it on purpose.
PgServer &privatePgServer();

/// One fresh, empty store location for one test on `backend`.
class StoreBackend
{
public:
    explicit StoreBackend(Backend backend);
    /// PostgreSQL on `server` (e.g. privatePgServer() for an outage test).
    StoreBackend(Backend backend, PgServer &server);
    StoreBackend(const StoreBackend &) = delete;
    StoreBackend &operator=(const StoreBackend &) = delete;

    /// False (with error()) when the location could not be made (no server, no folder).
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    Backend backend() const { return m_backend; }
    /// The server a PostgreSQL location is on.
    PgServer &server() const { return *m_server; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }
    const store::StoreTarget &target() const { return m_target; }
    /// PostgreSQL: the login password (a test server's); SQLite: empty.
    crypto::SecureBytes password() const;

    Result<std::unique_ptr<store::Store>, store::StoreError>
    open(const crypto::SecureBytes &key, const QList<store::Migration> &migrations = {}) const;

    /// Everything the database holds, as the server or the disk has it. SQLite: the file and
    /// its -wal/-shm. PostgreSQL: each table's name, every row of it rendered as text by the
    /// server (bytea as hex) and every value's raw bytes.
    QByteArray rawBytes() const;
    /// Runs `sql` as the database's owner outside the store (tamper tests). True on success.
    bool rawExec(const QString &sql, const QVariantList &binds = {}) const;
    /// The first column of the first row of `sql`, outside the store.
    QVariant rawScalar(const QString &sql, const QVariantList &binds = {}) const;

private:
    void init();

    Backend m_backend;
    PgServer *m_server = nullptr;
    QTemporaryDir m_dir;
    store::StoreTarget m_target;
    QString m_error;
};

} // namespace aerodesk::test
