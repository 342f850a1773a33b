// StoreLoader: 20,000 rows decrypted on the worker thread, in order, in batches; cancellation;
// errors. On both backends (a real SQLite file; a real PostgreSQL database), real threads.
#include "core/store/StoreLoader.h"

#include "core/crypto/Random.h"
#include "core/store/Store.h"
#include "core/store/StoreWorker.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"

#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using connections::Connection;
using store::ConnectionQuery;
using store::Store;
using store::StoreError;
using store::StoreLoader;
using store::StoreWorker;
using test::Backend;

namespace {
const QDateTime kBase(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);

/// Row i expires i minutes after kBase, so the store's order (by expiry) is the order of i.
Connection loaderRow(int i)
{
    Connection c;
    c.connectionId =
        QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).replace(0, 4, QStringLiteral("beef"));
    c.aeroPassUserUuid =
        QStringLiteral("0b1c2d3e-4f50-4a6b-8c7d-%1").arg(i, 12, 10, QLatin1Char('0'));
    c.bankName = i % 2 ? QStringLiteral("Aerosync Bank (MFA)") : QStringLiteral("Aerosync Bank");
    c.status = i % 3 ? QStringLiteral("CONNECTED") : QStringLiteral("EXPIRED");
    c.connectionExpiry = kBase.addSecs(60LL * i);
    c.accountSummary = QJsonObject { { QStringLiteral("accountNumber"),
                                       QStringLiteral("77%1").arg(i, 8, 10, QLatin1Char('0')) } };
    return c;
}

/// What a StoreLoader handed to the test, as seen on the test's (main) thread.
struct Received
{
    QList<Connection> rows;
    QList<qint64> firstIndexes;
    std::optional<qint64> finished, cancelled;
    std::optional<StoreError> failed;
    bool allOnMainThread = true;
    bool ended() const { return finished || cancelled || failed; }

    void attach(StoreLoader &loader)
    {
        QThread *main = QThread::currentThread();
        QObject::connect(&loader, &StoreLoader::batchReady, &loader,
                         [this, main](quint64, qint64 first, const QList<Connection> &b) {
                             allOnMainThread = allOnMainThread && QThread::currentThread() == main;
                             firstIndexes << first;
                             rows += b;
                         });
        QObject::connect(&loader, &StoreLoader::finished, &loader,
                         [this](quint64, qint64 n) { finished = n; });
        QObject::connect(&loader, &StoreLoader::cancelled, &loader,
                         [this](quint64, qint64 n) { cancelled = n; });
        QObject::connect(&loader, &StoreLoader::failed, &loader,
                         [this](quint64, const StoreError &e) { failed = e; });
    }
};
} // namespace

class StoreLoaderTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override { ASSERT_TRUE(where.ok()) << where.error().toStdString(); }
    test::StoreBackend where { GetParam() };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);

    void fill(int n)
    {
        auto s = where.open(key);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        QList<Connection> many;
        many.reserve(n);
        // Inserted in reverse: the order that comes back is the store's (by expiry), not insertion.
        for (int i = n - 1; i >= 0; --i)
            many.append(loaderRow(i));
        ASSERT_TRUE((*s)->connections().upsertMany(many).ok());
    }
};

TEST_P(StoreLoaderTest, TwentyThousandRowsArriveDecryptedInOrderFromTheWorkerThread)
{
    constexpr int kRows = 20000;
    fill(kRows);
    StoreLoader loader(where.target(), key, where.password());
    Received got;
    got.attach(loader);
    std::atomic<QThread *> decryptingThread { nullptr };
    std::atomic<int> batchesOnOtherThreads { 0 };
    // Direct: runs where the batch was decrypted and emitted.
    QObject::connect(
        loader.worker(), &StoreWorker::batchReady, loader.worker(),
        [&](quint64, qint64, const QList<Connection> &) {
            decryptingThread = QThread::currentThread();
            if (QThread::currentThread() != loader.worker()->thread())
                ++batchesOnOtherThreads;
        },
        Qt::DirectConnection);

    loader.load({}, 2000);
    ASSERT_TRUE(test::waitUntil([&] { return got.ended(); }, 120000));

    ASSERT_FALSE(got.failed) << got.failed->message.toStdString();
    ASSERT_TRUE(got.finished);
    EXPECT_EQ(*got.finished, kRows);
    ASSERT_EQ(got.rows.size(), kRows);
    EXPECT_NE(decryptingThread.load(), nullptr);
    EXPECT_NE(decryptingThread.load(), QThread::currentThread()) << "the caller's thread decrypted";
    EXPECT_EQ(batchesOnOtherThreads.load(), 0);
    EXPECT_TRUE(got.allOnMainThread) << "batches must be delivered on the loader's thread";
    ASSERT_EQ(got.firstIndexes.size(), kRows / 2000);
    for (int b = 0; b < got.firstIndexes.size(); ++b)
        EXPECT_EQ(got.firstIndexes.at(b), qint64(b) * 2000);
    for (int i = 0; i < kRows; ++i) {
        const Connection want = loaderRow(i);
        const Connection &have = got.rows.at(i);
        ASSERT_EQ(have.connectionId, want.connectionId) << "row " << i;
        ASSERT_EQ(have.aeroPassUserUuid, want.aeroPassUserUuid) << "row " << i;
        ASSERT_EQ(have.accountSummary, want.accountSummary) << "row " << i;
        ASSERT_EQ(have.connectionExpiry, want.connectionExpiry) << "row " << i;
    }
}

TEST_P(StoreLoaderTest, CancelStopsTheWorkerAtTheNextBatchAndNothingMoreIsDelivered)
{
    constexpr int kRows = 20000, kBatch = 500, kStopAfter = 3;
    fill(kRows);
    StoreLoader loader(where.target(), key, where.password());
    Received got;
    got.attach(loader);
    QSemaphore reached, resume;
    std::atomic<int> produced { 0 };
    // Holds the worker after its third batch until the test has cancelled: no timing involved.
    QObject::connect(
        loader.worker(), &StoreWorker::batchReady, loader.worker(),
        [&](quint64, qint64, const QList<Connection> &b) {
            produced += int(b.size());
            if (produced == kStopAfter * kBatch) {
                reached.release();
                resume.acquire();
            }
        },
        Qt::DirectConnection);

    loader.load({}, kBatch);
    ASSERT_TRUE(reached.tryAcquire(1, 60000)) << "the worker never produced three batches";
    loader.cancel();
    resume.release();
    ASSERT_TRUE(test::waitUntil([&] { return got.ended(); }, 60000));

    EXPECT_EQ(produced.load(), kStopAfter * kBatch)
        << "the worker went on decrypting after the cancel";
    ASSERT_TRUE(got.cancelled);
    EXPECT_FALSE(got.finished);
    EXPECT_FALSE(got.failed);
    EXPECT_EQ(got.rows.size(), 0) << "batches queued before the cancel must not reach the caller";
    EXPECT_EQ(*got.cancelled, 0);

    // The loader stays usable: a new request after the cancel runs to the end.
    Received again;
    again.attach(loader);
    ConnectionQuery page;
    page.offset = 100;
    page.limit = 50;
    loader.load(page, kBatch);
    ASSERT_TRUE(test::waitUntil([&] { return again.ended(); }, 60000));
    ASSERT_TRUE(again.finished);
    ASSERT_EQ(again.rows.size(), 50);
    EXPECT_EQ(again.rows.first().connectionId, loaderRow(100).connectionId);
    EXPECT_EQ(again.rows.last().connectionId, loaderRow(149).connectionId);
}

TEST_P(StoreLoaderTest, FilterAndPageSelectOnPlainColumns)
{
    fill(300);
    StoreLoader loader(where.target(), key, where.password());
    Received got;
    got.attach(loader);
    ConnectionQuery q;
    q.status = QStringLiteral("EXPIRED"); // i % 3 == 0
    q.bankName = QStringLiteral("Aerosync Bank"); // i even
    q.expiresBefore = kBase.addSecs(60LL * 240); // i < 240
    q.offset = 2;
    q.limit = 30;
    loader.load(q, 7);
    ASSERT_TRUE(test::waitUntil([&] { return got.ended(); }));
    ASSERT_TRUE(got.finished);
    QStringList expected;
    for (int i = 0; i < 240; i += 6) // i % 6 == 0: EXPIRED and even
        expected << loaderRow(i).connectionId;
    expected = expected.mid(2, 30);
    ASSERT_EQ(expected.size(), 30) << "fixture too small for the page";
    QStringList ids;
    for (const Connection &c : got.rows)
        ids << c.connectionId;
    EXPECT_EQ(ids, expected);
    EXPECT_EQ(got.firstIndexes, (QList<qint64> { 0, 7, 14, 21, 28 }));

    // A value with SQL's quoting characters selects exactly its rows (on PostgreSQL the scan's
    // values are inlined into its cursor's statement, quoted by the driver).
    auto opened = where.open(key);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    const std::unique_ptr<store::Store> db = std::move(opened).value();
    Connection odd = loaderRow(1000);
    odd.bankName = QStringLiteral("O'Brien \\ Sons'; DROP TABLE connections; --");
    ASSERT_TRUE(db->connections().upsert(odd).ok());
    Received quoted;
    quoted.attach(loader);
    ConnectionQuery byOdd;
    byOdd.bankName = odd.bankName;
    loader.load(byOdd, 7);
    ASSERT_TRUE(test::waitUntil([&] { return quoted.ended(); }));
    ASSERT_TRUE(quoted.finished) << (quoted.failed ? quoted.failed->message.toStdString() : "");
    ASSERT_EQ(quoted.rows.size(), 1);
    EXPECT_EQ(quoted.rows.first().connectionId, odd.connectionId);
    EXPECT_EQ(db->connections().count(), 301) << "the table is still there";
}

// The connections list reads in the store's own row order (it sorts by itself) with a small
// first batch, so its first rows come before a whole batch is decrypted.
TEST_P(StoreLoaderTest, StoredOrderComesInRowOrderWithASmallFirstBatch)
{
    ASSERT_NO_FATAL_FAILURE(fill(1000)); // inserted from row 999 down to row 0
    StoreLoader loader(where.target(), key, where.password());
    Received got;
    got.attach(loader);
    ConnectionQuery stored;
    stored.order = ConnectionQuery::Order::Stored;
    loader.load(stored, 300, 50);
    ASSERT_TRUE(test::waitUntil([&] { return got.ended(); }, 60000));
    ASSERT_TRUE(got.finished.has_value());
    EXPECT_EQ(*got.finished, 1000);
    EXPECT_EQ(got.firstIndexes, (QList<qint64> { 0, 50, 350, 650, 950 }));
    ASSERT_EQ(got.rows.size(), 1000);
    for (int i = 0; i < 1000; ++i)
        ASSERT_EQ(got.rows.at(i).connectionId, loaderRow(999 - i).connectionId) << i;
    EXPECT_EQ(got.rows.at(0).accountSummary, loaderRow(999).accountSummary) << "decrypted";
}

TEST_P(StoreLoaderTest, WrongKeyFailsWithAClearMessage)
{
    fill(10);
    StoreLoader loader(where.target(), crypto::Random::secretBytes(32), where.password());
    Received got;
    got.attach(loader);
    loader.load();
    ASSERT_TRUE(test::waitUntil([&] { return got.ended(); }));
    ASSERT_TRUE(got.failed);
    EXPECT_EQ(got.failed->kind, StoreError::Kind::WrongKey);
    EXPECT_TRUE(got.failed->message.contains(QStringLiteral("does not open this store")))
        << got.failed->message.toStdString();
    EXPECT_TRUE(got.rows.isEmpty());
}

// A row that no longer opens in the middle of the list (its sealed id altered on disk or on the
// server): the load fails with the cipher's error, nothing of that page or after it is
// delivered, and the pages before it arrived whole and in order. On PostgreSQL the pages are
// decrypted on a thread of their own while the next is fetched (scanWithCursor): the error of
// one page must still end the scan, and no later page may slip through.
TEST_P(StoreLoaderTest, ARowThatNoLongerOpensEndsTheLoadAfterTheRowsBeforeIt)
{
    constexpr int kRows = 5000;
    constexpr int kBad = 3500; // in the fourth page of 1,000
    ASSERT_NO_FATAL_FAILURE(fill(kRows));
    {
        auto s = where.open(key);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        QSqlQuery q((*s)->database().db());
        // The bad row by its place in the store's order (expiry: row i is the i-th).
        ASSERT_TRUE(q.exec(QStringLiteral("UPDATE connections SET connection_id = "
                                          "connection_index WHERE id = (SELECT id FROM "
                                          "connections ORDER BY connection_expiry, id LIMIT 1 "
                                          "OFFSET %1)")
                               .arg(kBad)))
            << q.lastError().text().toStdString();
        ASSERT_EQ(q.numRowsAffected(), 1);
    }
    StoreLoader loader(where.target(), key, where.password());
    Received got;
    got.attach(loader);
    loader.load({}, 1000);
    ASSERT_TRUE(test::waitUntil([&] { return got.ended(); }, 60000));
    ASSERT_TRUE(got.failed) << "the load went through a row that does not open";
    EXPECT_EQ(got.failed->kind, StoreError::Kind::Crypto) << got.failed->message.toStdString();
    EXPECT_FALSE(got.finished);
    EXPECT_EQ(got.rows.size(), 3000) << "the three pages before the bad row, nothing after";
    for (int i = 0; i < got.rows.size(); ++i)
        ASSERT_EQ(got.rows.at(i).connectionId, loaderRow(i).connectionId) << "row " << i;
}

// SQLite only: about a store FILE that does not exist (a team database exists or fails to open).
TEST(StoreLoaderSqlite, AMissingStoreIsAnErrorAndIsNotCreated)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("aerodesk.sqlite"));
    const crypto::SecureBytes key = crypto::Random::secretBytes(32);
    StoreLoader loader(path, key);
    Received got;
    got.attach(loader);
    loader.load();
    ASSERT_TRUE(test::waitUntil([&] { return got.ended(); }));
    ASSERT_TRUE(got.failed);
    EXPECT_EQ(got.failed->kind, StoreError::Kind::OpenFailed);
    EXPECT_TRUE(got.failed->message.contains(QStringLiteral("There is no store")))
        << got.failed->message.toStdString();
    EXPECT_FALSE(Store::exists(path)) << "reading must not create a store";
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreLoaderTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);
