// The encrypted store on both backends (a real SQLite file; a real PostgreSQL database):
// nothing identifying on disk or in the server's tables, reopen, wrong key, 100k rows.
#include "core/store/Store.h"

#include "core/crypto/Random.h"
#include "tests/support/StoreBackend.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using connections::Connection;
using store::Store;
using store::StoreError;
using test::Backend;

namespace {
Connection sample(int i)
{
    Connection c;
    c.connectionId =
        QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).replace(0, 4, QStringLiteral("c0de"));
    c.aeroPassUserUuid =
        QStringLiteral("7d3dba48-9c44-4cce-9aea-%1").arg(i, 12, 10, QLatin1Char('0'));
    c.bankName = QStringLiteral("Aerosync Bank (MFA)");
    c.status = QStringLiteral("CONNECTED");
    c.connectionExpiry = QDateTime(QDate(2027, 5, 1), QTime(12, 0), Qt::UTC);
    c.accountSummary =
        QJsonObject { { QStringLiteral("accountNumber"),
                        QStringLiteral("9537989%1").arg(i, 3, 10, QLatin1Char('0')) },
                      { QStringLiteral("routingNumber"), QStringLiteral("021000021") } };
    return c;
}

/// The database file itself. (A read-only connection to a WAL database recreates SQLite's
/// transient -shm index, which holds no data; the data and the WAL are what must not change.)
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    QFile wal(path + QStringLiteral("-wal"));
    QByteArray bytes = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    if (wal.open(QIODevice::ReadOnly))
        bytes += wal.readAll();
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}
} // namespace

class StoreTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override { ASSERT_TRUE(where.ok()) << where.error().toStdString(); }
    auto open(const crypto::SecureBytes &k) { return where.open(k); }
    auto open() { return where.open(key); }
    /// What must not change: the SQLite file and its WAL, or every row on the server.
    QByteArray snapshot() const
    {
        return where.isPostgres()
            ? QCryptographicHash::hash(where.rawBytes(), QCryptographicHash::Sha256)
            : fileHash(where.target().path());
    }

    test::StoreBackend where { GetParam() };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         test::backendName);

TEST_P(StoreTest, NoIdentifierIsEverOnDisk)
{
    {
        auto s = open();
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        for (int i = 0; i < 50; ++i)
            ASSERT_TRUE((*s)->connections().upsert(sample(i)).ok());
    }
    const QByteArray disk = where.rawBytes();
    ASSERT_GT(disk.size(), 0);
    for (int i = 0; i < 50; ++i) {
        const Connection c = sample(i);
        for (const QString &secret :
             { c.connectionId, c.aeroPassUserUuid,
               c.accountSummary.value(QStringLiteral("accountNumber")).toString() }) {
            const QByteArray utf8 = secret.toUtf8();
            EXPECT_FALSE(disk.contains(utf8)) << "plaintext on disk: " << secret.toStdString();
            EXPECT_FALSE(disk.contains(utf8.toUpper())) << secret.toStdString();
            EXPECT_FALSE(disk.contains(utf8.toBase64()))
                << "base64 on disk: " << secret.toStdString();
            EXPECT_FALSE(disk.contains(utf8.toHex())) << "hex on disk: " << secret.toStdString();
        }
    }
}

TEST_P(StoreTest, ReopenReadsBackEverything)
{
    {
        auto s = open();
        ASSERT_TRUE(s.ok());
        ASSERT_TRUE((*s)->connections().upsert(sample(7)).ok());
    }
    auto again = open();
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    auto c = (*again)->connections().get(sample(7).connectionId);
    ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
    EXPECT_EQ(c->aeroPassUserUuid, sample(7).aeroPassUserUuid);
    EXPECT_EQ(c->connectionExpiry, sample(7).connectionExpiry);
    EXPECT_EQ(c->accountSummary, sample(7).accountSummary);
    EXPECT_EQ((*again)->connections().count(), 1);
}

TEST_P(StoreTest, WrongKeyFailsCleanlyAndChangesNothing)
{
    {
        auto s = open();
        ASSERT_TRUE(s.ok());
        ASSERT_TRUE((*s)->connections().upsert(sample(1)).ok());
    }
    const QByteArray before = snapshot();
    auto wrong = open(crypto::Random::secretBytes(32));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().kind, StoreError::Kind::WrongKey);
    EXPECT_FALSE(wrong.error().message.isEmpty());
    EXPECT_EQ(snapshot(), before) << "a wrong key must not touch the store";
    EXPECT_TRUE(open().ok()) << "the right key still opens it";
}

TEST_P(StoreTest, UpsertUpdatesInPlaceAndRemoveDeletes)
{
    auto s = open();
    ASSERT_TRUE(s.ok());
    Connection c = sample(3);
    ASSERT_TRUE((*s)->connections().upsert(c).ok());
    c.status = QStringLiteral("EXPIRED");
    ASSERT_TRUE((*s)->connections().upsert(c).ok());
    EXPECT_EQ((*s)->connections().count(), 1);
    EXPECT_EQ((*s)->connections().get(c.connectionId)->status, QStringLiteral("EXPIRED"));
    ASSERT_TRUE((*s)->connections().remove(c.connectionId).ok());
    EXPECT_FALSE((*s)->connections().get(c.connectionId).ok());
}

TEST_P(StoreTest, HistoryComesBackInTimeOrder)
{
    auto s = open();
    ASSERT_TRUE(s.ok());
    const Connection c = sample(4);
    ASSERT_TRUE((*s)->connections().upsert(c).ok());
    const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC);
    ASSERT_TRUE(
        (*s)->connections()
            .addEvent(c.connectionId,
                      { t0.addSecs(60), QStringLiteral("job"), { { QStringLiteral("n"), 2 } } })
            .ok());
    ASSERT_TRUE((*s)->connections()
                    .addEvent(c.connectionId,
                              { t0, QStringLiteral("error"), { { QStringLiteral("n"), 1 } } })
                    .ok());
    auto events = (*s)->connections().events(c.connectionId);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 2);
    EXPECT_EQ(events->at(0).detail.value(QStringLiteral("n")).toInt(), 1);
    EXPECT_EQ(events->at(1).kind, QStringLiteral("job"));
}

TEST_P(StoreTest, BulkInsertOfAHundredThousand)
{
    auto s = open();
    ASSERT_TRUE(s.ok());
    QList<Connection> many;
    many.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        many.append(sample(i));
    ASSERT_TRUE((*s)->connections().upsertMany(many).ok());
    EXPECT_EQ((*s)->connections().count(), 100000);
    EXPECT_EQ((*s)->connections().get(sample(99999).connectionId)->aeroPassUserUuid,
              sample(99999).aeroPassUserUuid);
}

TEST_P(StoreTest, UpsertManyActsAsOneUpsertPerRowInOrder)
{
    // On PostgreSQL upsertMany writes 500 rows to a statement: a connection listed twice, a
    // row read from the store (version > 0) among blind ones and a short last statement must
    // still end as one upsert per row, in list order, would have.
    auto s = open();
    ASSERT_TRUE(s.ok());
    auto &repo = (*s)->connections();
    ASSERT_TRUE(repo.upsert(sample(3)).ok());
    auto read = repo.get(sample(3).connectionId);
    ASSERT_TRUE(read.ok());
    ASSERT_GT(read->version, 0);
    QList<Connection> list;
    for (int i = 0; i < 1203; ++i)
        list.append(sample(i));
    Connection again = sample(7);
    again.bankName = QStringLiteral("Second write wins");
    list.insert(300, again); // in the same statement of 500 as sample(7)
    Connection edited = *read;
    edited.status = QStringLiteral("EDITED");
    list.insert(900, edited); // read at the version before this batch's blind write of it
    const auto written = repo.upsertMany(list);
    ASSERT_FALSE(written.ok()) << "the stale versioned row must conflict";
    EXPECT_EQ(written.error().kind, StoreError::Kind::Conflict);
    EXPECT_EQ(repo.count(), 1) << "a failed batch writes nothing";

    list.removeAt(900);
    ASSERT_TRUE(repo.upsertMany(list).ok());
    EXPECT_EQ(repo.count(), 1203);
    EXPECT_EQ(repo.get(sample(7).connectionId)->bankName, QStringLiteral("Second write wins"));
    EXPECT_EQ(repo.get(sample(1202).connectionId)->aeroPassUserUuid, sample(1202).aeroPassUserUuid);
    const auto seven = repo.get(sample(7).connectionId);
    const auto three = repo.get(sample(3).connectionId);
    ASSERT_TRUE(seven.ok() && three.ok());
    EXPECT_EQ(seven->version, read->version + 1) << "inserted, then updated once in the batch";
    EXPECT_EQ(three->version, read->version + 1);

    // A versioned row at its current version among blind rows is one optimistic update.
    Connection current = *three;
    current.status = QStringLiteral("EDITED");
    ASSERT_TRUE(repo.upsertMany({ sample(2000), current, sample(2001) }).ok());
    EXPECT_EQ(repo.get(sample(3).connectionId)->status, QStringLiteral("EDITED"));
    EXPECT_EQ(repo.count(), 1205);
}

TEST_P(StoreTest, BinaryValuesRoundTripByteForByte)
{
    // QPSQL binds a QByteArray as bytea: every byte value (NUL, quotes, backslashes, high
    // bytes) must come back exactly, as SQLite's BLOB does; an empty value stays empty, not NULL.
    auto s = open();
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    QByteArray every;
    for (int round = 0; round < 3; ++round)
        for (int b = 0; b < 256; ++b)
            every.append(char(b));
    QSqlQuery q((*s)->database().db());
    ASSERT_TRUE(q.prepare(QStringLiteral("INSERT INTO store_meta(key, value) VALUES(?, ?)")));
    for (const auto &[name, value] :
         { std::pair { QStringLiteral("every"), every },
           std::pair { QStringLiteral("empty"), QByteArray("") },
           std::pair { QStringLiteral("quote"), QByteArray("'\\\\x00'") } }) {
        q.addBindValue(name);
        q.addBindValue(value);
        ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
    }
    const auto read = [&](const QString &name) {
        QSqlQuery r((*s)->database().db());
        r.prepare(QStringLiteral("SELECT value FROM store_meta WHERE key = ?"));
        r.addBindValue(name);
        EXPECT_TRUE(r.exec() && r.next()) << name.toStdString();
        return r.value(0);
    };
    EXPECT_EQ(read(QStringLiteral("every")).toByteArray(), every);
    const QVariant empty = read(QStringLiteral("empty"));
    EXPECT_FALSE(empty.isNull());
    EXPECT_TRUE(empty.toByteArray().isEmpty());
    EXPECT_EQ(read(QStringLiteral("quote")).toByteArray(), QByteArray("'\\\\x00'"));
}
