#pragma once

// The store tests run on both backends (docs/team.md, "Tests"): SQLite in a temporary folder,
// and a real PostgreSQL 15 (PgServer, one per test process) with a fresh database per test.
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

/// This process's PostgreSQL, started at first use (only then: a test may stop and restart it)
/// and stopped after the last test (a gtest Environment). Check isRunning()/errorString().
PgServer &sharedPgServer();

/// One fresh, empty store location for one test on `backend`.
class StoreBackend
{
public:
    explicit StoreBackend(Backend backend);
    StoreBackend(const StoreBackend &) = delete;
    StoreBackend &operator=(const StoreBackend &) = delete;

    /// False (with error()) when the location could not be made (no server, no folder).
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    Backend backend() const { return m_backend; }
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
    Backend m_backend;
    QTemporaryDir m_dir;
    store::StoreTarget m_target;
    QString m_error;
};

} // namespace aerodesk::test
