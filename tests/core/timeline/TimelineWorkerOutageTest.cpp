// The timeline's worker on a team store whose server is stopped and started again (docs/team.md,
// "When the database goes away"): its connection is dead after the restart (libpq never
// reconnects), and its next call opens a new one by itself — the step is stored, the timeline
// reads back whole, and nothing says "failed". A private PostgreSQL 15 server (the run's shared
// cluster serves other tests).

#include "core/crypto/Random.h"
#include "core/store/Store.h"
#include "core/timeline/TimelineWorker.h"
#include "tests/support/StoreBackend.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace aerodesk;
using test::Backend;
using timeline::TimelineEntry;

namespace {

TimelineEntry step(qint64 ms, const QString &summary)
{
    TimelineEntry e;
    e.at = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000 + ms, Qt::UTC);
    e.kind = timeline::TimelineKind::StaffAction;
    e.correlationId = QStringLiteral("flow-outage");
    e.summary = summary;
    return e;
}

} // namespace

TEST(TimelineWorkerOutage, TheNextCallAfterARestartOpensANewConnection)
{
    test::StoreBackend where(Backend::Postgres, test::privatePgServer());
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    const crypto::SecureBytes key = crypto::Random::secretBytes(32);
    auto opened = where.open(key);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    const std::unique_ptr<store::Store> db = std::move(opened).value();
    const QString id = QStringLiteral("7e11c0de-5a7b-4c1d-9e2f-0a1b2c3d4e5f");
    connections::Connection c;
    c.connectionId = id;
    c.bankName = QStringLiteral("MFA Bank");
    ASSERT_TRUE(db->connections().upsert(c).ok());

    // Called on this thread: TimelineRecorder queues the same calls to the worker's thread.
    timeline::TimelineWorker worker(where.target(), key.clone(), where.password());
    QSignalSpy appended(&worker, &timeline::TimelineWorker::appended);
    QSignalSpy failed(&worker, &timeline::TimelineWorker::failed);
    QSignalSpy loaded(&worker, &timeline::TimelineWorker::loaded);
    worker.append(id, step(1, QStringLiteral("before the outage")), QStringLiteral("k1"));
    ASSERT_EQ(appended.count(), 1);
    EXPECT_TRUE(appended.at(0).at(2).toBool());

    test::PgServer &server = where.server();
    server.stop();
    ASSERT_TRUE(server.start()) << server.errorString().toStdString();

    worker.append(id, step(2, QStringLiteral("after the restart")), QStringLiteral("k2"));
    ASSERT_EQ(appended.count(), 2);
    EXPECT_TRUE(appended.at(1).at(2).toBool()) << "the step after the restart was not stored";
    worker.load(7, id, -1);
    ASSERT_EQ(loaded.count(), 1);
    const auto entries = loaded.at(0).at(2).value<QList<TimelineEntry>>();
    ASSERT_EQ(entries.size(), 2);
    EXPECT_EQ(entries.at(1).summary, QStringLiteral("after the restart"));
    EXPECT_EQ(failed.count(), 0);
    worker.close();
}
