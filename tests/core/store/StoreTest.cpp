// The encrypted store on real SQLite files: nothing identifying on disk, reopen, wrong key.
#include "core/store/Store.h"

#include "core/crypto/Random.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using connections::Connection;
using store::Store;
using store::StoreError;

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

/// Every byte of the database and its WAL/SHM side files.
QByteArray rawBytes(const QString &path)
{
    QByteArray all;
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
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

class StoreTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    QString path() const { return dir.filePath(QStringLiteral("aerodesk.sqlite")); }
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
};

TEST_F(StoreTest, NoIdentifierIsEverOnDisk)
{
    {
        auto s = Store::open(path(), key);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        for (int i = 0; i < 50; ++i)
            ASSERT_TRUE((*s)->connections().upsert(sample(i)).ok());
    }
    const QByteArray disk = rawBytes(path());
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

TEST_F(StoreTest, ReopenReadsBackEverything)
{
    {
        auto s = Store::open(path(), key);
        ASSERT_TRUE(s.ok());
        ASSERT_TRUE((*s)->connections().upsert(sample(7)).ok());
    }
    auto again = Store::open(path(), key);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    auto c = (*again)->connections().get(sample(7).connectionId);
    ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
    EXPECT_EQ(c->aeroPassUserUuid, sample(7).aeroPassUserUuid);
    EXPECT_EQ(c->connectionExpiry, sample(7).connectionExpiry);
    EXPECT_EQ(c->accountSummary, sample(7).accountSummary);
    EXPECT_EQ((*again)->connections().count(), 1);
}

TEST_F(StoreTest, WrongKeyFailsCleanlyAndChangesNothing)
{
    {
        auto s = Store::open(path(), key);
        ASSERT_TRUE(s.ok());
        ASSERT_TRUE((*s)->connections().upsert(sample(1)).ok());
    }
    const QByteArray before = fileHash(path());
    auto wrong = Store::open(path(), crypto::Random::secretBytes(32));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().kind, StoreError::Kind::WrongKey);
    EXPECT_FALSE(wrong.error().message.isEmpty());
    EXPECT_EQ(fileHash(path()), before) << "a wrong key must not touch the file";
    EXPECT_TRUE(Store::open(path(), key).ok()) << "the right key still opens it";
}

TEST_F(StoreTest, UpsertUpdatesInPlaceAndRemoveDeletes)
{
    auto s = Store::open(path(), key);
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

TEST_F(StoreTest, HistoryComesBackInTimeOrder)
{
    auto s = Store::open(path(), key);
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

TEST_F(StoreTest, BulkInsertOfAHundredThousand)
{
    auto s = Store::open(path(), key);
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
