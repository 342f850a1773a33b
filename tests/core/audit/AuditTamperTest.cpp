// Tampering with the store directly (raw SQL outside AeroDesk, on the SQLite file or as the
// PostgreSQL database's owner) is detected at the exact record; a truncated log is detected through
// the head kept in the real keychain.
#include "AuditRig.h"
#include "core/audit/AuditChain.h"

using namespace aerodesk;
using test::AuditRig;
using test::Backend;
using P = audit::AuditVerification::Problem;

namespace {
/// A rig with `n` records whose head is in the keychain and whose store is closed for raw edits
/// to be seen by a fresh read.
struct Tampered : AuditRig
{
    Tampered(Backend backend, int n)
        : AuditRig(backend)
    {
        EXPECT_TRUE(store && append(n));
        idle();
        const auto v = verify();
        EXPECT_TRUE(v.ok()) << "not intact before tampering: " << v.message.toStdString();
    }
    bool raw(const QString &sql, const QVariantList &binds = {})
    {
        const bool ok = where.rawExec(sql, binds);
        EXPECT_TRUE(ok) << sql.toStdString();
        return ok;
    }
};
class AuditTamper : public ::testing::TestWithParam<Backend>
{
};
} // namespace

INSTANTIATE_TEST_SUITE_P(Backends, AuditTamper,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);

TEST_P(AuditTamper, AnEditedPlainColumnIsNamedAtItsRecord)
{
    Tampered rig(GetParam(), 8);
    rig.raw(QStringLiteral("UPDATE audit_log SET action = 'export' WHERE seq = 5"));
    const auto v = rig.verify();
    EXPECT_EQ(v.problem, P::Edited) << v.message.toStdString();
    EXPECT_EQ(v.firstBrokenSeq, 5);
}

TEST_P(AuditTamper, AnEditedTimeOrUserIsNamedAtItsRecord)
{
    Tampered rig(GetParam(), 6);
    rig.raw(QStringLiteral("UPDATE audit_log SET at_ms = at_ms - 3600000, os_user = 'bob' "
                           "WHERE seq = 2"));
    const auto v = rig.verify();
    EXPECT_EQ(v.problem, P::Edited);
    EXPECT_EQ(v.firstBrokenSeq, 2);
}

TEST_P(AuditTamper, ASealedFieldCopiedFromAnotherRecordIsNamed)
{
    Tampered rig(GetParam(), 6);
    rig.raw(QStringLiteral("UPDATE audit_log SET object = (SELECT object FROM audit_log WHERE seq "
                           "= 1) WHERE seq = 4"));
    const auto v = rig.verify();
    EXPECT_EQ(v.problem, P::Edited);
    EXPECT_EQ(v.firstBrokenSeq, 4);
}

TEST_P(AuditTamper, ARecomputedChainIsStillCaughtAtTheEditedRecord)
{
    // An attacker without the data key changes record 3's outcome and recomputes every hash from
    // there: the chain is consistent again, but the sealed fields of record 3 were bound to its
    // old hash and no longer open.
    Tampered rig(GetParam(), 6);
    auto all = rig.trail->log().read();
    ASSERT_TRUE(all.ok());
    QByteArray prev = all->at(1).hash;
    {
        for (int i = 2; i < 6; ++i) {
            audit::AuditRecord r = all->at(i);
            if (r.seq == 3)
                r.outcome = audit::AuditOutcome::Cancelled;
            audit::AuditChain::link(r, prev);
            ASSERT_TRUE(rig.where.rawExec(
                QStringLiteral("UPDATE audit_log SET outcome = ?, prev_hash = ?, "
                               "hash = ? WHERE seq = ?"),
                { audit::AuditOutcomes::name(r.outcome), r.prevHash, r.hash, r.seq }));
            prev = r.hash;
        }
    }
    const auto v = rig.verify();
    EXPECT_EQ(v.problem, P::Edited) << v.message.toStdString();
    EXPECT_EQ(v.firstBrokenSeq, 3);
}

TEST_P(AuditTamper, ADeletedRecordIsNamedAsMissing)
{
    Tampered rig(GetParam(), 8);
    rig.raw(QStringLiteral("DELETE FROM audit_log WHERE seq = 3"));
    const auto v = rig.verify();
    EXPECT_EQ(v.problem, P::Missing) << v.message.toStdString();
    EXPECT_EQ(v.firstBrokenSeq, 3);
}

TEST_P(AuditTamper, TwoSwappedRecordsAreNamedAsReordered)
{
    Tampered rig(GetParam(), 8);
    rig.raw(QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = 3"));
    rig.raw(QStringLiteral("UPDATE audit_log SET seq = 3 WHERE seq = 6"));
    rig.raw(QStringLiteral("UPDATE audit_log SET seq = 6 WHERE seq = -1"));
    const auto v = rig.verify();
    EXPECT_EQ(v.problem, P::Reordered) << v.message.toStdString();
    EXPECT_EQ(v.firstBrokenSeq, 3);
    EXPECT_EQ(v.otherSeq, 6);
}

TEST_P(AuditTamper, ATruncatedLogIsDetectedThroughTheKeychainHead)
{
    Tampered rig(GetParam(), 8);
    rig.raw(QStringLiteral("DELETE FROM audit_log WHERE seq >= 6"));
    // The chain that is left is intact on its own...
    const auto alone = rig.trail->log().verify(std::nullopt);
    EXPECT_NE(alone.problem, P::Edited);
    EXPECT_NE(alone.problem, P::Missing);
    // ...but the keychain remembers record 8.
    const auto v = rig.verify();
    EXPECT_EQ(v.problem, P::Truncated) << v.message.toStdString();
    EXPECT_EQ(v.firstBrokenSeq, 6);
    EXPECT_EQ(v.headSeq, 8);
}

TEST_P(AuditTamper, AnEmptiedLogIsDetectedThroughTheKeychainHead)
{
    Tampered rig(GetParam(), 3);
    rig.raw(QStringLiteral("DELETE FROM audit_log"));
    const auto v = rig.verify();
    EXPECT_EQ(v.problem, P::Truncated);
    EXPECT_EQ(v.firstBrokenSeq, 1);
}

TEST_P(AuditTamper, AppendingAfterATruncationNeverMovesTheHeadBack)
{
    Tampered rig(GetParam(), 8);
    rig.raw(QStringLiteral("DELETE FROM audit_log WHERE seq >= 6"));
    QStringList problems;
    QObject::connect(rig.trail.get(), &audit::AuditTrail::headProblem,
                     [&](const QString &why) { problems << why; });
    ASSERT_TRUE(rig.append(1)); // becomes seq 6 of a rewritten chain
    rig.idle();
    EXPECT_EQ(problems.size(), 1);
    const auto head = rig.keychainHead();
    ASSERT_TRUE(head.has_value());
    EXPECT_EQ(head->seq, 8);
    const auto v = rig.verify();
    EXPECT_FALSE(v.ok());
    EXPECT_EQ(v.problem, P::Truncated);
    EXPECT_EQ(v.firstBrokenSeq, 7);
}

TEST_P(AuditTamper, ALastRecordReplacedUnderTheHeadIsNamed)
{
    Tampered rig(GetParam(), 4);
    // Delete the last record and append a forged one in its place with a consistent hash.
    auto all = rig.trail->log().read();
    ASSERT_TRUE(all.ok());
    rig.raw(QStringLiteral("UPDATE audit_log SET hash = ? WHERE seq = 4"),
            { QByteArray(32, '\x07') });
    const auto v = rig.verify();
    EXPECT_FALSE(v.ok());
    EXPECT_EQ(v.firstBrokenSeq, 4);
}

TEST_P(AuditTamper, RecordsWithoutAHeadInTheKeychainAreNotCalledIntact)
{
    Tampered rig(GetParam(), 3);
    bool removed = false;
    rig.keychain.remove(QString::fromLatin1(keychain::entries::kAuditHead),
                        [&](const keychain::KeychainError &) { removed = true; });
    ASSERT_TRUE(test::waitUntil([&] { return removed; }));
    const auto v = rig.verify();
    EXPECT_EQ(v.problem, P::HeadMissing);
    EXPECT_FALSE(v.ok());
}
