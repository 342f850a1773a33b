// Crash safety: a real writer process (StoreCrashWriter: StoreOpener + Store as the console
// uses them) is killed with SIGKILL at a random moment, 100 times, on one store file. After
// each kill the store must open with core/store, pass PRAGMA integrity_check, and hold every
// record the writer reported as committed, decrypting to what was written.
// SIGKILL proves atomic commits and no corruption when the process dies at any instruction;
// it does not simulate a power loss (the OS page cache survives a SIGKILL): see docs/store.md.
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"
#include "tests/support/Wait.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;

namespace {
using OpenResult = Result<std::shared_ptr<store::Store>, store::StoreError>;

OpenResult openWithKeychain(keychain::Keychain &kc, const QString &path)
{
    store::StoreOpener opener(kc);
    std::optional<OpenResult> out;
    opener.open(path, [&](OpenResult r) { out.emplace(std::move(r)); });
    test::waitUntil([&] { return out.has_value(); }, 20000);
    if (!out)
        return store::StoreError::make(store::StoreError::Kind::Keychain,
                                       QStringLiteral("no answer from the keychain"));
    return std::move(*out);
}

/// Reads the child's stdout until a complete "ready" line or the child ends.
bool waitForReady(QProcess &p, QByteArray &out)
{
    QElapsedTimer t;
    t.start();
    while (!out.startsWith("ready\n") && t.elapsed() < 15000) {
        if (p.state() != QProcess::Running)
            return false;
        p.waitForReadyRead(50);
        out += p.readAllStandardOutput();
    }
    return out.startsWith("ready\n");
}
} // namespace

TEST(StoreCrash, SigkilledWriterLosesNoCommittedRecordAndNeverCorruptsTheStore)
{
    constexpr int kRuns = 100;
    const QString writer = QStringLiteral(AERODESK_STORE_CRASH_WRITER);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("aerodesk.sqlite"));
    const QString profile =
        QStringLiteral("store-crash-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    keychain::Keychain kc(profile);
    {
        auto created = openWithKeychain(kc, path); // first run: key + store, as the console
        ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    }
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator rng(seed);
    SCOPED_TRACE(testing::Message() << "random seed " << seed);

    QSet<QString> committed;
    QHash<QString, QString> events; // key -> connectionId (keys are unique per run only)
    int killedWhileWriting = 0;
    QElapsedTimer total;
    total.start();
    for (int run = 0; run < kRuns; ++run) {
        SCOPED_TRACE(testing::Message() << "run " << run);
        QProcess p;
        p.start(writer, { path, profile });
        ASSERT_TRUE(p.waitForStarted(5000)) << p.errorString().toStdString();
        QByteArray out;
        if (run % 10 == 0) {
            // Every tenth run dies early: opening, WAL recovery, the first commit.
            QThread::msleep(rng.bounded(0, 40));
        } else {
            ASSERT_TRUE(waitForReady(p, out))
                << "the writer did not open the store: " << p.readAllStandardError().toStdString();
            QThread::msleep(rng.bounded(1, 60));
        }
        p.kill(); // SIGKILL
        ASSERT_TRUE(p.waitForFinished(5000));
        out += p.readAllStandardOutput();
        ASSERT_EQ(p.exitStatus(), QProcess::CrashExit)
            << "the writer ended by itself: " << p.readAllStandardError().toStdString();

        // Only complete lines count: a line is printed after its commit returned.
        QSet<QString> thisRun;
        QList<std::pair<QString, QString>> runEvents;
        const QList<QByteArray> lines = out.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> f = lines[i].split(' ');
            if (f.value(0) == "C" && f.size() == 2)
                thisRun.insert(QString::fromLatin1(f[1]));
            else if (f.value(0) == "E" && f.size() == 3)
                runEvents.append({ QString::fromLatin1(f[1]), QString::fromLatin1(f[2]) });
        }
        if (!thisRun.isEmpty())
            ++killedWhileWriting;
        committed.unite(thisRun);

        auto s = openWithKeychain(kc, path);
        ASSERT_TRUE(s.ok()) << "the store does not open after a kill: "
                            << s.error().message.toStdString();
        {
            QSqlQuery check((*s)->database().db());
            ASSERT_TRUE(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            ASSERT_EQ(check.value(0).toString(), QStringLiteral("ok"));
        }
        auto all = (*s)->connections().listAll();
        ASSERT_TRUE(all.ok()) << all.error().message.toStdString();
        QSet<QString> present;
        for (const auto &c : *all) {
            present.insert(c.connectionId);
            ASSERT_EQ(c.accountSummary.value(QStringLiteral("accountNumber")).toString(),
                      c.connectionId.left(12));
        }
        for (const QString &id : std::as_const(committed))
            ASSERT_TRUE(present.contains(id)) << "committed record lost: " << id.toStdString();
        for (const auto &[id, key] : std::as_const(runEvents)) {
            auto history = (*s)->history().forConnection(id);
            ASSERT_TRUE(history.ok()) << history.error().message.toStdString();
            bool found = false;
            for (const auto &e : *history)
                found = found || e.detail.value(QStringLiteral("key")).toString() == key;
            ASSERT_TRUE(found) << "committed event lost: " << key.toStdString();
        }
    }
    // The kills did land while writing (not only before the first commit).
    EXPECT_GE(killedWhileWriting, kRuns / 2);
    EXPECT_GT(committed.size(), kRuns);
    std::printf("%d runs, %lld committed records, %d killed mid-write, %lld ms\n", kRuns,
                qint64(committed.size()), killedWhileWriting, qint64(total.elapsed()));
    bool removed = false;
    kc.remove(QStringLiteral("storeKey"), [&](const keychain::KeychainError &) { removed = true; });
    test::waitUntil([&] { return removed; });
}

// Issue 13 finding 7c across processes: two writer processes started at once on a fresh store
// and a fresh keychain profile both open it (one key is made; the other waits on the lock file
// and uses it), and everything both committed is readable with the keychain's key.
TEST(StoreCrash, TwoFirstRunProcessesAtOnceShareOneKey)
{
    const QString writer = QStringLiteral(AERODESK_STORE_CRASH_WRITER);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("aerodesk.sqlite"));
    const QString profile =
        QStringLiteral("store-race-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QProcess a, b;
    a.start(writer, { path, profile });
    b.start(writer, { path, profile });
    ASSERT_TRUE(a.waitForStarted(5000) && b.waitForStarted(5000));
    QByteArray outA, outB;
    const bool readyA = waitForReady(a, outA);
    const bool readyB = waitForReady(b, outB);
    QThread::msleep(50);
    a.kill();
    b.kill();
    a.waitForFinished(5000);
    b.waitForFinished(5000);
    outA += a.readAllStandardOutput();
    outB += b.readAllStandardOutput();
    ASSERT_TRUE(readyA) << "first writer: " << a.readAllStandardError().toStdString();
    ASSERT_TRUE(readyB) << "second writer: " << b.readAllStandardError().toStdString();

    keychain::Keychain kc(profile);
    auto s = openWithKeychain(kc, path);
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    int checked = 0;
    for (const QByteArray &out : { outA, outB }) {
        const QList<QByteArray> lines = out.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            if (!lines[i].startsWith("C "))
                continue;
            const QString id = QString::fromLatin1(lines[i].mid(2));
            EXPECT_TRUE((*s)->connections().get(id).ok()) << id.toStdString();
            ++checked;
        }
    }
    EXPECT_GT(checked, 0);
    bool removed = false;
    kc.remove(QStringLiteral("storeKey"), [&](const keychain::KeychainError &) { removed = true; });
    test::waitUntil([&] { return removed; });
}
