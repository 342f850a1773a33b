// The audit log on both backends (a real store file; a real PostgreSQL database) and the real
// keychain: chain, head, filters, CSV, sealing.
#include "AuditRig.h"
#include "core/audit/AuditChain.h"
#include "core/audit/AuditSchema.h"
#include "core/store/StoreJobs.h"

#include <QFile>
#include <QSignalSpy>

#include <algorithm>

using namespace aerodesk;
using audit::AuditAction;
using audit::AuditOutcome;
using test::AuditRig;
using test::Backend;

namespace {
class AuditLog : public ::testing::TestWithParam<Backend>
{
};
} // namespace

INSTANTIATE_TEST_SUITE_P(Backends, AuditLog, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         test::backendName);
using P = audit::AuditVerification::Problem;

TEST_P(AuditLog, EachRecordLinksToTheOneBeforeAndTheHeadFollowsInTheKeychain)
{
    AuditRig rig(GetParam());
    ASSERT_TRUE(rig.store);
    // v4 made the audit table; later versions (v5: the timeline) keep it.
    EXPECT_GE(rig.store->database().schemaVersion(), audit::AuditSchema::kVersion);
    ASSERT_TRUE(rig.append(5));
    rig.idle();
    const auto all = rig.trail->log().read();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 5);
    QByteArray prev = audit::AuditChain::genesis();
    for (int i = 0; i < 5; ++i) {
        const audit::AuditRecord &r = all->at(i);
        EXPECT_EQ(r.seq, i + 1);
        EXPECT_EQ(r.prevHash, prev);
        EXPECT_EQ(r.hash, audit::AuditChain::hashOf(r));
        EXPECT_EQ(r.hash.size(), 32);
        EXPECT_EQ(r.osUser, QStringLiteral("alice"));
        EXPECT_EQ(r.profile, QStringLiteral("Built-in sandbox"));
        EXPECT_TRUE(r.intact);
        prev = r.hash;
    }
    const auto head = rig.keychainHead();
    ASSERT_TRUE(head.has_value());
    EXPECT_EQ(head->seq, 5);
    EXPECT_EQ(head->hash, all->last().hash);
    const auto v = rig.verify();
    EXPECT_TRUE(v.ok()) << v.message.toStdString();
    EXPECT_EQ(v.records, 5);
}

TEST_P(AuditLog, TheHashCoversEveryFieldIncludingSeqAndPrevHash)
{
    audit::AuditRecord r;
    r.seq = 7;
    r.atMs = 1'700'000'000'000;
    r.osUser = QStringLiteral("alice");
    r.profile = QStringLiteral("Production");
    r.action = AuditAction::RevealUserCode;
    r.object = QStringLiteral("partner user p-1…");
    r.connectionRef = QByteArray(32, 'x');
    r.outcome = AuditOutcome::Ok;
    r.reason = QStringLiteral("ticket 12");
    audit::AuditChain::link(r, audit::AuditChain::genesis());
    const QByteArray base = r.hash;
    const std::vector<std::function<void(audit::AuditRecord &)>> edits = {
        [](auto &x) { x.seq = 8; },
        [](auto &x) { x.atMs += 1; },
        [](auto &x) { x.osUser = QStringLiteral("bob"); },
        [](auto &x) { x.profile = QStringLiteral("Built-in sandbox"); },
        [](auto &x) { x.action = AuditAction::RevealSecret; },
        [](auto &x) { x.object += QLatin1Char('x'); },
        [](auto &x) { x.connectionRef.clear(); },
        [](auto &x) { x.outcome = AuditOutcome::Cancelled; },
        [](auto &x) { x.reason.clear(); },
        [](auto &x) { x.prevHash[0] = 1; },
        // Moving bytes between two fields changes the hash too (length-prefixed fields).
        [](auto &x) {
            x.osUser = QStringLiteral("alic");
            x.profile = QStringLiteral("eProduction");
        },
    };
    for (std::size_t i = 0; i < edits.size(); ++i) {
        audit::AuditRecord copy = r;
        edits[i](copy);
        EXPECT_NE(audit::AuditChain::hashOf(copy), base) << "edit " << i;
    }
}

TEST_P(AuditLog, ObjectAndReasonAreSealedOnDiskAndTheConnectionOnlyAsABlindIndex)
{
    AuditRig rig(GetParam());
    ASSERT_TRUE(rig.store);
    const QString connectionId = QStringLiteral("9f1c2e3d4b5a69788796a5b4c3d2e1f0");
    ASSERT_TRUE(rig.trail->record(AuditAction::RevealId, QStringLiteral("9f1c…e1f0"),
                                  AuditOutcome::Ok, QStringLiteral("customer on the phone"),
                                  connectionId));
    rig.idle();
    if (!rig.where.isPostgres())
        rig.store->database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"),
                                   QStringLiteral("checkpoint"));
    const QByteArray disk = rig.where.rawBytes();
    ASSERT_FALSE(disk.isEmpty());
    EXPECT_FALSE(disk.contains("customer on the phone"));
    EXPECT_FALSE(disk.contains("9f1c"));
    EXPECT_FALSE(disk.contains(connectionId.toUtf8()));
    // The timeline reads one connection's staff actions through its blind index.
    const auto mine = rig.trail->log().forConnection(connectionId);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1);
    EXPECT_EQ(mine->first().reason, QStringLiteral("customer on the phone"));
    EXPECT_EQ(mine->first().connectionRef, rig.trail->log().connectionRef(connectionId));
    EXPECT_TRUE(rig.trail->log().forConnection(QStringLiteral("another"))->isEmpty());
}

TEST_P(AuditLog, FiltersByActionObjectTextAndTime)
{
    AuditRig rig(GetParam());
    ASSERT_TRUE(rig.store);
    const QDateTime start = rig.clock.nowUtc();
    ASSERT_TRUE(rig.append(32)); // one second apart; Logout is the 13th action
    audit::AuditFilter byAction;
    byAction.action = AuditAction::Logout;
    const auto logouts = rig.trail->log().read(byAction);
    ASSERT_TRUE(logouts.ok());
    ASSERT_EQ(logouts->size(), 2);
    for (const auto &r : *logouts)
        EXPECT_EQ(r.action, AuditAction::Logout);

    audit::AuditFilter byText;
    byText.objectContains = QStringLiteral("…0017");
    const auto one = rig.trail->log().read(byText);
    ASSERT_EQ(one->size(), 1);
    EXPECT_EQ(one->first().seq, 18);

    audit::AuditFilter byTime;
    byTime.from = start.addSecs(10);
    byTime.to = start.addSecs(12);
    const auto window = rig.trail->log().read(byTime);
    ASSERT_EQ(window->size(), 3);
    EXPECT_EQ(window->first().seq, 10);
}

TEST_P(AuditLog, CsvHasAHeaderOneLinePerRecordAndNeutralisesFormulas)
{
    AuditRig rig(GetParam());
    ASSERT_TRUE(rig.store);
    ASSERT_TRUE(rig.trail->record(AuditAction::Import, QStringLiteral("=HYPERLINK(\"x\")"),
                                  AuditOutcome::Failed, QStringLiteral("a \"quoted\" reason")));
    ASSERT_TRUE(rig.append(2));
    const QByteArray csv = audit::AuditLog::toCsv(*rig.trail->log().read());
    const QList<QByteArray> lines = csv.split('\n');
    ASSERT_EQ(lines.size(), 5); // header, 3 records, trailing empty
    EXPECT_TRUE(lines[0].startsWith("seq,time,osUser,profile,action,object,outcome,reason,hash"));
    EXPECT_TRUE(lines[1].contains("\"import\""));
    EXPECT_TRUE(lines[1].contains("\"failed\""));
    EXPECT_TRUE(lines[1].contains("\"'=HYPERLINK(\"\"x\"\")\""));
    EXPECT_TRUE(lines[1].contains("\"a \"\"quoted\"\" reason\""));
    EXPECT_TRUE(lines[1].contains("2026-11-30T18:00:00.000Z"));
}

TEST_P(AuditLog, TwoStoresOnOneFileAppendToOneChain)
{
    AuditRig rig(GetParam());
    ASSERT_TRUE(rig.store);
    auto second = rig.where.open(rig.key);
    ASSERT_TRUE(second.ok());
    audit::AuditLog other(**second);
    for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(rig.trail->record(AuditAction::Export, QStringLiteral("a")));
        audit::AuditEntry e;
        e.action = AuditAction::Import;
        e.object = QStringLiteral("b");
        ASSERT_TRUE(other.append(e, 1000 + i, QStringLiteral("cli"), QString()).ok());
    }
    const auto v = rig.trail->log().verify(audit::AuditHead { 20, rig.trail->log().head()->hash });
    EXPECT_TRUE(v.ok()) << v.message.toStdString();
    EXPECT_EQ(v.records, 20);
}

// The console gives its records to its store jobs (docs/team.md, "The console's writes"): the
// calls return at once, the records are written in the order given as one chain, each `done`
// gets its own record, whenIdle() waits for them all and the keychain head ends on the last —
// on both backends.
class AuditTrailJobs : public ::testing::TestWithParam<test::Backend>
{
};

TEST_P(AuditTrailJobs, RecordsGivenToTheJobsAreOneOrderedVerifiedChain)
{
    test::AuditRig rig(GetParam());
    ASSERT_TRUE(rig.store);
    ASSERT_TRUE(rig.append(3)); // three written at once, on this thread, first
    store::StoreJobs jobs(*rig.store);
    rig.trail->setJobs(&jobs);
    QSignalSpy recorded(rig.trail.get(), &audit::AuditTrail::recorded);
    std::vector<qint64> doneSeqs;
    constexpr int kGiven = 40;
    for (int i = 0; i < kGiven; ++i) {
        rig.clock.advanceMs(1000);
        audit::AuditEntry e;
        e.action = i % 2 ? AuditAction::Export : AuditAction::Decrypt;
        e.object = QStringLiteral("given %1").arg(i, 2, 10, QLatin1Char('0'));
        if (i % 5 == 0) {
            rig.trail->record(e, [&doneSeqs](auto r) {
                ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
                doneSeqs.push_back(r->seq);
            });
        } else {
            ASSERT_TRUE(rig.trail->record(e.action, e.object)) << "given to the jobs";
        }
    }
    rig.idle();
    EXPECT_EQ(recorded.count(), kGiven);
    EXPECT_EQ(doneSeqs.size(), std::size_t(kGiven / 5));
    EXPECT_TRUE(std::is_sorted(doneSeqs.begin(), doneSeqs.end()));
    const auto all = rig.trail->log().read();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 3 + kGiven);
    for (int i = 0; i < kGiven; ++i)
        EXPECT_EQ(all->at(3 + i).object, QStringLiteral("given %1").arg(i, 2, 10, QLatin1Char('0')))
            << "in the order given";
    EXPECT_EQ(all->at(3).atMs + 1000, all->at(4).atMs) << "the time of the call, not of the job";
    const auto head = rig.keychainHead();
    ASSERT_TRUE(head.has_value());
    EXPECT_EQ(head->seq, all->last().seq);
    const auto v = rig.verify();
    EXPECT_TRUE(v.ok()) << v.message.toStdString();
    EXPECT_EQ(v.records, 3 + kGiven);
    rig.trail->setJobs(nullptr);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTrailJobs,
                         ::testing::Values(test::Backend::Sqlite, test::Backend::Postgres),
                         [](const auto &info) {
                             return info.param == test::Backend::Sqlite ? std::string("Sqlite")
                                                                        : std::string("Postgres");
                         });
