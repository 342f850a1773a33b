// Team key rotation in the store (docs/team.md "Key rotation"), on both backends: 2,000+ rows
// re-encrypted while every row stays readable and findable by blind index; the re-encrypting
// process SIGKILLed mid-way and resumed from its committed cursor; a writer beside it; a
// console holding only the old key reads but writes nothing; a wrong key reads and writes
// nothing; after Finished the old key opens nothing and no plaintext is in the database.
// Partner users and their userCodes (schema v9) are seeded with every store and must stay
// readable, findable and each code returned only for its user, mid-rotation and after.
#include "core/audit/AuditLog.h"
#include "core/crypto/Random.h"
#include "core/store/KeyEpochs.h"
#include "core/store/KeyRotation.h"
#include "core/store/PartnerUserRepository.h"
#include "core/store/ReEncryptor.h"
#include "core/store/Store.h"
#include "core/store/StoreLoader.h"
#include "core/timeline/TimelineRepository.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/StorePeerProcess.h"
#include "tests/support/Wait.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QSet>

#include <gtest/gtest.h>
#include <memory>

using namespace aerodesk;
using connections::Connection;
using store::KeyRotation;
using store::ReEncryptor;
using store::StoreError;
using team::RotationPlan;
using test::Backend;

namespace {

/// The re-encrypting console in a process of its own (StoreRotator).
class Rotator
{
public:
    Rotator(const test::StoreBackend &where, const crypto::SecureBytes &oldKey,
            const crypto::SecureBytes &newKey, const QString &holder, int batch, int pauseMs)
    {
        QStringList args = test::StorePeerProcess::targetArgs(where);
        args << holder << QString::number(batch) << QString::number(pauseMs);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(AERODESK_STORE_ROTATOR), args);
        m_process.waitForStarted(10000);
        const crypto::SecureBytes password = where.password();
        m_process.write(oldKey.rawView().toHex() + '\n' + newKey.rawView().toHex() + '\n' +
                        password.rawView() + '\n');
        m_process.waitForBytesWritten(5000);
    }
    ~Rotator()
    {
        if (!m_process.waitForFinished(30000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    QString next(int ms = 120000)
    {
        const QDeadlineTimer deadline(ms);
        while (!m_process.canReadLine() && !deadline.hasExpired() &&
               m_process.state() != QProcess::NotRunning)
            m_process.waitForReadyRead(50);
        return QString::fromUtf8(m_process.readLine()).trimmed();
    }
    /// SIGKILL: no clean-up of any kind in the process.
    void killHard()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
    bool killedBySignal() const { return m_process.exitStatus() == QProcess::CrashExit; }

private:
    QProcess m_process;
};

Connection rotationSample(int i)
{
    Connection c;
    c.connectionId = QStringLiteral("c0ffee%1").arg(i, 26, 16, QLatin1Char('0'));
    c.aeroPassUserUuid =
        QStringLiteral("9a1f0a2b-3c4d-4e5f-8a9b-%1").arg(i, 12, 10, QLatin1Char('0'));
    c.bankName = QStringLiteral("Aerosync Bank");
    c.status = QStringLiteral("CONNECTED");
    c.accountSummary = QJsonObject { { QStringLiteral("accountNumber"),
                                       QStringLiteral("7700%1").arg(i, 6, 10, QLatin1Char('0')) } };
    return c;
}

const QStringList kSealedTables {
    QStringLiteral("connections"),      QStringLiteral("connection_events"),
    QStringLiteral("timeline_entries"), QStringLiteral("timeline_flows"),
    QStringLiteral("audit_log"),        QStringLiteral("partner_users")
};

/// Partner users seeded with every store: two environments, most with a userCode.
constexpr int kPartners = 24;
const QString kSandboxScope = QStringLiteral("Sandbox-Desk");
const QString kProductionScope = QStringLiteral("production-desk");
const QString &partnerScope(int i)
{
    return i % 2 ? kProductionScope : kSandboxScope;
}
const QString &otherScope(int i)
{
    return i % 2 ? kSandboxScope : kProductionScope;
}
QString partnerId(int i)
{
    return QStringLiteral("pu-%1-Quokka").arg(i, 5, 10, QLatin1Char('0'));
}
QByteArray partnerRecord(int i)
{
    return QStringLiteral(R"({"state":"ACTIVE","note":"desk-note-%1"})")
        .arg(i, 5, 10, QLatin1Char('0'))
        .toUtf8();
}
bool partnerHasCode(int i)
{
    return i % 5 != 4;
}
QString partnerCodeText(int i, int generation = 0)
{
    return QStringLiteral("uc%1-%2-Wombat").arg(generation).arg(i, 5, 10, QLatin1Char('0'));
}

store::PartnerUserRepository partnersOf(store::Store &s)
{
    return store::PartnerUserRepository(s.database(), s.cipher(), s.blindIndex());
}

} // namespace

class StoreRotationTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        auto opened = where.open(oldKey);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = std::move(opened).value();
    }

    /// `n` connections; the first `extras` also get a history event, a timeline step, a flow
    /// and an audit record naming them.
    void seed(int n, int extras)
    {
        auto partners = partnersOf(*db);
        for (int i = 0; i < kPartners; ++i) {
            ASSERT_TRUE(partners.put(partnerScope(i), partnerId(i), partnerRecord(i)).ok());
            if (partnerHasCode(i)) {
                ASSERT_TRUE(partners
                                .saveUserCode(partnerScope(i), partnerId(i),
                                              crypto::SecureBytes::fromUtf8(partnerCodeText(i)))
                                .ok());
            }
        }
        QList<Connection> all;
        for (int i = 0; i < n; ++i)
            all << rotationSample(i);
        ASSERT_TRUE(db->connections().upsertMany(all).ok());
        timeline::TimelineRepository steps(*db);
        audit::AuditLog log(*db);
        for (int i = 0; i < extras; ++i) {
            const QString id = rotationSample(i).connectionId;
            const QString jobId = QStringLiteral("job-%1-cafe").arg(i, 6, 10, QLatin1Char('0'));
            ASSERT_TRUE(db->history()
                            .record(id,
                                    { QDateTime::currentDateTimeUtc(),
                                      QStringLiteral("job"),
                                      { { QStringLiteral("jobId"), jobId } } },
                                    jobId)
                            .ok());
            timeline::TimelineEntry e;
            e.kind = timeline::TimelineKind::Job;
            e.correlationId = QStringLiteral("corr-%1-d00d").arg(i, 6, 10, QLatin1Char('0'));
            e.summary = QStringLiteral("job %1").arg(jobId);
            ASSERT_TRUE(steps.append(id, e, jobId).ok());
            ASSERT_TRUE(steps.setCurrentFlow(id, e.correlationId, {}).ok());
            audit::AuditEntry a;
            a.action = audit::AuditAction::RevealId;
            a.object = QStringLiteral("revealed %1").arg(id);
            a.connectionId = id;
            a.reason = QStringLiteral("ticket %1").arg(jobId);
            ASSERT_TRUE(log.append(a, 1'790'000'000'000 + i, QStringLiteral("pat"), {}).ok());
        }
    }
    qint64 rows(const QString &table, int epoch) const
    {
        return where
            .rawScalar(QStringLiteral("SELECT count(*) FROM %1 WHERE key_epoch = ?").arg(table),
                       { epoch })
            .toLongLong();
    }
    qint64 allRows(int epoch) const
    {
        qint64 n = 0;
        for (const QString &t : kSealedTables)
            n += rows(t, epoch);
        return n;
    }
    void proposeAndStart()
    {
        auto proposed = KeyRotation::propose(*db, newKey);
        ASSERT_TRUE(proposed.ok()) << proposed.error().message.toStdString();
        ASSERT_EQ(proposed->phase(), RotationPlan::Phase::Distributing);
        auto started = KeyRotation::start(*db);
        ASSERT_TRUE(started.ok()) << started.error().message.toStdString();
        ASSERT_EQ(started->phase(), RotationPlan::Phase::ReEncrypting);
        ASSERT_EQ(db->cipher().epoch(), 2) << "writes are sealed under the new epoch from now on";
    }
    /// Steps until Finished; the number of steps taken.
    int finish(store::Store &s, const QString &holder)
    {
        ReEncryptor r(s, holder);
        for (int i = 0; i < 10000; ++i) {
            auto step = r.step();
            EXPECT_TRUE(step.ok()) << step.error().message.toStdString();
            if (!step.ok())
                return i;
            if (step->outcome == ReEncryptor::Step::Outcome::Finished)
                return i + 1;
            EXPECT_NE(step->outcome, ReEncryptor::Step::Outcome::LeaseHeld);
            if (step->outcome == ReEncryptor::Step::Outcome::LeaseHeld)
                return i;
        }
        ADD_FAILURE() << "never finished";
        return -1;
    }
    /// Every seeded row is there once, with its fields, and found by both blind indexes.
    void expectAllReadable(store::Store &s, int n, int every)
    {
        auto all = s.connections().listAll();
        ASSERT_TRUE(all.ok()) << all.error().message.toStdString();
        QSet<QString> ids;
        for (const Connection &c : *all)
            ids.insert(c.connectionId);
        EXPECT_EQ(ids.size(), all->size()) << "a connection is there twice";
        for (int i = 0; i < n; ++i)
            EXPECT_TRUE(ids.contains(rotationSample(i).connectionId)) << "row " << i << " lost";
        for (int i = 0; i < n; i += every) {
            const Connection want = rotationSample(i);
            auto got = s.connections().get(want.connectionId);
            ASSERT_TRUE(got.ok()) << i << ": " << got.error().message.toStdString();
            EXPECT_EQ(got->aeroPassUserUuid, want.aeroPassUserUuid);
            EXPECT_EQ(got->accountSummary, want.accountSummary);
            auto byUser = s.connections().findByAeroPassUser(want.aeroPassUserUuid);
            ASSERT_TRUE(byUser.ok());
            ASSERT_EQ(byUser->size(), 1) << "row " << i << " not found by its user's index";
            EXPECT_EQ(byUser->first().connectionId, want.connectionId);
        }
    }

    /// Every seeded partner user is listed once in its environment, found by its id there and
    /// not in the other, and its userCode (generation `codeGeneration` for user `changed`) is
    /// returned for it alone.
    void expectPartnersReadable(store::Store &s, int changed = -1, int codeGeneration = 0)
    {
        auto partners = partnersOf(s);
        for (const QString &scope : { kSandboxScope, kProductionScope }) {
            auto listed = partners.all(scope);
            ASSERT_TRUE(listed.ok()) << listed.error().message.toStdString();
            QSet<QString> ids;
            for (const auto &row : *listed)
                ids.insert(row.id);
            int want = 0;
            for (int i = 0; i < kPartners; ++i) {
                if (partnerScope(i) != scope)
                    continue;
                ++want;
                EXPECT_TRUE(ids.contains(partnerId(i))) << "partner user " << i << " not listed";
            }
            EXPECT_EQ(listed->size(), want) << "a partner user is listed twice or in a wrong scope";
        }
        for (int i = 0; i < kPartners; ++i) {
            auto found = partners.find(partnerScope(i), partnerId(i));
            ASSERT_TRUE(found.ok()) << i << ": " << found.error().message.toStdString();
            EXPECT_EQ(found->record, partnerRecord(i));
            EXPECT_EQ(found->hasUserCode, partnerHasCode(i) || i == changed);
            EXPECT_FALSE(partners.find(otherScope(i), partnerId(i)).ok())
                << "found in the other environment";
            auto code = partners.userCode(partnerScope(i), partnerId(i));
            if (partnerHasCode(i) || i == changed) {
                ASSERT_TRUE(code.ok()) << i << ": " << code.error().message.toStdString();
                const QString want = partnerCodeText(i, i == changed ? codeGeneration : 0);
                EXPECT_TRUE(code->view() == QByteArrayView(want.toUtf8()))
                    << "partner user " << i << " got another code";
            } else {
                EXPECT_EQ(code.error().kind, StoreError::Kind::NotFound);
            }
            EXPECT_FALSE(partners.userCode(otherScope(i), partnerId(i)).ok());
        }
    }

    test::StoreBackend where { GetParam() };
    crypto::SecureBytes oldKey = crypto::Random::secretBytes(32);
    crypto::SecureBytes newKey = crypto::Random::secretBytes(32);
    std::unique_ptr<store::Store> db;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreRotationTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);

TEST_P(StoreRotationTest, EveryRowStaysReadableAndFindableDuringAndAfterARotation)
{
    constexpr int kRows = 2100;
    constexpr int kExtras = 40;
    seed(kRows, kExtras);
    ASSERT_EQ(allRows(1), kRows + 4 * kExtras + kPartners)
        << "existing rows are epoch 1 (schema v8, partner users v9)";
    const QByteArray epochOneCheck =
        where.rawScalar(QStringLiteral("SELECT value FROM store_meta WHERE key = 'key_check'"))
            .toByteArray();
    ASSERT_FALSE(epochOneCheck.isEmpty());

    proposeAndStart();
    ReEncryptor r(*db, QStringLiteral("lead-console"));
    for (int i = 0; i < 4; ++i) {
        auto step = r.step();
        ASSERT_TRUE(step.ok()) << step.error().message.toStdString();
        ASSERT_EQ(step->outcome, ReEncryptor::Step::Outcome::Batch);
        EXPECT_EQ(step->rows, ReEncryptor::kDefaultBatch);
    }
    EXPECT_EQ(rows(QStringLiteral("connections"), 2), 4 * ReEncryptor::kDefaultBatch);
    EXPECT_EQ(rows(QStringLiteral("connections"), 1), kRows - 4 * ReEncryptor::kDefaultBatch);
    // Mid-rotation: both epochs are read, and found by blind index, by this console and by
    // another one that opens with the new key and adds the old.
    expectAllReadable(*db, kRows, 7);
    expectPartnersReadable(*db);
    {
        auto other = where.open(newKey);
        ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
        ASSERT_TRUE((*other)->addKey(oldKey).ok());
        expectAllReadable(**other, kRows, 13);
        expectPartnersReadable(**other);
    }

    ASSERT_GT(finish(*db, QStringLiteral("lead-console")), 0);
    for (const QString &t : kSealedTables)
        EXPECT_EQ(rows(t, 1), 0) << t.toStdString() << " still has rows of the old epoch";
    EXPECT_EQ(allRows(2), kRows + 4 * kExtras + kPartners);
    auto plan = KeyRotation::status(*db);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->phase(), RotationPlan::Phase::Finished);
    EXPECT_EQ(plan->current().number, 2);
    EXPECT_EQ(plan->rewritten(), kRows + 4 * kExtras + kPartners)
        << "each row rewritten exactly once";
    EXPECT_FALSE(where
                     .rawScalar(QStringLiteral("SELECT count(*) FROM store_meta WHERE key = "
                                               "'key_check'"))
                     .toLongLong())
        << "the old epoch's key check is gone";

    // The new key alone reads everything: connections, history, timeline, audit (chain intact).
    auto fresh = where.open(newKey);
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    ASSERT_TRUE((*fresh)->writable());
    expectAllReadable(**fresh, kRows, 7);
    expectPartnersReadable(**fresh);
    const QString first = rotationSample(0).connectionId;
    auto events = (*fresh)->history().forConnection(first);
    ASSERT_TRUE(events.ok()) << events.error().message.toStdString();
    ASSERT_EQ(events->size(), 1);
    EXPECT_EQ(events->first().detail.value(QStringLiteral("jobId")).toString(),
              QStringLiteral("job-000000-cafe"));
    timeline::TimelineRepository steps(**fresh);
    auto flow = steps.currentFlow(first);
    ASSERT_TRUE(flow.ok()) << flow.error().message.toStdString();
    EXPECT_EQ(*flow, QStringLiteral("corr-000000-d00d"));
    auto entries = steps.forConnection(first);
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 1);
    audit::AuditLog log(**fresh);
    const auto records = log.read();
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(records->size(), kExtras);
    for (const auto &record : *records)
        EXPECT_TRUE(record.intact) << "audit record " << record.seq << " does not open";
    EXPECT_EQ(records->first().reason, QStringLiteral("ticket job-000000-cafe"));
    const auto head = log.head();
    ASSERT_TRUE(head.ok());
    const auto verified = log.verify(*head);
    EXPECT_TRUE(verified.ok()) << verified.message.toStdString();

    // The old key opens nothing any more, and nothing was written by trying.
    const QByteArray before = where.rawBytes();
    auto old = where.open(oldKey);
    ASSERT_FALSE(old.ok());
    EXPECT_EQ(old.error().kind, StoreError::Kind::WrongKey);
    if (where.isPostgres()) {
        EXPECT_EQ(where.rawBytes(), before);
    }

    // No plaintext anywhere (server rows as text and raw, or the file and its WAL).
    const QByteArray dump = where.rawBytes();
    for (int i = 0; i < kRows; i += 97) {
        const Connection c = rotationSample(i);
        for (const QString &secret :
             { c.connectionId, c.aeroPassUserUuid,
               c.accountSummary.value(QStringLiteral("accountNumber")).toString() }) {
            const QByteArray utf8 = secret.toUtf8();
            for (const QByteArray &form : { utf8, utf8.toUpper(), utf8.toHex(), utf8.toBase64() })
                EXPECT_FALSE(dump.contains(form)) << "in the database: " << form.toStdString();
        }
    }
    EXPECT_FALSE(dump.contains("job-000001-cafe"));
    EXPECT_FALSE(dump.contains("corr-000001-d00d"));
    EXPECT_FALSE(dump.contains("Quokka")) << "a partner user id in the database";
    EXPECT_FALSE(dump.contains("Wombat")) << "a userCode in the database";
    EXPECT_FALSE(dump.contains("desk-note-")) << "a partner user record in the database";
    EXPECT_FALSE(dump.contains("Sandbox-Desk")) << "an environment in the database";
}

TEST_P(StoreRotationTest, AReEncryptorKilledMidwayResumesFromItsCommittedCursor)
{
    constexpr int kRows = 2000;
    constexpr int kExtras = 10;
    seed(kRows, kExtras);
    proposeAndStart();
    const QString holder = QStringLiteral("lead-console");
    {
        Rotator rotator(where, oldKey, newKey, holder, 50, 20);
        qint64 seen = 0;
        while (seen < 600) {
            const QString line = rotator.next();
            ASSERT_TRUE(line.startsWith(QStringLiteral("batch "))) << line.toStdString();
            seen = line.section(QLatin1Char(' '), 1, 1).toLongLong();
        }
        rotator.killHard();
        ASSERT_TRUE(rotator.killedBySignal());
    }
    // What was committed: the plan's count and the rows in the new epoch agree exactly (the
    // cursor and the rows are committed in one transaction), and it stopped mid-way.
    auto plan = KeyRotation::status(*db);
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->phase(), RotationPlan::Phase::ReEncrypting);
    EXPECT_GE(plan->rewritten(), 600);
    EXPECT_LT(plan->rewritten(), kRows);
    EXPECT_EQ(rows(QStringLiteral("connections"), 2), plan->rewritten());
    EXPECT_EQ(plan->leaseHolder(), holder);
    const qint64 cursorAtKill = plan->cursor();
    EXPECT_GT(cursorAtKill, 0);
    // Mid-way, everything is readable.
    expectAllReadable(*db, kRows, 11);
    expectPartnersReadable(*db);

    // Another console cannot take over while the lease (60 s) runs...
    {
        ReEncryptor other(*db, QStringLiteral("another-console"));
        auto step = other.step();
        ASSERT_TRUE(step.ok()) << step.error().message.toStdString();
        EXPECT_EQ(step->outcome, ReEncryptor::Step::Outcome::LeaseHeld);
        EXPECT_EQ(rows(QStringLiteral("connections"), 2), plan->rewritten()) << "it wrote nothing";
    }
    // ...the same console restarted resumes from the committed cursor.
    {
        ReEncryptor resumed(*db, holder, 100);
        auto step = resumed.step();
        ASSERT_TRUE(step.ok()) << step.error().message.toStdString();
        ASSERT_EQ(step->outcome, ReEncryptor::Step::Outcome::Batch);
        EXPECT_GT(step->plan.cursor(), cursorAtKill);
        EXPECT_EQ(step->rows, 100) << "the next rows after the cursor, none redone";
    }
    ASSERT_GT(finish(*db, holder), 0);
    EXPECT_EQ(allRows(1), 0);
    EXPECT_EQ(rows(QStringLiteral("connections"), 2), kRows);
    EXPECT_EQ(db->connections().count(), kRows);
    auto done = KeyRotation::status(*db);
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->phase(), RotationPlan::Phase::Finished);
    EXPECT_EQ(done->rewritten(), kRows + 4 * kExtras + kPartners) << "no row lost or counted twice";
    EXPECT_EQ(rows(QStringLiteral("partner_users"), 2), kPartners);
    auto fresh = where.open(newKey);
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    expectAllReadable(**fresh, kRows, 9);
    expectPartnersReadable(**fresh);
}

TEST_P(StoreRotationTest, AWriterBesideTheReEncryptorLosesNothingAndEndsInTheNewEpoch)
{
    constexpr int kRows = 1500;
    constexpr int kWrites = 200;
    seed(kRows, 0);
    proposeAndStart();
    Rotator rotator(where, oldKey, newKey, QStringLiteral("lead-console"), 50, 30);
    ASSERT_TRUE(rotator.next().startsWith(QStringLiteral("batch ")));
    int duringRotation = 0;
    for (int i = 0; i < kWrites; ++i) {
        // An edit of a row read from the store (versioned), somewhere in the table, and a new row.
        const QString id = rotationSample((i * 7) % kRows).connectionId;
        auto row = db->connections().get(id);
        ASSERT_TRUE(row.ok()) << i << ": " << row.error().message.toStdString();
        Connection edited = *row;
        edited.status = QStringLiteral("EDITED-%1").arg(i);
        auto written = db->connections().upsert(edited);
        ASSERT_TRUE(written.ok()) << i << ": " << written.error().message.toStdString();
        ASSERT_TRUE(db->connections().upsert(rotationSample(100000 + i)).ok());
        ASSERT_TRUE(db->history()
                        .record(id,
                                { QDateTime::currentDateTimeUtc(),
                                  QStringLiteral("note"),
                                  { { QStringLiteral("n"), i } } })
                        .ok());
        auto plan = KeyRotation::status(*db);
        if (plan.ok() && plan->phase() == RotationPlan::Phase::ReEncrypting)
            ++duringRotation;
    }
    EXPECT_GT(duringRotation, 10) << "the writes really overlapped the re-encryption";
    QString last;
    for (QString line = rotator.next(); !line.isEmpty(); line = rotator.next())
        last = line;
    ASSERT_EQ(last, QStringLiteral("done"));

    EXPECT_EQ(allRows(1), 0) << "the writer's rows are in the new epoch too";
    EXPECT_EQ(db->connections().count(), kRows + kWrites);
    for (int i = 0; i < kWrites; ++i) {
        const int at = (i * 7) % kRows;
        auto row = db->connections().get(rotationSample(at).connectionId);
        ASSERT_TRUE(row.ok());
        // The last edit of that row wins; none was lost to the re-encryptor.
        int lastEdit = -1;
        for (int j = 0; j < kWrites; ++j)
            if ((j * 7) % kRows == at)
                lastEdit = j;
        EXPECT_EQ(row->status, QStringLiteral("EDITED-%1").arg(lastEdit));
        EXPECT_TRUE(db->connections().get(rotationSample(100000 + i).connectionId).ok());
    }
    auto fresh = where.open(newKey);
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    expectAllReadable(**fresh, kRows, 5);
    auto events = (*fresh)->history().forConnection(rotationSample(0).connectionId);
    ASSERT_TRUE(events.ok()) << events.error().message.toStdString();
    EXPECT_GE(events->size(), 1);
}

TEST_P(StoreRotationTest, AConsoleHoldingOnlyTheOldKeyReadsButWritesNothing)
{
    constexpr int kRows = 300;
    seed(kRows, 0);
    proposeAndStart();
    ReEncryptor r(*db, QStringLiteral("lead-console"));
    auto step = r.step(); // rows 0..199 → epoch 2, 200..299 still epoch 1
    ASSERT_TRUE(step.ok());
    ASSERT_EQ(step->rows, 200);

    auto opened = where.open(oldKey);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    store::Store &old = **opened;
    EXPECT_FALSE(old.writable());
    const Connection stillOld = rotationSample(250);
    auto read = old.connections().get(stillOld.connectionId);
    ASSERT_TRUE(read.ok()) << "a row of the old epoch is readable: "
                           << read.error().message.toStdString();
    EXPECT_EQ(read->accountSummary, stillOld.accountSummary);

    const qint64 auditBefore =
        where.rawScalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    Connection edited = *read;
    edited.status = QStringLiteral("BY_OLD_KEY");
    auto written = old.connections().upsert(edited);
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().kind, StoreError::Kind::ReadOnly);
    EXPECT_TRUE(written.error().message.contains(QStringLiteral("new key")))
        << written.error().message.toStdString();
    EXPECT_EQ(old.connections().upsert(rotationSample(9999)).error().kind,
              StoreError::Kind::ReadOnly);
    EXPECT_EQ(old.connections().remove(stillOld.connectionId).error().kind,
              StoreError::Kind::ReadOnly);
    EXPECT_FALSE(old.history()
                     .record(stillOld.connectionId,
                             { QDateTime::currentDateTimeUtc(), QStringLiteral("note"), {} })
                     .ok());
    audit::AuditLog log(old);
    audit::AuditEntry a;
    a.object = QStringLiteral("x");
    EXPECT_FALSE(log.append(a, 1'790'000'000'000, QStringLiteral("pat"), {}).ok());
    // Nothing changed in the database.
    EXPECT_EQ(db->connections().count(), kRows);
    EXPECT_EQ(db->connections().get(stillOld.connectionId)->status, QStringLiteral("CONNECTED"));
    EXPECT_EQ(
        where.rawScalar(QStringLiteral("SELECT count(*) FROM connection_events")).toLongLong(), 0);
    EXPECT_EQ(where.rawScalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(),
              auditBefore);
    // A row already in the new epoch does not open under the old key.
    EXPECT_FALSE(old.connections().get(rotationSample(10).connectionId).ok());
}

TEST_P(StoreRotationTest, AConsoleOpenAcrossTheEndOfARotationWritesNothingNoKeyOpens)
{
    // A console that read the plan before the rotation started (it holds both keys, as an
    // enrolled agent does) still seals under epoch 1 when the rotation finishes and epoch 1 is
    // retired. Every writer passes the key epoch fence: refused with a clear message, nothing
    // written; after refreshKeys() it writes under epoch 2, readable with the new key alone.
    seed(20, 3);
    auto proposed = KeyRotation::propose(*db, newKey);
    ASSERT_TRUE(proposed.ok()) << proposed.error().message.toStdString();
    auto opened = where.open(oldKey);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    store::Store &stale = **opened;
    ASSERT_TRUE(stale.addKey(newKey).ok());
    ASSERT_EQ(stale.cipher().epoch(), 1) << "Distributing: this console writes epoch 1";

    ASSERT_TRUE(KeyRotation::start(*db).ok());
    // Between start and Finished epoch 1 is live: this console's rows are re-encrypted later.
    ASSERT_TRUE(stale.connections().upsert(rotationSample(500)).ok());
    finish(*db, QStringLiteral("lead-console"));
    ASSERT_EQ(where
                  .rawScalar(QStringLiteral("SELECT count(*) FROM connections WHERE key_epoch "
                                            "= 1"))
                  .toLongLong(),
              0);

    const qint64 connectionsBefore = db->connections().count();
    const auto countOf = [this](const char *table) {
        return where.rawScalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
            .toLongLong();
    };
    const qint64 eventsBefore = countOf("connection_events");
    const qint64 auditBefore = countOf("audit_log");
    const qint64 partnersBefore = countOf("partner_users");

    auto written = stale.connections().upsert(rotationSample(501));
    ASSERT_FALSE(written.ok()) << "a row sealed under the retired epoch was written";
    EXPECT_EQ(written.error().kind, StoreError::Kind::ReadOnly);
    EXPECT_TRUE(written.error().message.contains(QStringLiteral("rotated")))
        << written.error().message.toStdString();
    EXPECT_EQ(
        stale.connections().upsertMany({ rotationSample(502), rotationSample(503) }).error().kind,
        StoreError::Kind::ReadOnly);
    EXPECT_FALSE(stale.history()
                     .record(rotationSample(0).connectionId,
                             { QDateTime::currentDateTimeUtc(), QStringLiteral("note"), {} })
                     .ok());
    audit::AuditLog log(stale);
    audit::AuditEntry a;
    a.object = QStringLiteral("x");
    EXPECT_FALSE(log.append(a, 1'790'000'000'000, QStringLiteral("pat"), {}).ok());
    EXPECT_FALSE(partnersOf(stale).put(kSandboxScope, QStringLiteral("late-user"), "{}").ok());
    EXPECT_EQ(db->connections().count(), connectionsBefore);
    EXPECT_EQ(countOf("connection_events"), eventsBefore);
    EXPECT_EQ(countOf("audit_log"), auditBefore);
    EXPECT_EQ(countOf("partner_users"), partnersBefore);
    EXPECT_EQ(where
                  .rawScalar(QStringLiteral("SELECT count(*) FROM connections WHERE key_epoch "
                                            "= 1"))
                  .toLongLong(),
              0);

    // Refreshed, the same console writes under epoch 2, and the new key alone reads it.
    ASSERT_TRUE(stale.refreshKeys().ok());
    ASSERT_EQ(stale.cipher().epoch(), 2);
    ASSERT_TRUE(stale.connections().upsert(rotationSample(501)).ok());
    auto fresh = where.open(newKey);
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    auto row = (*fresh)->connections().get(rotationSample(501).connectionId);
    ASSERT_TRUE(row.ok()) << row.error().message.toStdString();
    EXPECT_EQ(row->accountSummary, rotationSample(501).accountSummary);
    EXPECT_TRUE((*fresh)->connections().get(rotationSample(500).connectionId).ok())
        << "the row written mid-rotation under epoch 1 was re-encrypted";
}

TEST_P(StoreRotationTest, AWrongKeyReadsNothingAndWritesNothingBeforeDuringAndAfter)
{
    seed(60, 5);
    const crypto::SecureBytes wrong = crypto::Random::secretBytes(32);
    const auto refused = [&] {
        const QByteArray before = where.rawBytes();
        auto opened = where.open(wrong);
        ASSERT_FALSE(opened.ok());
        EXPECT_EQ(opened.error().kind, StoreError::Kind::WrongKey);
        if (where.isPostgres()) {
            EXPECT_EQ(where.rawBytes(), before) << "nothing written";
        }
        EXPECT_FALSE(db->addKey(wrong).ok()) << "nor accepted as a second key";
    };
    refused();
    auto proposed = KeyRotation::propose(*db, newKey);
    ASSERT_TRUE(proposed.ok());
    refused();
    // During Distributing a console with only the next key has nothing it may read.
    auto nextOnly = where.open(newKey);
    ASSERT_FALSE(nextOnly.ok());
    EXPECT_EQ(nextOnly.error().kind, StoreError::Kind::WrongKey);
    ASSERT_TRUE(KeyRotation::start(*db).ok());
    ReEncryptor r(*db, QStringLiteral("lead-console"), 20);
    ASSERT_TRUE(r.step().ok());
    refused();
    ASSERT_GT(finish(*db, QStringLiteral("lead-console")), 0);
    refused();
    EXPECT_EQ(allRows(1), 0);
}

TEST_P(StoreRotationTest, ARotationCanBeAbandonedOnlyBeforeReEncryptionStarts)
{
    seed(20, 0);
    ASSERT_TRUE(KeyRotation::propose(*db, newKey).ok());
    EXPECT_FALSE(KeyRotation::propose(*db, crypto::Random::secretBytes(32)).ok())
        << "one rotation at a time";
    auto aborted = KeyRotation::abort(*db);
    ASSERT_TRUE(aborted.ok()) << aborted.error().message.toStdString();
    EXPECT_EQ(aborted->phase(), RotationPlan::Phase::Steady);
    EXPECT_FALSE(where.open(newKey).ok()) << "the abandoned key's check value is gone";
    ASSERT_TRUE(KeyRotation::propose(*db, newKey).ok());
    ASSERT_TRUE(KeyRotation::start(*db).ok());
    EXPECT_FALSE(KeyRotation::abort(*db).ok()) << "once rows move, only forward";
    EXPECT_TRUE(db->writable());
}

TEST_P(StoreRotationTest, TheBackgroundLoaderReadsBothEpochsMidRotation)
{
    constexpr int kRows = 600;
    seed(kRows, 0);
    proposeAndStart();
    ReEncryptor r(*db, QStringLiteral("lead-console"));
    ASSERT_EQ(r.step()->rows, 200);
    // The console's list loads on a worker thread with a second Store: it gets both keys.
    store::StoreLoader loader(*db);
    std::optional<qint64> finished;
    std::optional<StoreError> failed;
    QSet<QString> ids;
    QObject::connect(&loader, &store::StoreLoader::batchReady, &loader,
                     [&ids](quint64, qint64, const QList<Connection> &rows) {
                         for (const Connection &c : rows)
                             ids.insert(c.connectionId);
                     });
    QObject::connect(&loader, &store::StoreLoader::finished, &loader,
                     [&finished](quint64, qint64 n) { finished = n; });
    QObject::connect(&loader, &store::StoreLoader::failed, &loader,
                     [&failed](quint64, const StoreError &e) { failed = e; });
    loader.load({}, 100);
    ASSERT_TRUE(test::waitUntil([&] { return finished || failed; }, 60000));
    ASSERT_FALSE(failed) << failed->message.toStdString();
    EXPECT_EQ(*finished, kRows);
    EXPECT_EQ(ids.size(), kRows);
}

TEST_P(StoreRotationTest, PartnerUsersStayReadableInBothEpochsAndMoveWholeWhenWritten)
{
    constexpr int kRows = 30;
    seed(kRows, 0);
    proposeAndStart();
    ReEncryptor r(*db, QStringLiteral("lead-console"), 10);
    // 3 batches of connections, then partner users 10 at a time.
    for (int i = 0; i < 4; ++i) {
        auto step = r.step();
        ASSERT_TRUE(step.ok()) << step.error().message.toStdString();
        ASSERT_EQ(step->outcome, ReEncryptor::Step::Outcome::Batch);
    }
    const QString partnersTable = QStringLiteral("partner_users");
    ASSERT_EQ(rows(partnersTable, 2), 10);
    ASSERT_EQ(rows(partnersTable, 1), kPartners - 10);
    auto plan = KeyRotation::status(*db);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->rewritten(), kRows + 10) << "partner users are counted in the progress";
    EXPECT_EQ(plan->cursor() >> ReEncryptor::kTableShift, 5) << "the cursor is in partner_users";

    // Both epochs mixed: read by this console and by one opening with the new key + the old.
    expectPartnersReadable(*db);
    {
        auto other = where.open(newKey);
        ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
        ASSERT_TRUE((*other)->addKey(oldKey).ok());
        expectPartnersReadable(**other);
    }
    // A console holding only the old key reads an old-epoch user but changes nothing.
    {
        auto old = where.open(oldKey);
        ASSERT_TRUE(old.ok()) << old.error().message.toStdString();
        auto partners = partnersOf(**old);
        EXPECT_TRUE(partners.find(partnerScope(23), partnerId(23)).ok());
        EXPECT_FALSE(partners
                         .saveUserCode(partnerScope(23), partnerId(23),
                                       crypto::SecureBytes::fromUtf8(partnerCodeText(23, 9)))
                         .ok());
    }

    // A write to a user still in the old epoch moves its row whole to the new one: no second
    // row, the record kept, the new code returned.
    auto partners = partnersOf(*db);
    ASSERT_TRUE(partners
                    .saveUserCode(partnerScope(23), partnerId(23),
                                  crypto::SecureBytes::fromUtf8(partnerCodeText(23, 1)))
                    .ok());
    EXPECT_EQ(rows(partnersTable, 1), kPartners - 11);
    EXPECT_EQ(rows(partnersTable, 2), 11);
    EXPECT_EQ(where.rawScalar(QStringLiteral("SELECT count(*) FROM partner_users")).toLongLong(),
              kPartners);
    expectPartnersReadable(*db, 23, 1);
    // forget and remove reach an old-epoch row too.
    ASSERT_TRUE(partners.forgetUserCode(partnerScope(22), partnerId(22)).ok());
    EXPECT_EQ(partners.userCode(partnerScope(22), partnerId(22)).error().kind,
              StoreError::Kind::NotFound);
    ASSERT_TRUE(partners
                    .saveUserCode(partnerScope(22), partnerId(22),
                                  crypto::SecureBytes::fromUtf8(partnerCodeText(22)))
                    .ok());
    ASSERT_TRUE(partners.put(kSandboxScope, QStringLiteral("pu-gone-Quokka"), "{}").ok());
    ASSERT_TRUE(partners.remove(kSandboxScope, QStringLiteral("pu-gone-Quokka")).ok());
    EXPECT_FALSE(partners.find(kSandboxScope, QStringLiteral("pu-gone-Quokka")).ok());

    ASSERT_GT(finish(*db, QStringLiteral("lead-console")), 0);
    EXPECT_EQ(rows(partnersTable, 1), 0);
    EXPECT_EQ(rows(partnersTable, 2), kPartners);
    auto fresh = where.open(newKey);
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    expectPartnersReadable(**fresh, 23, 1);
    EXPECT_FALSE(where.open(oldKey).ok()) << "the old key opens nothing";
}

TEST_P(StoreRotationTest, APartnerUserWithoutASealedScopeHoldsTheRotationUntilListed)
{
    seed(5, 0);
    // A row written before schema v9 has no sealed environment.
    ASSERT_TRUE(
        where.rawExec(QStringLiteral("UPDATE partner_users SET scope = NULL WHERE id IN "
                                     "(SELECT id FROM partner_users ORDER BY id LIMIT 3)")));
    proposeAndStart();
    ReEncryptor r(*db, QStringLiteral("lead-console"));
    std::optional<StoreError> stuck;
    for (int i = 0; i < 20 && !stuck; ++i) {
        auto step = r.step();
        if (!step.ok()) {
            stuck = step.error();
        } else {
            ASSERT_NE(step->outcome, ReEncryptor::Step::Outcome::Finished)
                << "finished with partner users it could not re-index";
        }
    }
    ASSERT_TRUE(stuck);
    EXPECT_TRUE(stuck->message.contains(QStringLiteral("schema v9")))
        << stuck->message.toStdString();
    EXPECT_EQ(rows(QStringLiteral("partner_users"), 1), kPartners) << "the batch rolled back";
    // A console with the new key lists each environment: the scope is sealed in, row moved.
    expectPartnersReadable(*db);
    EXPECT_EQ(where
                  .rawScalar(QStringLiteral("SELECT count(*) FROM partner_users WHERE scope IS "
                                            "NULL"))
                  .toLongLong(),
              0);
    ASSERT_GT(finish(*db, QStringLiteral("lead-console")), 0);
    auto fresh = where.open(newKey);
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    expectPartnersReadable(**fresh);
}
