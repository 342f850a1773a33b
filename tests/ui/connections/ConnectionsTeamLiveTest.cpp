// The Connections panel on a team store (issue 16; docs/team.md, "Live updates", "Conflicts in
// the console", "When the database goes away"), on real widgets, a real PostgreSQL 15
// (PgServer) and, for the conflict, the real sandbox and a second console in a process of its
// own (StorePeer): another console's change updates ONE row (no model reset) within a second;
// a conflicting refresh shows the notice and keeps the other agent's row; the server stopped
// mid-session shows the banner, refuses writing actions with its message and recovers by itself.
#include "core/audit/AuditEntry.h"
#include "core/audit/AuditLog.h"
#include "core/audit/AuditTrail.h"
#include "core/crypto/Random.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/store/StoreHealth.h"
#include "core/store/StoreLive.h"
#include "core/timeline/TimelineRecorder.h"
#include "core/timeline/TimelineRepository.h"
#include "tests/support/SessionRig.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/StorePeerProcess.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "ui/connections/ConnectionHistoryView.h"
#include "ui/connections/ConnectionImporter.h"
#include "ui/connections/ConnectionLiveUpdates.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionTimelineView.h"
#include "ui/connections/ConnectionsPanel.h"
#include "ui/connections/TimelineModel.h"

#include <QAction>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>
#include <iostream>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using connections::Connection;

namespace {
/// A second console (StorePeer) on the panel's team store.
class PanelPeer : public test::StorePeerProcess
{
public:
    PanelPeer(const test::StoreBackend &where, const crypto::SecureBytes &key,
              const QStringList &command)
        : StorePeerProcess(QStringLiteral(AERODESK_STORE_PEER), where, key, command)
    {
    }
};

Connection teamRow(int i)
{
    Connection c;
    c.connectionId = QStringLiteral("7a11%1").arg(i, 28, 16, QLatin1Char('0'));
    c.bankName = QStringLiteral("Team Bank %1").arg(i);
    c.status = QStringLiteral("CONNECTED");
    c.connectionExpiry = QDateTime::currentDateTimeUtc().addDays(30 + i);
    return c;
}

class ConnectionsTeamLive : public ::testing::Test
{
protected:
    ConnectionsTeamLive()
        : ConnectionsTeamLive(test::sharedPgServer())
    {
    }
    explicit ConnectionsTeamLive(test::PgServer &server)
        : where(test::Backend::Postgres, server)
    {
    }

    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        auto a = where.open(key);
        ASSERT_TRUE(a.ok()) << a.error().message.toStdString();
        db = std::shared_ptr<store::Store>(std::move(a).value());
        auto b = where.open(key);
        ASSERT_TRUE(b.ok()) << b.error().message.toStdString();
        other = std::move(b).value();
    }

    void showPanel()
    {
        panel = std::make_unique<ui::ConnectionsPanel>(*session);
        panel->resize(1300, 800);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        panel->activateWindow();
        QSignalSpy loaded(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
        session->setStore(db);
        ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1; }, 30000));
        // Listening before the test's changes (the listener connects on its own thread).
        ASSERT_NE(panel->liveUpdates()->live(), nullptr);
        store::StoreHealth *health = panel->liveUpdates()->health();
        ASSERT_NE(health, nullptr);
        ASSERT_TRUE(waitUntil([&] { return panel->liveUpdates()->live()->isListening(); }, 20000));
    }
    const Connection *row(const QString &id) const
    {
        const int r = panel->model()->rowOf(id);
        return r < 0 ? nullptr : &panel->model()->connection(r);
    }
    QAction *action(const char *name) const
    {
        return panel->findChild<QAction *>(QLatin1String(name));
    }
    QLabel *banner() const
    {
        return panel->findChild<QLabel *>(QStringLiteral("storeHealthBanner"));
    }

    test::SessionRig rig;
    test::ClientHarness &h = rig.harness();
    session::Session *session = &rig.session();
    test::StoreBackend where;
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    std::shared_ptr<store::Store> db;
    std::unique_ptr<store::Store> other;
    std::unique_ptr<ui::ConnectionsPanel> panel;
};
} // namespace

TEST_F(ConnectionsTeamLive, AnotherConsolesChangeUpdatesOneRowWithinASecondWithoutAReload)
{
    ASSERT_TRUE(db->connections().upsertMany({ teamRow(1), teamRow(2), teamRow(3) }).ok());
    showPanel();
    ASSERT_EQ(panel->model()->rowCount(), 3);
    ui::ConnectionTableModel *model = panel->model();
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy loads(panel->feed(), &ui::ConnectionStoreFeed::loadingStarted);

    // An update by the other console: that one row changes, with its new version.
    Connection edited = *other->connections().get(teamRow(2).connectionId);
    edited.status = QStringLiteral("EDITED_ELSEWHERE");
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(other->connections().upsert(edited).ok());
    ASSERT_TRUE(waitUntil(
        [&] { return row(edited.connectionId)->status == QLatin1String("EDITED_ELSEWHERE"); },
        5000));
    const qint64 ms = clock.elapsed();
    RecordProperty("arrivedAfterMs", int(ms));
    std::cout << "[ measured ] the change arrived after " << ms << " ms" << std::endl;
    EXPECT_LT(ms, 1000) << "the other console's change took " << ms << " ms to show";
    EXPECT_EQ(row(edited.connectionId)->version, 2);
    EXPECT_GE(changed.count(), 1);

    // An insert and a removal: one row each.
    ASSERT_TRUE(other->connections().upsert(teamRow(4)).ok());
    ASSERT_TRUE(waitUntil([&] { return row(teamRow(4).connectionId) != nullptr; }, 5000));
    EXPECT_EQ(inserted.count(), 1);
    ASSERT_TRUE(other->connections().remove(teamRow(1).connectionId).ok());
    ASSERT_TRUE(waitUntil([&] { return row(teamRow(1).connectionId) == nullptr; }, 5000));
    EXPECT_EQ(removed.count(), 1);
    EXPECT_EQ(model->rowCount(), 3);

    EXPECT_EQ(reset.count(), 0) << "a change must never reload the whole list";
    EXPECT_EQ(loads.count(), 0) << "a change must never start a store load";
}

TEST_F(ConnectionsTeamLive, RemoveOnTheTeamStoreSaysItLeavesTheWholeTeam)
{
    ASSERT_TRUE(rig.start());
    rig.setEnvironment();
    ASSERT_TRUE(db->connections().upsertMany({ teamRow(1), teamRow(2) }).ok());
    showPanel();
    const QString id = teamRow(1).connectionId;
    ASSERT_TRUE(panel->selectConnection(id));
    panel->table()->setFocus(Qt::OtherFocusReason);
    QAction *remove = action("removeAction");
    ASSERT_TRUE(remove->isEnabled()) << remove->toolTip().toStdString();
    remove->trigger();
    const QString question =
        test::answerMessageBox(panel.get(), QStringLiteral("removeConfirmation"), QMessageBox::Yes);
    EXPECT_TRUE(question.contains(QStringLiteral("team store"))) << question.toStdString();
    EXPECT_FALSE(question.contains(QStringLiteral("local store"))) << question.toStdString();
    EXPECT_FALSE(question.contains(id)) << "the question shows the id masked";
    ASSERT_TRUE(waitUntil([&] { return row(id) == nullptr; }, 10000));
    const QString message =
        panel->findChild<QLabel *>(QStringLiteral("connectionsMessage"))->text();
    EXPECT_TRUE(message.contains(QStringLiteral("removed from the team store")))
        << message.toStdString();
    EXPECT_FALSE(other->connections().contains(id)) << "gone for the other console too";
    EXPECT_TRUE(other->connections().contains(teamRow(2).connectionId));
}

TEST_F(ConnectionsTeamLive, AConflictingRefreshShowsTheNoticeAndKeepsTheOtherAgentsRow)
{
    ASSERT_TRUE(rig.start());
    rig.setEnvironment();
    const QString id = h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(id.isEmpty()) << h.sandbox.lastError().toStdString();
    Connection bare;
    bare.connectionId = id;
    ASSERT_TRUE(db->connections().upsert(bare).ok());
    showPanel();
    ASSERT_NE(row(id), nullptr);
    ASSERT_EQ(row(id)->version, 1);
    ASSERT_TRUE(panel->selectConnection(id));
    panel->table()->setFocus(Qt::OtherFocusReason);

    // The other agent (a process of its own) has read version 1 too.
    PanelPeer peer(where, key, { QStringLiteral("edit"), id, QStringLiteral("BY_OTHER_AGENT") });
    ASSERT_EQ(peer.next(), QStringLiteral("read 1"));

    // This agent refreshes the row it sees (version 1); the other saves first.
    QAction *refresh = action("refreshDetailsAction");
    ASSERT_TRUE(refresh->isEnabled()) << refresh->toolTip().toStdString();
    refresh->trigger();
    peer.go();
    ASSERT_EQ(peer.next(), QStringLiteral("ok 2"));

    QMessageBox *notice = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] {
            notice = panel->findChild<QMessageBox *>(QStringLiteral("conflictNotice"));
            return notice && notice->isVisible();
        },
        30000))
        << panel->findChild<QLabel *>(QStringLiteral("connectionsMessage"))->text().toStdString();
    EXPECT_TRUE(
        notice->text().startsWith(QStringLiteral("Another agent changed this connection at ")))
        << notice->text().toStdString();
    EXPECT_TRUE(notice->text().endsWith(QStringLiteral("your change was not saved.")));
    EXPECT_TRUE(notice->informativeText().contains(QStringLiteral("version 2")))
        << notice->informativeText().toStdString();
    EXPECT_TRUE(notice->informativeText().contains(QStringLiteral("BY_OTHER_AGENT")));
    EXPECT_FALSE(notice->informativeText().contains(id)) << "ids are shown masked";
    // Nothing was overwritten: the store and the list hold the other agent's row.
    auto now = db->connections().get(id);
    ASSERT_TRUE(now.ok());
    EXPECT_EQ(now->status, QStringLiteral("BY_OTHER_AGENT"));
    EXPECT_EQ(now->version, 2);
    EXPECT_EQ(row(id)->status, QStringLiteral("BY_OTHER_AGENT"));
    EXPECT_EQ(row(id)->version, 2);
    EXPECT_TRUE(panel->findChild<QLabel *>(QStringLiteral("connectionDetail"))
                    ->text()
                    .contains(QStringLiteral("Version: 2")));

    // "Apply my change again on top": saved at version 3, over the other agent's version.
    auto *again = notice->findChild<QPushButton *>(QStringLiteral("conflictApplyAgain"));
    ASSERT_NE(again, nullptr);
    QTest::mouseClick(again, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return row(id) && row(id)->version == 3; }, 10000));
    now = db->connections().get(id);
    ASSERT_TRUE(now.ok());
    EXPECT_EQ(now->version, 3);
    EXPECT_TRUE(now->bankName.contains(QStringLiteral("OAuth"))) << now->bankName.toStdString();

    // Once more, and this time "Reload": the other agent's version 4 is taken, nothing written.
    ASSERT_TRUE(waitUntil(
        [&] { return !panel->findChild<QMessageBox *>(QStringLiteral("conflictNotice")); }, 5000));
    PanelPeer second(where, key, { QStringLiteral("edit"), id, QStringLiteral("SECOND_EDIT") });
    ASSERT_EQ(second.next(), QStringLiteral("read 3"));
    ASSERT_TRUE(waitUntil([&] { return refresh->isEnabled(); }, 10000))
        << refresh->toolTip().toStdString();
    refresh->trigger();
    second.go();
    ASSERT_EQ(second.next(), QStringLiteral("ok 4"));
    ASSERT_TRUE(waitUntil(
        [&] {
            notice = panel->findChild<QMessageBox *>(QStringLiteral("conflictNotice"));
            return notice && notice->isVisible();
        },
        30000));
    auto *reload = notice->findChild<QPushButton *>(QStringLiteral("conflictReload"));
    ASSERT_NE(reload, nullptr);
    QTest::mouseClick(reload, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return row(id) && row(id)->version == 4; }, 10000));
    EXPECT_EQ(row(id)->status, QStringLiteral("SECOND_EDIT"));
    now = db->connections().get(id);
    ASSERT_TRUE(now.ok());
    EXPECT_EQ(now->version, 4) << "Reload writes nothing";
    EXPECT_EQ(now->status, QStringLiteral("SECOND_EDIT"));
}

TEST_F(ConnectionsTeamLive, AHistoryEventRecordedElsewhereShowsInTheSelectedRowsHistory)
{
    ASSERT_TRUE(db->connections().upsertMany({ teamRow(1), teamRow(2) }).ok());
    showPanel();
    ASSERT_TRUE(panel->selectConnection(teamRow(1).connectionId));
    QSignalSpy history(panel->liveUpdates(), &ui::ConnectionLiveUpdates::historyChanged);
    const auto shown = [&](const char *text) {
        return panel->historyView()->lines().join(QLatin1Char('\n')).contains(QLatin1String(text));
    };

    // Another console notes the selected connection: its history shows it within a second.
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(other->history()
                    .record(teamRow(1).connectionId,
                            { QDateTime::currentDateTimeUtc(), QStringLiteral("webhook"),
                              QJsonObject { { QStringLiteral("event"),
                                              QStringLiteral("noted.by.another.agent") } } })
                    .ok());
    ASSERT_TRUE(waitUntil([&] { return shown("noted.by.another.agent"); }, 5000))
        << panel->historyView()->lines().join(QLatin1Char('\n')).toStdString();
    EXPECT_LT(clock.elapsed(), 1000) << "took " << clock.elapsed() << " ms";
    ASSERT_EQ(history.count(), 1);
    EXPECT_EQ(history.first().first().toString(), teamRow(1).connectionId);

    // An event for a row that is not selected changes nothing shown (and costs no scan).
    ASSERT_TRUE(other->history()
                    .record(teamRow(2).connectionId,
                            { QDateTime::currentDateTimeUtc(), QStringLiteral("webhook"),
                              QJsonObject { { QStringLiteral("event"),
                                              QStringLiteral("about.the.other.row") } } })
                    .ok());
    QTest::qWait(500);
    EXPECT_EQ(history.count(), 1);
    EXPECT_FALSE(shown("about.the.other.row"));
    // This console's own event is not echoed back through the listener.
    ASSERT_TRUE(db->history()
                    .record(teamRow(1).connectionId,
                            { QDateTime::currentDateTimeUtc(), QStringLiteral("note"), {} })
                    .ok());
    QTest::qWait(300);
    EXPECT_EQ(history.count(), 1);
}

TEST_F(ConnectionsTeamLive, ATimelineStepRecordedElsewhereShowsInTheSelectedRowsTimeline)
{
    ASSERT_TRUE(rig.start()); // the session records a timeline once it has an environment
    rig.setEnvironment();
    ASSERT_TRUE(db->connections().upsertMany({ teamRow(1), teamRow(2) }).ok());
    showPanel();
    ASSERT_TRUE(panel->selectConnection(teamRow(1).connectionId));
    ASSERT_NE(session->timeline(), nullptr);
    QSignalSpy history(panel->liveUpdates(), &ui::ConnectionLiveUpdates::historyChanged);
    const auto shown = [&](const QString &summary) {
        for (const timeline::TimelineEntry &e : panel->timelineView()->model()->entries()) {
            if (e.summary == summary)
                return true;
        }
        return false;
    };
    const auto step = [](const QString &summary) {
        timeline::TimelineEntry e;
        e.at = QDateTime::currentDateTimeUtc();
        e.kind = timeline::TimelineKind::StaffAction;
        e.correlationId = QStringLiteral("flow-elsewhere");
        e.summary = summary;
        return e;
    };

    // Another console records a step of the selected connection: shown within a second.
    QElapsedTimer clock;
    clock.start();
    timeline::TimelineRepository elsewhere(*other);
    ASSERT_TRUE(
        elsewhere.append(teamRow(1).connectionId, step(QStringLiteral("noted elsewhere"))).ok());
    ASSERT_TRUE(waitUntil([&] { return shown(QStringLiteral("noted elsewhere")); }, 5000));
    EXPECT_LT(clock.elapsed(), 1000) << "took " << clock.elapsed() << " ms";
    ASSERT_EQ(history.count(), 1);
    EXPECT_EQ(history.first().first().toString(), teamRow(1).connectionId);

    // A step of another row changes nothing shown.
    ASSERT_TRUE(elsewhere.append(teamRow(2).connectionId, step(QStringLiteral("other row"))).ok());
    QTest::qWait(500);
    EXPECT_EQ(history.count(), 1);
    EXPECT_FALSE(shown(QStringLiteral("other row")));

    // This console's own step (its recorder's worker, another connection) is shown once, live,
    // and not echoed back through the listener.
    session->timeline()->record(teamRow(1).connectionId, step(QStringLiteral("noted here")));
    ASSERT_TRUE(waitUntil([&] { return shown(QStringLiteral("noted here")); }, 5000));
    QTest::qWait(500);
    EXPECT_EQ(history.count(), 1) << "the console's own step came back as another console's";
    int copies = 0;
    for (const timeline::TimelineEntry &e : panel->timelineView()->model()->entries())
        copies += e.summary == QStringLiteral("noted here") ? 1 : 0;
    EXPECT_EQ(copies, 1);

    // A staff action recorded in the audit log by another agent is a step of the timeline too.
    ASSERT_NE(session->audit(), nullptr) << "the timeline shows audit records only with a trail";
    audit::AuditEntry reveal;
    reveal.action = audit::AuditAction::RevealId;
    reveal.object = QStringLiteral("connection 7a11…0001");
    reveal.connectionId = teamRow(1).connectionId;
    const auto byActor = [&](const QString &actor) {
        for (const timeline::TimelineEntry &e : panel->timelineView()->model()->entries()) {
            if (e.fields.value(QStringLiteral("actor")).toString() == actor)
                return true;
        }
        return false;
    };
    clock.restart();
    ASSERT_TRUE(audit::AuditLog(*other)
                    .append(reveal, QDateTime::currentMSecsSinceEpoch(),
                            QStringLiteral("agent-elsewhere"), QStringLiteral("Team"))
                    .ok());
    ASSERT_TRUE(waitUntil([&] { return byActor(QStringLiteral("agent-elsewhere")); }, 5000));
    EXPECT_LT(clock.elapsed(), 1000) << "took " << clock.elapsed() << " ms";
    EXPECT_EQ(history.count(), 2);
}

namespace {
// Stops and restarts its server: a private one (the run's shared cluster serves other tests).
class ConnectionsTeamOutage : public ConnectionsTeamLive
{
protected:
    ConnectionsTeamOutage()
        : ConnectionsTeamLive(test::privatePgServer())
    {
    }
};
} // namespace

TEST_F(ConnectionsTeamOutage, TheDatabaseStoppedMidSessionShowsTheBannerRefusesWritesAndRecovers)
{
    ASSERT_TRUE(rig.start());
    rig.setEnvironment();
    ASSERT_TRUE(db->connections().upsertMany({ teamRow(1), teamRow(2) }).ok());
    showPanel();
    ASSERT_TRUE(panel->selectConnection(teamRow(1).connectionId));
    ASSERT_FALSE(banner()->isVisible());
    QAction *remove = action("removeAction");
    ASSERT_NE(remove, nullptr);
    ASSERT_TRUE(waitUntil([&] { return remove->isEnabled(); }, 20000))
        << remove->toolTip().toStdString();

    test::PgServer &server = where.server();
    ASSERT_FALSE(server.isAttached());
    server.stop();
    ASSERT_TRUE(waitUntil([&] { return banner()->isVisible(); }, 10000));
    EXPECT_TRUE(banner()->text().startsWith(QStringLiteral("Team store unreachable since ")))
        << banner()->text().toStdString();
    EXPECT_TRUE(banner()->text().contains(QStringLiteral("read-only; retrying")));
    // What was loaded stays on screen; writing actions are refused with the reason.
    EXPECT_EQ(panel->model()->rowCount(), 2);
    EXPECT_FALSE(remove->isEnabled());
    EXPECT_TRUE(remove->toolTip().contains(QStringLiteral("Team store unreachable since ")))
        << remove->toolTip().toStdString();
    EXPECT_FALSE(action("refreshDetailsAction")->isEnabled());
    EXPECT_TRUE(panel->liveUpdates()->writeRefusal().contains(QStringLiteral("nothing is queued")));
    // The panel-wide writers too: Link a bank, Import (each entry), Refresh all / selected.
    for (QAction *writer : { panel->linkAction(), panel->refreshAllAction(),
                             panel->refreshSelectedAction(), panel->importer()->fromFile(),
                             panel->importer()->pasteId(), panel->importer()->fromSandbox() }) {
        EXPECT_FALSE(writer->isEnabled()) << writer->objectName().toStdString();
        EXPECT_TRUE(writer->toolTip().contains(QStringLiteral("Team store unreachable since ")))
            << writer->objectName().toStdString() << ": " << writer->toolTip().toStdString();
    }

    ASSERT_TRUE(server.start()) << server.errorString().toStdString();
    // Another console writes right after the restart, before this one is back.
    ASSERT_TRUE(other->database().open().ok());
    ASSERT_TRUE(other->connections().upsert(teamRow(5)).ok());

    // Back by itself within the backoff; what changed meanwhile is shown.
    ASSERT_TRUE(waitUntil([&] { return !banner()->isVisible(); }, 20000))
        << banner()->text().toStdString();
    ASSERT_TRUE(waitUntil([&] { return row(teamRow(5).connectionId) != nullptr; }, 20000));
    EXPECT_TRUE(remove->isEnabled()) << remove->toolTip().toStdString();
    EXPECT_EQ(panel->liveUpdates()->health()->state(), store::StoreHealth::State::Online);
    EXPECT_TRUE(panel->refreshAllAction()->isEnabled())
        << panel->refreshAllAction()->toolTip().toStdString();
    EXPECT_TRUE(panel->importer()->fromFile()->isEnabled());
    EXPECT_FALSE(panel->linkAction()->toolTip().contains(QStringLiteral("unreachable")));
}
