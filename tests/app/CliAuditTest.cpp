// `aerodesk-cli audit verify|export` as a script runs them: a real store file, the real keychain
// (the store key and the audit head), tampering done with raw SQL on the file.
#include "core/audit/AuditTrail.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"
#include "core/util/Clock.h"
#include "tests/app/CliRunner.h"
#include "tests/core/store/RawStoreFile.h"
#include "tests/support/Wait.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using test::cli;
using test::CliRun;
using test::waitUntil;

namespace {

class CliAudit : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.filePath(QStringLiteral("store.sqlite"));
        store::StoreOpener opener(kc);
        std::optional<Result<std::shared_ptr<store::Store>, store::StoreError>> opened;
        opener.open(path, [&](auto r) { opened.emplace(std::move(r)); });
        ASSERT_TRUE(waitUntil([&] { return opened.has_value(); }, 20000));
        ASSERT_TRUE(opened->ok()) << opened->error().message.toStdString();
        audit::AuditTrail trail(opened->value(), kc, clock);
        trail.setProfile(QStringLiteral("Built-in sandbox"));
        for (audit::AuditAction a : { audit::AuditAction::RevealId, audit::AuditAction::Remove,
                                      audit::AuditAction::Decrypt, audit::AuditAction::Logout,
                                      audit::AuditAction::Import })
            ASSERT_TRUE(trail.record(a, QStringLiteral("4a28…ef04"), audit::AuditOutcome::Ok,
                                     QStringLiteral("ticket 9")));
        bool idle = false;
        trail.whenIdle([&] { idle = true; });
        ASSERT_TRUE(waitUntil([&] { return idle; }, 20000));
    }
    void TearDown() override
    {
        int removed = 0;
        for (const char *name : { keychain::entries::kStoreKey, keychain::entries::kAuditHead })
            kc.remove(QString::fromLatin1(name),
                      [&](const keychain::KeychainError &) { ++removed; });
        waitUntil([&] { return removed == 2; }, 10000);
    }
    QStringList args(const QString &sub, const QStringList &more = {}) const
    {
        return QStringList { QStringLiteral("audit"),           sub,
                             QStringLiteral("--store"),         path,
                             QStringLiteral("--store-profile"), profile } +
            more;
    }

    QTemporaryDir dir;
    QString path;
    QString profile =
        QStringLiteral("cli-audit-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    keychain::Keychain kc { profile };
    SystemClock clock;
};

} // namespace

TEST_F(CliAudit, VerifyExitsZeroForAnIntactLog)
{
    const CliRun r = cli(args(QStringLiteral("verify")));
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.json.value(QLatin1String("intact")).toBool());
    EXPECT_EQ(r.json.value(QLatin1String("records")).toInt(), 5);
    EXPECT_EQ(r.json.value(QLatin1String("headSeq")).toInt(), 5);
}

TEST_F(CliAudit, VerifyNamesTheFirstBrokenRecordOnStderrAndExitsOne)
{
    {
        test::RawStoreFile raw(path);
        ASSERT_TRUE(
            raw.exec(QStringLiteral("UPDATE audit_log SET outcome = 'failed' WHERE seq = 3")));
        ASSERT_TRUE(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 4")));
    }
    const CliRun r = cli(args(QStringLiteral("verify")));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("at record 3"))) << r.err.toStdString();
    EXPECT_EQ(r.json.value(QLatin1String("firstBrokenSeq")).toInt(), 3);
    EXPECT_EQ(r.json.value(QLatin1String("problem")).toString(), QStringLiteral("edited"));
}

TEST_F(CliAudit, VerifyDetectsATruncatedLogThroughTheKeychainHead)
{
    {
        test::RawStoreFile raw(path);
        ASSERT_TRUE(raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq >= 4")));
    }
    const CliRun r = cli(args(QStringLiteral("verify")));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.json.value(QLatin1String("problem")).toString(), QStringLiteral("truncated"));
    EXPECT_EQ(r.json.value(QLatin1String("firstBrokenSeq")).toInt(), 4);
    EXPECT_TRUE(r.err.contains(QStringLiteral("at record 4"))) << r.err.toStdString();
}

TEST_F(CliAudit, ExportWritesCsvAndIsItselfRecorded)
{
    const CliRun out = cli(args(QStringLiteral("export")));
    ASSERT_EQ(out.exitCode, 0) << out.err.toStdString();
    const QList<QByteArray> lines = out.out.trimmed().split('\n');
    ASSERT_EQ(lines.size(), 6);
    EXPECT_TRUE(lines[0].startsWith("seq,time,osUser,profile,action,object,outcome,reason,hash"));
    EXPECT_TRUE(lines[1].contains("\"reveal.id\""));
    EXPECT_TRUE(lines[1].contains("\"ticket 9\""));

    const QString file = dir.filePath(QStringLiteral("exports.csv"));
    const CliRun filtered = cli(args(QStringLiteral("export"),
                                     { QStringLiteral("--action"), QStringLiteral("export"),
                                       QStringLiteral("--output"), file }));
    ASSERT_EQ(filtered.exitCode, 0) << filtered.err.toStdString();
    EXPECT_EQ(filtered.json.value(QLatin1String("records")).toInt(), 1);
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> exported = f.readAll().trimmed().split('\n');
    ASSERT_EQ(exported.size(), 2); // the first export's record only
    EXPECT_TRUE(exported[1].contains("\"audit log, 5 records to stdout\""));

    // Both exports were recorded, and the CLI moved the keychain head along.
    const CliRun v = cli(args(QStringLiteral("verify")));
    EXPECT_EQ(v.exitCode, 0) << v.err.toStdString();
    EXPECT_EQ(v.json.value(QLatin1String("records")).toInt(), 7);
    EXPECT_EQ(v.json.value(QLatin1String("headSeq")).toInt(), 7);
}

TEST_F(CliAudit, UsageErrorsExitTwo)
{
    EXPECT_EQ(cli({ QStringLiteral("audit") }).exitCode, 2);
    EXPECT_EQ(cli(args(QStringLiteral("shred"))).exitCode, 2);
    EXPECT_EQ(
        cli(args(QStringLiteral("export"), { QStringLiteral("--action"), QStringLiteral("nope") }))
            .exitCode,
        2);
}
