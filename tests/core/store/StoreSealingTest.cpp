// Issue 13 finding 7 on both backends (real SQLite files; a real PostgreSQL database): sealed
// fields bound to their row (a), keys derived from the data key (b), the key check value in
// migration 1's transaction (d); owner-only files (e) on SQLite only, being about files.
#include "core/crypto/Aead.h"
#include "core/crypto/Hkdf.h"
#include "core/crypto/Hmac.h"
#include "core/crypto/Random.h"
#include "core/store/Store.h"
#include "core/store/StoreSchema.h"
#include "tests/support/StoreBackend.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace aerodesk;
using connections::Connection;
using store::Migration;
using store::Store;
using store::StoreError;
using store::StoreSchema;
using test::Backend;
using test::StoreBackend;

namespace {
Connection sealingSample(int i)
{
    Connection c;
    c.connectionId =
        QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).replace(0, 4, QStringLiteral("5ea1"));
    c.aeroPassUserUuid =
        QStringLiteral("0b7f2a44-1c2d-4e5f-8a9b-%1").arg(i, 12, 10, QLatin1Char('0'));
    c.bankName = QStringLiteral("Aerosync Bank");
    c.status = QStringLiteral("CONNECTED");
    c.accountSummary = QJsonObject { { QStringLiteral("accountNumber"),
                                       QStringLiteral("77%1").arg(i, 6, 10, QLatin1Char('0')) } };
    return c;
}
const QDateTime kSealingT0(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);

/// Swaps column `column` of the rows with ids `a` and `b` at SQL level.
bool swapColumn(const StoreBackend &raw, const QString &table, const QString &column, qint64 a,
                qint64 b)
{
    const QVariant va =
        raw.rawScalar(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(column, table), { a });
    const QVariant vb =
        raw.rawScalar(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(column, table), { b });
    const QString update = QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, column);
    return va.isValid() && vb.isValid() && va != vb && raw.rawExec(update, { vb, a }) &&
        raw.rawExec(update, { va, b });
}

int mode(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
#else
    Q_UNUSED(path);
    return -1;
#endif
}
} // namespace

class StoreSealingTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override { ASSERT_TRUE(where.ok()) << where.error().toStdString(); }
    StoreBackend where { GetParam() };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    auto open(const crypto::SecureBytes &k, const QList<Migration> &m = {}) const
    {
        return where.open(k, m);
    }

    void writeTwo()
    {
        auto s = open(key);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        ASSERT_TRUE((*s)->connections().upsert(sealingSample(1)).ok());
        ASSERT_TRUE((*s)->connections().upsert(sealingSample(2)).ok());
    }
    qint64 rowOf(const Connection &c)
    {
        auto s = open(key);
        return s.ok() ? (*s)->connections().rowId(c.connectionId).value_or(-1) : -1;
    }
};

// (a) Two rows' sealed account summaries (and ids, and users) swapped at SQL level: reading
// either row fails with a Crypto error that says the value was moved, never the other's data.
TEST_P(StoreSealingTest, SwappedSealedFieldsFailToOpenInTheOtherRow)
{
    writeTwo();
    const qint64 a = rowOf(sealingSample(1)), b = rowOf(sealingSample(2));
    ASSERT_GT(a, 0);
    ASSERT_GT(b, 0);
    for (const QString &column :
         { QStringLiteral("account_summary"), QStringLiteral("aero_pass_user_uuid"),
           QStringLiteral("connection_id") }) {
        ASSERT_TRUE(swapColumn(where, QStringLiteral("connections"), column, a, b))
            << column.toStdString();
        {
            auto s = open(key);
            ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
            auto got = (*s)->connections().get(sealingSample(1).connectionId);
            ASSERT_FALSE(got.ok())
                << column.toStdString() << ": the other row's value was returned silently";
            EXPECT_EQ(got.error().kind, StoreError::Kind::Crypto);
            EXPECT_TRUE(got.error().message.contains(QStringLiteral("another row")))
                << got.error().message.toStdString();
            EXPECT_FALSE((*s)->connections().listAll().ok());
        }
        ASSERT_TRUE(swapColumn(where, QStringLiteral("connections"), column, a, b));
    }
    auto s = open(key);
    ASSERT_TRUE(s.ok());
    auto back = (*s)->connections().get(sealingSample(1).connectionId);
    ASSERT_TRUE(back.ok()) << "swapped back, the row opens again: "
                           << back.error().message.toStdString();
    EXPECT_EQ(back->accountSummary, sealingSample(1).accountSummary);
}

TEST_P(StoreSealingTest, SwappedHistoryDetailsFailToOpenInTheOtherEvent)
{
    writeTwo();
    {
        auto s = open(key);
        ASSERT_TRUE(s.ok());
        auto &history = (*s)->history();
        ASSERT_TRUE(
            history
                .record(sealingSample(1).connectionId,
                        { kSealingT0, QStringLiteral("job"), { { QStringLiteral("n"), 1 } } })
                .ok());
        ASSERT_TRUE(history
                        .record(sealingSample(1).connectionId,
                                { kSealingT0.addSecs(1),
                                  QStringLiteral("job"),
                                  { { QStringLiteral("n"), 2 } } },
                                QStringLiteral("job-2"))
                        .ok());
        auto events = history.forConnection(sealingSample(1).connectionId);
        ASSERT_TRUE(events.ok());
        ASSERT_EQ(events->size(), 2);
        EXPECT_EQ(events->at(1).detail.value(QStringLiteral("n")).toInt(), 2);
    }
    {
        const qint64 first =
            where.rawScalar(QStringLiteral("SELECT min(id) FROM connection_events")).toLongLong();
        const qint64 second =
            where.rawScalar(QStringLiteral("SELECT max(id) FROM connection_events")).toLongLong();
        ASSERT_TRUE(swapColumn(where, QStringLiteral("connection_events"), QStringLiteral("detail"),
                               first, second));
    }
    auto s = open(key);
    ASSERT_TRUE(s.ok());
    auto events = (*s)->history().forConnection(sealingSample(1).connectionId);
    ASSERT_FALSE(events.ok()) << "the events' details were returned swapped";
    EXPECT_EQ(events.error().kind, StoreError::Kind::Crypto);
    EXPECT_TRUE(events.error().message.contains(QStringLiteral("connection_events.detail")))
        << events.error().message.toStdString();
}

// (b) Neither AES nor the blind index is keyed with the data key itself: both keys are
// HKDF-SHA256 of it with their own labels (computed here from the documented formula).
TEST_P(StoreSealingTest, FieldAndIndexKeysAreDerivedFromTheDataKeyWithHkdf)
{
    writeTwo();
    const StoreBackend &raw = where;
    const QByteArray sealed =
        raw.rawScalar(QStringLiteral("SELECT connection_id FROM connections ORDER BY id LIMIT 1"))
            .toByteArray();
    const QByteArray index =
        raw.rawScalar(
               QStringLiteral("SELECT connection_index FROM connections ORDER BY id LIMIT 1"))
            .toByteArray();
    ASSERT_FALSE(sealed.isEmpty());
    const QByteArray place = "connections.connection_id";
    EXPECT_FALSE(crypto::Aead::open(key, sealed, place).ok())
        << "a field opens with the raw data key";
    QByteArray boundAad = place;
    boundAad.append('\0').append(index);
    EXPECT_FALSE(crypto::Aead::open(key, sealed, boundAad).ok())
        << "a field opens with the raw data key";

    const crypto::SecureBytes fieldKey =
        crypto::Hkdf::sha256(key, "aerodesk store", "aerodesk store field key v3", 32);
    const crypto::SecureBytes indexKey =
        crypto::Hkdf::sha256(key, "aerodesk store", "aerodesk store blind index key v3", 32);
    ASSERT_EQ(fieldKey.size(), 32u);
    EXPECT_FALSE(fieldKey.equals(indexKey));
    auto opened = crypto::Aead::open(fieldKey, sealed, boundAad);
    ASSERT_TRUE(opened.ok()) << "not sealed under HKDF(dataKey, field label) with the row bound";
    EXPECT_EQ(opened->view(), QByteArrayView(sealingSample(1).connectionId.toUtf8()));
    EXPECT_EQ(index,
              crypto::Hmac::sha256(indexKey.view(),
                                   QByteArray("connectionId") + '\0' +
                                       sealingSample(1).connectionId.toUtf8()));
    EXPECT_NE(index,
              crypto::Hmac::sha256(crypto::Hmac::sha256(key.view(), "aerodesk blind index v1"),
                                   QByteArray("connectionId") + '\0' +
                                       sealingSample(1).connectionId.toUtf8()));
}

// (d) A new store whose migration 2 fails keeps migration 1 — which now includes the key
// check value, so the store opens again (before, v1 committed without it: never opened again).
TEST_P(StoreSealingTest, TheKeyCheckValueIsWrittenInMigrationOnesTransaction)
{
    QList<Migration> broken { StoreSchema::migrations().first(),
                              Migration { 2, QStringLiteral("fails"), [](auto &, QString &error) {
                                             error = QStringLiteral("made to fail");
                                             return false;
                                         } } };
    auto failed = open(key, broken);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().kind, StoreError::Kind::Migration);
    {
        const StoreBackend &raw = where;
        EXPECT_EQ(raw.rawScalar(QStringLiteral("SELECT max(version) FROM schema_version")).toInt(),
                  1);
        EXPECT_EQ(
            raw.rawScalar(QStringLiteral("SELECT count(*) FROM store_meta WHERE key = 'key_check'"))
                .toInt(),
            1)
            << "migration 1 committed without the key check value";
    }
    auto s = open(key);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ((*s)->database().schemaVersion(), StoreSchema::migrations().last().version);
    EXPECT_EQ(open(crypto::Random::secretBytes(32)).error().kind, StoreError::Kind::WrongKey);
}

// (e) Whatever the umask: the folder is created 0700, the database, -wal and -shm are 0600, and
// an existing store left world-readable is tightened on open. SQLite only: about files.
TEST(StoreSealingFiles, StoreFilesAreOwnerOnlyWhateverTheUmask)
{
#ifndef Q_OS_UNIX
    GTEST_SKIP() << "POSIX modes";
#else
    QTemporaryDir dir;
    const crypto::SecureBytes key = crypto::Random::secretBytes(32);
    const mode_t previous = ::umask(022);
    const QString db = dir.filePath(QStringLiteral("aerodesk.sqlite"));
    const QStringList suffixes { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") };
    {
        auto s = Store::open(db, key);
        ::umask(previous);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        ASSERT_TRUE((*s)->connections().upsert(sealingSample(1)).ok());
        ASSERT_TRUE(QFile::exists(db + QStringLiteral("-wal")));
        ASSERT_TRUE(QFile::exists(db + QStringLiteral("-shm")));
        for (const QString &suffix : suffixes)
            EXPECT_EQ(mode(db + suffix), 0600) << (db + suffix).toStdString();
    }
    // A store left group/world-readable (an older AeroDesk) is tightened when it opens.
    ::umask(022);
    for (const QString &suffix : suffixes)
        ::chmod(QFile::encodeName(db + suffix).constData(), 0644);
    {
        auto s = Store::open(db, key);
        ::umask(previous);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        ASSERT_TRUE((*s)->connections().upsert(sealingSample(2)).ok());
        for (const QString &suffix : suffixes) {
            if (QFile::exists(db + suffix)) {
                EXPECT_EQ(mode(db + suffix), 0600)
                    << "not tightened: " << (db + suffix).toStdString();
            }
        }
    }
    // A missing folder is created 0700 (the last level; parents as the umask says).
    ::umask(022);
    const QString folder = dir.filePath(QStringLiteral("fresh/aerodesk"));
    {
        auto s = Store::open(folder + QStringLiteral("/aerodesk.sqlite"), key);
        ::umask(previous);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        EXPECT_EQ(mode(folder), 0700);
        EXPECT_EQ(mode(folder + QStringLiteral("/aerodesk.sqlite")), 0600);
    }
#endif
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreSealingTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);
