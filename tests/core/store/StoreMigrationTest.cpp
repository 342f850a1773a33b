// Schema migrations on real files: v1 → v2 with rows intact, a newer file refused untouched,
// a failing migration rolled back.
#include "core/crypto/Random.h"
#include "core/store/SqlDialect.h"
#include "core/store/Store.h"
#include "core/store/StoreSchema.h"
#include "tests/support/StoreBackend.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using connections::Connection;
using connections::ConnectionEvent;
using store::Migration;
using store::Store;
using store::StoreError;
using store::StoreSchema;

namespace {
Connection migrationRow(int i)
{
    Connection c;
    c.connectionId =
        QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).replace(0, 4, QStringLiteral("a11e"));
    c.aeroPassUserUuid =
        QStringLiteral("5f0e6c1a-2b3c-4d5e-8f90-%1").arg(i, 12, 10, QLatin1Char('0'));
    c.bankName = QStringLiteral("Aerosync Bank");
    c.status = QStringLiteral("CONNECTED");
    c.connectionExpiry = QDateTime(QDate(2027, 3, 1), QTime(9, 0), Qt::UTC).addDays(i);
    c.accountSummary = QJsonObject { { QStringLiteral("accountNumber"),
                                       QStringLiteral("55%1").arg(i, 6, 10, QLatin1Char('0')) } };
    return c;
}
const QDateTime kMigrationT0(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);

QList<Migration> v1Only()
{
    return { StoreSchema::migrations().first() };
}

/// The database file and its WAL, hashed (the -shm index is transient: see StoreTest).
QByteArray migrationFileHash(const QString &path)
{
    QByteArray bytes;
    for (const QString &suffix : { QString(), QStringLiteral("-wal") }) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

/// Reads the file with plain QtSql, outside the Store: what is on disk, not what the code thinks.
struct RawFile
{
    explicit RawFile(const QString &path)
        : name(QStringLiteral("raw-%1").arg(++counter))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawFile()
    {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(name, false));
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    bool exec(const QString &sql) const
    {
        return QSqlQuery(QSqlDatabase::database(name, false)).exec(sql);
    }
    bool hasColumn(const QString &table, const QString &column) const
    {
        return scalar(
                   QStringLiteral("SELECT count(*) FROM pragma_table_info('%1') WHERE name = '%2'")
                       .arg(table, column))
                   .toInt() == 1;
    }
    bool hasIndex(const QString &index) const
    {
        return scalar(QStringLiteral(
                          "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '%1'")
                          .arg(index))
                   .toInt() == 1;
    }
    QString name;
    static inline int counter = 0;
};
} // namespace

class StoreMigrationTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    QString path() const { return dir.filePath(QStringLiteral("aerodesk.sqlite")); }

    /// A v1 store, written by the v1 schema: 3 connections, 2 history events on the first.
    void makeV1File()
    {
        auto s = Store::open(path(), key, v1Only());
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        for (int i = 0; i < 3; ++i)
            ASSERT_TRUE((*s)->connections().upsert(migrationRow(i)).ok());
        ASSERT_TRUE((*s)->history()
                        .record(migrationRow(0).connectionId,
                                { kMigrationT0,
                                  QStringLiteral("job"),
                                  { { QStringLiteral("jobId"), QStringLiteral("j-1") } } })
                        .ok());
        ASSERT_TRUE((*s)->history()
                        .record(migrationRow(0).connectionId,
                                { kMigrationT0.addSecs(5),
                                  QStringLiteral("error"),
                                  { { QStringLiteral("code"), QStringLiteral("AC-112") } } })
                        .ok());
        EXPECT_EQ((*s)->database().schemaVersion(), 1);
    }
};

TEST_F(StoreMigrationTest, AV1FileIsMigratedToV2WithItsRowsIntact)
{
    makeV1File();
    {
        RawFile raw(path());
        ASSERT_FALSE(
            raw.hasColumn(QStringLiteral("connection_events"), QStringLiteral("event_key")))
            << "not a v1 file";
    }
    auto s = Store::open(path(), key); // the current schema
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ((*s)->database().schemaVersion(), StoreSchema::migrations().last().version);
    EXPECT_EQ((*s)->connections().count(), 3);
    for (int i = 0; i < 3; ++i) {
        auto c = (*s)->connections().get(migrationRow(i).connectionId);
        ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
        EXPECT_EQ(c->aeroPassUserUuid, migrationRow(i).aeroPassUserUuid);
        EXPECT_EQ(c->accountSummary, migrationRow(i).accountSummary);
    }
    auto history = (*s)->history().forConnection(migrationRow(0).connectionId);
    ASSERT_TRUE(history.ok()) << history.error().message.toStdString();
    ASSERT_EQ(history->size(), 2);
    EXPECT_EQ(history->at(0).kind, QStringLiteral("job"));
    EXPECT_EQ(history->at(0).at, kMigrationT0);
    EXPECT_EQ(history->at(1).detail.value(QStringLiteral("code")).toString(),
              QStringLiteral("AC-112"));

    // v2's feature works on the migrated file: a keyed event is recorded once.
    const ConnectionEvent webhook { kMigrationT0.addSecs(60),
                                    QStringLiteral("webhook"),
                                    { { QStringLiteral("type"),
                                        QStringLiteral("connection.expired") } } };
    auto first = (*s)->history().record(migrationRow(0).connectionId, webhook,
                                        QStringLiteral("delivery-42"));
    auto retry = (*s)->history().record(migrationRow(0).connectionId, webhook,
                                        QStringLiteral("delivery-42"));
    ASSERT_TRUE(first.ok() && retry.ok());
    EXPECT_TRUE(*first);
    EXPECT_FALSE(*retry) << "a retried delivery must be recorded once";
    EXPECT_EQ((*s)->history().forConnection(migrationRow(0).connectionId)->size(), 3);
}

TEST_F(StoreMigrationTest, AFileFromANewerVersionIsRefusedAndLeftUntouched)
{
    makeV1File();
    {
        RawFile raw(path());
        ASSERT_TRUE(
            raw.exec(QStringLiteral("INSERT INTO schema_version(version, name, applied_at)"
                                    " VALUES(99, 'from the future', '2031-01-01T00:00:00Z')")));
    }
    const QByteArray before = migrationFileHash(path());
    auto s = Store::open(path(), key);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, StoreError::Kind::TooNew);
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("schema version 99")))
        << s.error().message.toStdString();
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("newer AeroDesk")))
        << s.error().message.toStdString();
    EXPECT_EQ(migrationFileHash(path()), before) << "a refused file must not be modified";
    RawFile raw(path());
    EXPECT_FALSE(raw.hasColumn(QStringLiteral("connection_events"), QStringLiteral("event_key")));
    EXPECT_EQ(raw.scalar(QStringLiteral("SELECT count(*) FROM connections")).toInt(), 3);
}

/// The two tests below on both backends: a v1 store (SQLite file or PostgreSQL database) and
/// checks through the catalogue of each engine.
class StoreMigrationBothTest : public ::testing::TestWithParam<test::Backend>
{
protected:
    void SetUp() override { ASSERT_TRUE(where.ok()) << where.error().toStdString(); }
    test::StoreBackend where { GetParam() };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    auto open(const QList<Migration> &m = {}) const { return where.open(key, m); }
    QVariant scalar(const QString &sql) const { return where.rawScalar(sql); }
    bool hasColumn(const QString &table, const QString &column) const
    {
        return scalar((where.isPostgres()
                           ? QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE "
                                            "table_name = '%1' AND column_name = '%2'")
                           : QStringLiteral("SELECT count(*) FROM pragma_table_info('%1') WHERE "
                                            "name = '%2'"))
                          .arg(table, column))
                   .toInt() == 1;
    }
    bool hasIndex(const QString &index) const
    {
        return scalar(
                   (where.isPostgres()
                        ? QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = '%1'")
                        : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                         "'index' AND name = '%1'"))
                       .arg(index))
                   .toInt() == 1;
    }
    void makeV1Store()
    {
        auto s = open(v1Only());
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        for (int i = 0; i < 3; ++i)
            ASSERT_TRUE((*s)->connections().upsert(migrationRow(i)).ok());
        for (int i = 0; i < 2; ++i)
            ASSERT_TRUE((*s)->history()
                            .record(migrationRow(0).connectionId,
                                    { kMigrationT0.addSecs(i), QStringLiteral("job"), {} })
                            .ok());
        EXPECT_EQ((*s)->database().schemaVersion(), 1);
    }
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreMigrationBothTest,
                         ::testing::Values(test::Backend::Sqlite, test::Backend::Postgres),
                         test::backendName);

TEST_P(StoreMigrationBothTest, AMigrationThatFailsHalfWayIsRolledBack)
{
    makeV1Store();
    // v2's real statements, then one that fails: the column and indexes must all go again.
    QList<Migration> broken = v1Only();
    broken.append(
        Migration { 2, QStringLiteral("history event keys (broken)"),
                    [](store::MigrationContext &context, QString &error) {
                        for (const QString &sql :
                             store::SqlDialect::ddl(context.backend, StoreSchema::v2Statements()) +
                                 QStringList { QStringLiteral("SELECT * FROM no_such_table") }) {
                            QSqlQuery q(context.db);
                            if (!q.exec(sql)) {
                                error = QStringLiteral("%1 (%2)").arg(q.lastError().text(), sql);
                                return false;
                            }
                        }
                        return true;
                    } });
    auto failed = open(broken);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().kind, StoreError::Kind::Migration);
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("migration 2")))
        << failed.error().message.toStdString();
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("no_such_table")))
        << "v2's own statements must have run first: " << failed.error().message.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT max(version) FROM schema_version")).toInt(), 1);
    EXPECT_TRUE(hasColumn(QStringLiteral("connection_events"), QStringLiteral("detail")));
    EXPECT_FALSE(hasColumn(QStringLiteral("connection_events"), QStringLiteral("event_key")));
    EXPECT_FALSE(hasIndex(QStringLiteral("connection_events_key")));
    EXPECT_FALSE(hasIndex(QStringLiteral("connection_events_at")));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM connections")).toInt(), 3);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM connection_events")).toInt(), 2);
    // The real v2 still applies afterwards.
    auto s = open();
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ((*s)->database().schemaVersion(), StoreSchema::migrations().last().version);
    EXPECT_EQ((*s)->history().forConnection(migrationRow(0).connectionId)->size(), 2);
}

TEST_P(StoreMigrationBothTest, HistoryIsTimeOrderedLimitedPrunedAndSealed)
{
    auto s = open();
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->connections().upsert(migrationRow(0)).ok());
    ASSERT_TRUE((*s)->connections().upsert(migrationRow(1)).ok());
    auto &history = (*s)->history();
    for (int i = 9; i >= 0; --i) // recorded out of order
        ASSERT_TRUE(history
                        .record(migrationRow(0).connectionId,
                                { kMigrationT0.addSecs(i),
                                  QStringLiteral("job"),
                                  { { QStringLiteral("n"), i } } },
                                QStringLiteral("job-%1").arg(i))
                        .ok());
    ASSERT_TRUE(history
                    .record(migrationRow(1).connectionId,
                            { kMigrationT0, QStringLiteral("job"), { { QStringLiteral("n"), 0 } } },
                            QStringLiteral("job-0"))
                    .value())
        << "the same key on another connection is another event";

    auto all = history.forConnection(migrationRow(0).connectionId);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 10);
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(all->at(i).detail.value(QStringLiteral("n")).toInt(), i);
    auto latest = history.forConnection(migrationRow(0).connectionId, 3);
    ASSERT_EQ(latest->size(), 3);
    EXPECT_EQ(latest->at(0).detail.value(QStringLiteral("n")).toInt(), 7);
    EXPECT_EQ(latest->at(2).detail.value(QStringLiteral("n")).toInt(), 9);

    EXPECT_EQ(history.pruneBefore(kMigrationT0.addSecs(5)).value(),
              6); // 0..4 of row 0, and row 1's
    EXPECT_EQ(history.forConnection(migrationRow(0).connectionId)->size(), 5);
    EXPECT_EQ(history.forConnection(migrationRow(1).connectionId)->size(), 0);

    EXPECT_EQ(
        history.record(migrationRow(0).connectionId, { kMigrationT0, QString(), {} }).error().kind,
        StoreError::Kind::InvalidInput);
    EXPECT_EQ(
        history.record(migrationRow(5).connectionId, { kMigrationT0, QStringLiteral("job"), {} })
            .error()
            .kind,
        StoreError::Kind::NotFound);

    // Keys are blind-indexed: the delivery id is not on disk in plain.
    EXPECT_EQ(scalar(where.isPostgres()
                         ? QStringLiteral("SELECT count(*) FROM connection_events WHERE "
                                          "position(convert_to('job-', 'UTF8') in event_key) > 0")
                         : QStringLiteral("SELECT count(*) FROM connection_events WHERE "
                                          "CAST(event_key AS TEXT) LIKE '%job-%'"))
                  .toInt(),
              0);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT count(*) FROM connection_events WHERE event_key IS NOT NULL"))
            .toInt(),
        5);
    EXPECT_FALSE(where.rawBytes().contains("job-")) << "an event key in plain";
}
