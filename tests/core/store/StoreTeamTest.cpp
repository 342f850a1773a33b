// Several consoles on one store, each in its own process (StorePeer), on both backends: an edit
// of a connection another console changed meanwhile is a Conflict that shows the current row and
// overwrites nothing; 1,000 audit appends from two processes at once form one valid chain; after
// a run, no plaintext identifier is anywhere in the database (the server's tables, every row).
#include "core/audit/AuditLog.h"
#include "core/audit/AuditVerifier.h"
#include "core/crypto/Random.h"
#include "core/store/Store.h"
#include "core/timeline/TimelineRepository.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/StorePeerProcess.h"
#include "tests/support/TestPaths.h"

#include <QDeadlineTimer>
#include <QProcess>

#include <gtest/gtest.h>
#include <memory>

using namespace aerodesk;
using connections::Connection;
using store::StoreError;
using test::Backend;

namespace {
/// One StorePeer process on the test's store.
class Peer : public test::StorePeerProcess
{
public:
    Peer(const test::StoreBackend &where, const crypto::SecureBytes &key,
         const QStringList &command)
        : StorePeerProcess(QStringLiteral(AERODESK_STORE_PEER), where, key, command)
    {
    }
};

Connection teamSample(int i)
{
    Connection c;
    c.connectionId = QStringLiteral("7ea%1").arg(i, 29, 16, QLatin1Char('0'));
    c.aeroPassUserUuid =
        QStringLiteral("5e1f0a2b-3c4d-4e5f-8a9b-%1").arg(i, 12, 10, QLatin1Char('0'));
    c.bankName = QStringLiteral("Aerosync Bank");
    c.status = QStringLiteral("CONNECTED");
    c.accountSummary = QJsonObject { { QStringLiteral("accountNumber"),
                                       QStringLiteral("4400%1").arg(i, 6, 10, QLatin1Char('0')) } };
    return c;
}
} // namespace

class StoreTeamTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        auto opened = where.open(key);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = std::move(opened).value();
    }
    test::StoreBackend where { GetParam() };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    std::unique_ptr<store::Store> db;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTeamTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);

TEST_P(StoreTeamTest, TwoConsolesEditingOneConnectionShowOneConflictAndLoseNothing)
{
    const Connection c = teamSample(1);
    ASSERT_TRUE(db->connections().upsert(c).ok());
    ASSERT_EQ(db->connections().get(c.connectionId)->version, 1);

    Peer alice(where, key, { QStringLiteral("edit"), c.connectionId, QStringLiteral("BY_ALICE") });
    Peer bob(where, key, { QStringLiteral("edit"), c.connectionId, QStringLiteral("BY_BOB") });
    // Both consoles have read version 1 before either writes.
    ASSERT_EQ(alice.next(), QStringLiteral("read 1"));
    ASSERT_EQ(bob.next(), QStringLiteral("read 1"));
    alice.go();
    EXPECT_EQ(alice.next(), QStringLiteral("ok 2"));
    bob.go();
    // Bob is shown Alice's row, and his write did not happen.
    EXPECT_EQ(bob.next(), QStringLiteral("conflict BY_ALICE 2"));
    auto now = db->connections().get(c.connectionId);
    ASSERT_TRUE(now.ok());
    EXPECT_EQ(now->status, QStringLiteral("BY_ALICE"));
    EXPECT_EQ(now->version, 2);

    // Bob applies his change again on the current row: it goes through, Alice's is kept as
    // history of the row (version 2), and a stale copy (version 1) is still refused.
    Connection retry = *now;
    retry.status = QStringLiteral("BY_BOB");
    ASSERT_TRUE(db->connections().upsert(retry).ok());
    Connection stale = c;
    stale.version = 1;
    stale.status = QStringLiteral("STALE");
    auto refused = db->connections().upsert(stale);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, StoreError::Kind::Conflict);
    ASSERT_TRUE(refused.error().current.has_value());
    EXPECT_EQ(refused.error().current->status, QStringLiteral("BY_BOB"));
    EXPECT_EQ(refused.error().current->version, 3);
    // A write without a version (the API's answer) replaces the row and still counts.
    ASSERT_TRUE(db->connections().upsert(c).ok());
    EXPECT_EQ(db->connections().get(c.connectionId)->version, 4);
}

TEST_P(StoreTeamTest, AThousandAuditAppendsFromTwoProcessesAtOnceFormOneChain)
{
    constexpr int kEach = 500;
    {
        Peer alice(where, key,
                   { QStringLiteral("audit"), QString::number(kEach), QStringLiteral("alice") });
        Peer bob(where, key,
                 { QStringLiteral("audit"), QString::number(kEach), QStringLiteral("bob") });
        ASSERT_EQ(alice.next(), QStringLiteral("ready"));
        ASSERT_EQ(bob.next(), QStringLiteral("ready"));
        alice.go();
        bob.go();
        EXPECT_EQ(alice.next(240000), QStringLiteral("done %1").arg(kEach));
        EXPECT_EQ(bob.next(240000), QStringLiteral("done %1").arg(kEach));
    }
    audit::AuditLog log(*db);
    const auto all = log.read();
    ASSERT_TRUE(all.ok()) << all.error().message.toStdString();
    ASSERT_EQ(all->size(), 2 * kEach);
    int alice = 0, switches = 0;
    for (int i = 0; i < all->size(); ++i) {
        EXPECT_EQ(all->at(i).seq, i + 1);
        alice += all->at(i).osUser == QStringLiteral("alice");
        if (i > 0 && all->at(i).osUser != all->at(i - 1).osUser)
            ++switches;
    }
    EXPECT_EQ(alice, kEach);
    const auto head = log.head();
    ASSERT_TRUE(head.ok());
    const auto v = log.verify(audit::AuditHead { 2 * kEach, head->hash });
    EXPECT_TRUE(v.ok()) << v.message.toStdString();
    EXPECT_EQ(v.records, 2 * kEach);
    // PostgreSQL: the two writers really were at it at the same time — the advisory lock is
    // granted in turn, so their records interleave (866 switches in a run here). SQLite's busy
    // handler retries by sleeping, so a writer in a tight loop keeps the file lock and the other
    // mostly waits (one switch): still one valid chain, which is what is asserted above.
    if (where.isPostgres()) {
        EXPECT_GT(switches, 2);
    }
    RecordProperty("writer_switches", switches);
}

TEST_P(StoreTeamTest, AfterARunNoPlaintextIdentifierIsAnywhereInTheDatabase)
{
    // A run touching every table that holds identifiers: connections, history with event keys,
    // timeline steps and flows, audit records naming connections.
    QList<Connection> many;
    for (int i = 0; i < 40; ++i)
        many << teamSample(i);
    ASSERT_TRUE(db->connections().upsertMany(many).ok());
    timeline::TimelineRepository steps(*db);
    audit::AuditLog log(*db);
    QStringList secrets;
    for (int i = 0; i < 40; ++i) {
        const Connection &c = many.at(i);
        const QString jobId = QStringLiteral("job-%1-f00d").arg(i, 6, 10, QLatin1Char('0'));
        const QString flow = QStringLiteral("corr-%1-beef").arg(i, 6, 10, QLatin1Char('0'));
        ASSERT_TRUE(db->history()
                        .record(c.connectionId,
                                { QDateTime::currentDateTimeUtc(),
                                  QStringLiteral("job"),
                                  { { QStringLiteral("jobId"), jobId } } },
                                jobId)
                        .ok());
        timeline::TimelineEntry e;
        e.kind = timeline::TimelineKind::Job;
        e.correlationId = flow;
        e.summary = QStringLiteral("balance job %1").arg(jobId);
        ASSERT_TRUE(steps.append(c.connectionId, e, jobId).ok());
        ASSERT_TRUE(steps.setCurrentFlow(c.connectionId, flow, {}).ok());
        audit::AuditEntry a;
        a.action = audit::AuditAction::RevealId;
        a.object = QStringLiteral("revealed %1").arg(c.connectionId);
        a.connectionId = c.connectionId;
        a.reason = QStringLiteral("ticket for %1").arg(c.aeroPassUserUuid);
        ASSERT_TRUE(log.append(a, 1'790'000'000'000 + i, QStringLiteral("pat"), QString()).ok());
        secrets << c.connectionId << c.aeroPassUserUuid
                << c.accountSummary.value(QStringLiteral("accountNumber")).toString() << jobId
                << flow;
    }
    const QByteArray dump = where.rawBytes();
    ASSERT_GT(dump.size(), 10000);
    ASSERT_TRUE(dump.contains("table connections") || !where.isPostgres());
    for (const QString &secret : secrets) {
        const QByteArray utf8 = secret.toUtf8();
        for (const QByteArray &form :
             { utf8, utf8.toUpper(), utf8.toHex(), utf8.toUpper().toHex(), utf8.toBase64() })
            EXPECT_FALSE(dump.contains(form)) << "in the database: " << form.toStdString();
    }
}

// PostgreSQL only (roles and grants are the server's): scripts/team-store-roles.sql, run as the
// documentation says, lets an agent's login work with the store and append audit records, but
// never update, delete or truncate them, nor create tables.
TEST(StoreTeamRoles, AnAgentAppendsAuditRecordsButCannotRewriteThem)
{
    test::StoreBackend where(Backend::Postgres);
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    test::PgServer &server = test::sharedPgServer();
    const QString database = where.target().database();
    const auto runScript = [&] {
        QProcess psql;
        psql.setProcessChannelMode(QProcess::MergedChannels);
        psql.start(QStringLiteral("/usr/lib/postgresql/15/bin/psql"),
                   { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-h"),
                     server.socketDir(), QStringLiteral("-p"), QString::number(server.port()),
                     QStringLiteral("-U"), server.adminUser(), QStringLiteral("-d"), database,
                     QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-f"),
                     test::sourceDir() + QStringLiteral("/scripts/team-store-roles.sql") });
        EXPECT_TRUE(psql.waitForFinished(60000));
        EXPECT_EQ(psql.exitCode(), 0) << psql.readAll().toStdString();
    };
    const QString agent = QStringLiteral("agent_") + database;
    runScript(); // before the first open: roles and the schema's grants
    ASSERT_TRUE(server.adminExec(database,
                                 QStringLiteral("ALTER ROLE aerodesk_owner PASSWORD "
                                                "'owner-pw-for-tests'")));
    ASSERT_TRUE(server.adminExec(database,
                                 QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD "
                                                "'agent-pw-for-tests' IN ROLE "
                                                "aerodesk_agent")
                                     .arg(agent)));
    const store::StoreTarget &t = where.target();
    const crypto::SecureBytes key = crypto::Random::secretBytes(32);
    const Connection c = teamSample(9);
    {
        // The lead's console creates the store as the owner.
        auto owner = store::Store::open(
            store::StoreTarget::postgres(t.host(), t.port(), database,
                                         QStringLiteral("aerodesk_owner"), t.sslMode(), t.caFile()),
            key, {}, crypto::SecureBytes::fromUtf8(QStringLiteral("owner-pw-for-tests")));
        ASSERT_TRUE(owner.ok()) << owner.error().message.toStdString();
        ASSERT_TRUE((*owner)->connections().upsert(c).ok());
        audit::AuditEntry e;
        e.action = audit::AuditAction::Import;
        e.object = QStringLiteral("import by the lead");
        ASSERT_TRUE(audit::AuditLog(**owner).append(e, 1, QStringLiteral("lead"), {}).ok());
    }
    runScript(); // after: the tables' grants

    auto opened = store::Store::open(
        store::StoreTarget::postgres(t.host(), t.port(), database, agent, t.sslMode(), t.caFile()),
        key, {}, crypto::SecureBytes::fromUtf8(QStringLiteral("agent-pw-for-tests")));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    store::Store &s = **opened;
    // The agent works normally...
    auto row = s.connections().get(c.connectionId);
    ASSERT_TRUE(row.ok()) << row.error().message.toStdString();
    row->status = QStringLiteral("REVIEWED");
    EXPECT_TRUE(s.connections().upsert(*row).ok());
    EXPECT_TRUE(
        s.history()
            .record(c.connectionId, { QDateTime::currentDateTimeUtc(), QStringLiteral("job"), {} })
            .ok());
    audit::AuditLog log(s);
    audit::AuditEntry e;
    e.action = audit::AuditAction::RevealId;
    e.object = QStringLiteral("reveal by the agent");
    ASSERT_TRUE(log.append(e, 2, agent, {}).ok());
    // ...but cannot rewrite the audit trail or the schema.
    for (const QString &sql :
         { QStringLiteral("UPDATE audit_log SET outcome = 'failed' WHERE seq = 1"),
           QStringLiteral("DELETE FROM audit_log WHERE seq = 1"),
           QStringLiteral("TRUNCATE audit_log"),
           QStringLiteral("UPDATE store_meta SET value = '\\x00'::bytea"),
           QStringLiteral("CREATE TABLE scratch (i int)"),
           QStringLiteral("DROP TABLE audit_log") }) {
        auto refused = s.database().exec(sql, QStringLiteral("tamper"));
        ASSERT_FALSE(refused.ok()) << sql.toStdString();
        EXPECT_TRUE(refused.error().message.contains(QStringLiteral("denied")) ||
                    refused.error().message.contains(QStringLiteral("owner")))
            << refused.error().message.toStdString();
    }
    const auto head = log.head();
    ASSERT_TRUE(head.ok());
    EXPECT_EQ(head->seq, 2);
    EXPECT_TRUE(log.verify(*head).ok());
}

// PostgreSQL only: the server goes away under an open store and comes back. Writes fail with a
// store error (no crash, nothing half-written), and a store opened again finds everything that
// was committed before. Stops and restarts a server of its own (privatePgServer()), never the
// run's shared cluster.
TEST(StoreTeamOutage, AServerRestartFailsWritesCleanlyAndKeepsCommittedData)
{
    test::PgServer &server = test::privatePgServer();
    ASSERT_FALSE(server.isAttached());
    test::StoreBackend where(Backend::Postgres, server);
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    const crypto::SecureBytes key = crypto::Random::secretBytes(32);
    auto opened = where.open(key);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    ASSERT_TRUE((*opened)->connections().upsert(teamSample(1)).ok());

    server.stop();
    const auto lost = (*opened)->connections().upsert(teamSample(2));
    ASSERT_FALSE(lost.ok()) << "a write to a stopped server cannot succeed";
    EXPECT_EQ(lost.error().kind, StoreError::Kind::Unreachable)
        << lost.error().message.toStdString();
    EXPECT_FALSE(lost.error().message.isEmpty());
    opened = where.open(key);
    EXPECT_FALSE(opened.ok());
    if (!opened.ok()) {
        EXPECT_EQ(opened.error().kind, StoreError::Kind::OpenFailed);
    }

    ASSERT_TRUE(server.start()) << server.errorString().toStdString();
    auto again = where.open(key);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_TRUE((*again)->connections().get(teamSample(1).connectionId).ok());
    EXPECT_FALSE((*again)->connections().contains(teamSample(2).connectionId));
    EXPECT_TRUE((*again)->connections().upsert(teamSample(2)).ok());
}
