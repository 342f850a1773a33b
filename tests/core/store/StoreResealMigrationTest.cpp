// Issue 13 finding 7: a store written in the old format (AES under the raw data key, fields
// bound to their column only, blind index under HMAC(dataKey, label)) still opens; migration 3
// re-seals every row in one transaction.
#include "core/crypto/Aead.h"
#include "core/crypto/Hmac.h"
#include "core/crypto/Random.h"
#include "core/store/Store.h"
#include "core/store/StoreSchema.h"
#include "tests/core/store/RawStoreFile.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using connections::Connection;
using connections::ConnectionEvent;
using store::Migration;
using store::Store;
using store::StoreError;
using store::StoreSchema;
using test::RawStoreFile;

namespace {
Connection resealSample(int i)
{
    Connection c;
    c.connectionId =
        QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).replace(0, 4, QStringLiteral("01df"));
    c.aeroPassUserUuid =
        QStringLiteral("3c9d0e11-aaaa-4bbb-8ccc-%1").arg(i, 12, 10, QLatin1Char('0'));
    c.bankName = QStringLiteral("Aerosync Bank (OAuth)");
    c.status = QStringLiteral("CONNECTED");
    c.accountSummary = QJsonObject { { QStringLiteral("accountNumber"),
                                       QStringLiteral("31%1").arg(i, 6, 10, QLatin1Char('0')) } };
    return c;
}
const QDateTime kResealT0(QDate(2026, 9, 14), QTime(7, 30), Qt::UTC);

QList<Migration> upToV2()
{
    return StoreSchema::migrations().mid(0, 2);
}
} // namespace

class StoreResealMigrationTest : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    QString path() const { return dir.filePath(QStringLiteral("aerodesk.sqlite")); }

    /// A v2 store as today's main writes it: 3 connections, 2 events (one keyed) on the first.
    void makeOldFormatFile()
    {
        auto s = Store::open(path(), key, upToV2());
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        for (int i = 1; i <= 3; ++i)
            ASSERT_TRUE((*s)->connections().upsert(resealSample(i)).ok());
        auto &history = (*s)->history();
        ASSERT_TRUE(
            history
                .record(resealSample(1).connectionId,
                        { kResealT0, QStringLiteral("job"), { { QStringLiteral("n"), 1 } } })
                .ok());
        ASSERT_TRUE(history
                        .record(resealSample(1).connectionId,
                                { kResealT0.addSecs(9),
                                  QStringLiteral("webhook"),
                                  { { QStringLiteral("n"), 2 } } },
                                QStringLiteral("delivery-7"))
                        .ok());
        EXPECT_EQ((*s)->database().schemaVersion(), 2);
    }

    /// True when row `i` is in the OLD on-disk format, checked with the primitives directly:
    /// AES-GCM under the raw data key with the column name as associated data, blind index
    /// HMAC(HMAC(dataKey, "aerodesk blind index v1"), "connectionId" 0x00 id).
    bool isOldFormat(const RawStoreFile &raw, int i) const
    {
        const QByteArray oldIndexKey = crypto::Hmac::sha256(key.view(), "aerodesk blind index v1");
        const QByteArray index = crypto::Hmac::sha256(
            oldIndexKey, QByteArray("connectionId") + '\0' + resealSample(i).connectionId.toUtf8());
        const QByteArray sealed =
            raw.scalar(QStringLiteral("SELECT connection_id FROM connections WHERE "
                                      "connection_index = ?"),
                       { index })
                .toByteArray();
        auto opened = crypto::Aead::open(key, sealed, "connections.connection_id");
        return opened.ok() &&
            opened->view() == QByteArrayView(resealSample(i).connectionId.toUtf8());
    }
};

TEST_F(StoreResealMigrationTest, AnOldFormatStoreOpensAndEveryRowIsResealed)
{
    makeOldFormatFile();
    {
        RawStoreFile raw(path());
        for (int i = 1; i <= 3; ++i)
            ASSERT_TRUE(isOldFormat(raw, i)) << "the fixture is not in the old format: " << i;
    }
    {
        auto s = Store::open(path(), key);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        EXPECT_EQ((*s)->database().schemaVersion(), StoreSchema::migrations().last().version);
        for (int i = 1; i <= 3; ++i) {
            auto c = (*s)->connections().get(resealSample(i).connectionId);
            ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
            EXPECT_EQ(c->aeroPassUserUuid, resealSample(i).aeroPassUserUuid);
            EXPECT_EQ(c->accountSummary, resealSample(i).accountSummary);
            auto byUser = (*s)->connections().findByAeroPassUser(resealSample(i).aeroPassUserUuid);
            ASSERT_TRUE(byUser.ok());
            ASSERT_EQ(byUser->size(), 1) << "user index not recomputed";
        }
        auto events = (*s)->history().forConnection(resealSample(1).connectionId);
        ASSERT_TRUE(events.ok()) << events.error().message.toStdString();
        ASSERT_EQ(events->size(), 2);
        EXPECT_EQ(events->at(0).detail.value(QStringLiteral("n")).toInt(), 1);
        EXPECT_EQ(events->at(1).kind, QStringLiteral("webhook"));
        // Keyed events work on the migrated file.
        const ConnectionEvent e { kResealT0.addSecs(60), QStringLiteral("webhook"), {} };
        EXPECT_TRUE(
            (*s)->history().record(resealSample(2).connectionId, e, QStringLiteral("d-8")).value());
        EXPECT_FALSE(
            (*s)->history().record(resealSample(2).connectionId, e, QStringLiteral("d-8")).value());
    }
    {
        RawStoreFile raw(path());
        for (int i = 1; i <= 3; ++i)
            EXPECT_FALSE(isOldFormat(raw, i)) << "row " << i << " was not re-sealed";
        EXPECT_EQ(raw.scalar(QStringLiteral("SELECT count(*) FROM connection_events WHERE "
                                            "event_key IS NOT NULL"))
                      .toInt(),
                  1)
            << "old event keys cannot be recomputed and are cleared; the new one stays";
    }
    auto again = Store::open(path(), key); // the re-sealed key check value
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(Store::open(path(), crypto::Random::secretBytes(32)).error().kind,
              StoreError::Kind::WrongKey);
}

TEST_F(StoreResealMigrationTest, AReSealThatFailsHalfWayLeavesTheOldFileIntact)
{
    makeOldFormatFile();
    {
        RawStoreFile raw(path());
        // The last row's summary is corrupt: rows 1 and 2 are re-sealed before the failure.
        QByteArray bad = raw.scalar(QStringLiteral("SELECT account_summary FROM connections "
                                                   "ORDER BY id DESC LIMIT 1"))
                             .toByteArray();
        ASSERT_FALSE(bad.isEmpty());
        bad[bad.size() - 1] = char(bad[bad.size() - 1] ^ 0x01);
        ASSERT_TRUE(raw.exec(QStringLiteral("UPDATE connections SET account_summary = ? WHERE "
                                            "id = (SELECT max(id) FROM connections)"),
                             { bad }));
    }
    auto failed = Store::open(path(), key);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().kind, StoreError::Kind::Migration);
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("migration 3")))
        << failed.error().message.toStdString();
    RawStoreFile raw(path());
    EXPECT_EQ(raw.scalar(QStringLiteral("SELECT max(version) FROM schema_version")).toInt(), 2);
    for (int i = 1; i <= 3; ++i)
        EXPECT_TRUE(isOldFormat(raw, i)) << "row " << i << " changed by a rolled-back migration";
    EXPECT_EQ(raw.scalar(QStringLiteral("SELECT count(*) FROM connection_events WHERE event_key "
                                        "IS NOT NULL"))
                  .toInt(),
              1);
}
