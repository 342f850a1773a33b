// The live Connections panel on real widgets: a real encrypted store (QTemporaryDir) read back
// through StoreLoader, the real sandbox over HTTPS (ClientHarness) with its credentials in the
// real keychain, the session's ApiClient, JobRunner and LinkRecorder, and real key and mouse
// clicks. No mocks, no timed assertions: every wait is for a state, with a generous limit.

#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/api/LinkWidgetSession.h"
#include "core/connections/ConnectionId.h"
#include "core/crypto/Random.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/util/FixedClock.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/connections/ConnectionActions.h"
#include "ui/connections/ConnectionHistoryView.h"
#include "ui/connections/ConnectionIdDialog.h"
#include "ui/connections/ConnectionImporter.h"
#include "ui/connections/ConnectionLinker.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"
#include "ui/connections/ExpiryNotifier.h"
#include "ui/jobs/LinkWidgetDialog.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <optional>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using connections::Connection;
using M = ui::ConnectionTableModel;

namespace {

QString newId()
{
    return QString::fromLatin1(crypto::Random::hex(16));
}

Connection stored(const QString &id, const QString &bank, const QDateTime &expiry)
{
    Connection c;
    c.connectionId = id;
    c.aeroPassUserUuid = QStringLiteral("%1-%2-%3-%4-%5")
                             .arg(QString::fromLatin1(crypto::Random::hex(4)),
                                  QString::fromLatin1(crypto::Random::hex(2)),
                                  QString::fromLatin1(crypto::Random::hex(2)),
                                  QString::fromLatin1(crypto::Random::hex(2)),
                                  QString::fromLatin1(crypto::Random::hex(6)));
    c.bankName = bank;
    c.status = QStringLiteral("CONNECTED");
    c.connectionExpiry = expiry;
    return c;
}

class ConnectionsLive : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        auto opened = store::Store::open(dir.filePath(QStringLiteral("aerodesk.sqlite")),
                                         crypto::Random::secretBytes(32));
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = std::shared_ptr<store::Store>(std::move(opened).value());
    }

    void startSandbox()
    {
        ASSERT_TRUE(rig.start());
        rig.setEnvironment();
    }

    /// The panel on the session; the store is handed over afterwards (Session::storeChanged).
    void showPanel(bool setStore = true)
    {
        panel = std::make_unique<ui::ConnectionsPanel>(*session);
        panel->resize(1300, 800);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        panel->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(panel.get())) << "shortcuts need an active window";
        if (setStore) {
            QSignalSpy loaded(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
            session->setStore(db);
            ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1; }, 30000));
        }
    }

    QAction *action(const char *name) const
    {
        return panel->findChild<QAction *>(QLatin1String(name));
    }
    QToolButton *button(const char *name) const
    {
        return panel->findChild<QToolButton *>(QLatin1String(name));
    }
    QLabel *label(const char *name) const
    {
        return panel->findChild<QLabel *>(QLatin1String(name));
    }
    const Connection *row(const QString &id) const
    {
        const int r = panel->model()->rowOf(id);
        return r < 0 ? nullptr : &panel->model()->connection(r);
    }
    void select(const QString &id)
    {
        ASSERT_TRUE(panel->selectConnection(id));
        panel->table()->setFocus(Qt::OtherFocusReason);
    }

    /// Links through the session's own LinkWidgetSession path: the LinkRecorder writes the row,
    /// then loads the account; the panel shows it live. Returns the connectionId.
    QString linkThroughWidget(bool manual)
    {
        api::LinkWidgetSession widget(*session->client(), *session->widgetEvents());
        QObject::connect(
            &widget, &api::LinkWidgetSession::stepReady, &widget,
            [&](const api::LinkWidgetStep &step) {
                if (step.state == QLatin1String("manual"))
                    widget.submitManual(QStringLiteral("021000021"), QStringLiteral("123456789"));
                else if (step.state == QLatin1String("bank"))
                    widget.chooseBank(QStringLiteral("oauth"));
                else if (step.state == QLatin1String("credentials"))
                    widget.signIn(QStringLiteral("mxuser"), QStringLiteral("challenge"));
                else if (step.state == QLatin1String("oauth"))
                    widget.answerOAuth(true);
            });
        QSignalSpy done(&widget, &api::LinkWidgetSession::finished);
        widget.startLink({}, {}, manual);
        EXPECT_TRUE(waitUntil([&] { return done.count() == 1; }, 30000));
        if (done.isEmpty())
            return {};
        const auto result = done.first().first().value<api::LinkWidgetResult>();
        EXPECT_TRUE(result.linked()) << result.message.toStdString();
        const QString id = result.success.connectionId;
        // The recorder's follow-up GET /accounts reaches the panel through accountLoaded.
        EXPECT_TRUE(waitUntil(
            [&] {
                return row(id) &&
                    row(id)->accountSummary.contains(QStringLiteral("canFetchBalance"));
            },
            30000))
            << "the linked connection did not arrive in the panel with its account summary";
        return id;
    }

    test::SessionRig rig;
    test::ClientHarness &h = rig.harness();
    const Clock &clock = rig.clock();
    session::Session *session = &rig.session();
    QTemporaryDir dir;
    std::shared_ptr<store::Store> db;
    std::unique_ptr<ui::ConnectionsPanel> panel;
};

} // namespace

TEST_F(ConnectionsLive, StoreLoadsThroughTheLoaderAndShowsTheSevenDayWarning)
{
    startSandbox();
    const QDateTime now = clock.nowUtc();
    const QString soon = newId(), month = newId(), later = newId();
    ASSERT_TRUE(db->connections().upsertMany(
        { stored(soon, QStringLiteral("Aerosync Bank (MFA)"), now.addDays(3)),
          stored(month, QStringLiteral("Aerosync Bank (OAuth)"), now.addDays(20)),
          stored(later, QStringLiteral("Aerosync Bank (Security Question)"), now.addDays(60)) }));
    showPanel(false);
    EXPECT_EQ(panel->model()->rowCount(), 0) << "nothing before the store is there";
    EXPECT_FALSE(button("importButton")->isEnabled());
    EXPECT_TRUE(button("importButton")->toolTip().contains(QStringLiteral("store is not open")))
        << button("importButton")->toolTip().toStdString();

    QStatusBar bar;
    ui::ExpiryNotifier notifier(&bar);
    notifier.watch(panel.get());
    QSignalSpy notified(&notifier, &ui::ExpiryNotifier::notified);
    QSignalSpy started(panel->feed(), &ui::ConnectionStoreFeed::loadingStarted);
    QSignalSpy finished(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
    session->setStore(db);
    ASSERT_EQ(started.count(), 1);
    EXPECT_EQ(started.first().first().toLongLong(), 3);
    EXPECT_TRUE(label("connectionsLoading")->isVisible());
    EXPECT_TRUE(label("connectionsLoading")->text().startsWith(QStringLiteral("Loading 3")))
        << label("connectionsLoading")->text().toStdString();
    EXPECT_EQ(panel->model()->rowCount(), 0) << "the rows come from the loader's thread, later";

    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 30000));
    EXPECT_EQ(finished.first().first().toLongLong(), 3);
    ASSERT_EQ(panel->model()->rowCount(), 3);
    EXPECT_TRUE(button("importButton")->isEnabled());
    EXPECT_FALSE(label("connectionsLoading")->isVisible());
    const int r = panel->model()->rowOf(soon);
    ASSERT_GE(r, 0);
    EXPECT_EQ(panel->model()->displayText(r, M::BandColumn), QStringLiteral("≤ 7 days"));
    EXPECT_EQ(panel->model()->displayText(r, M::DaysLeftColumn), QStringLiteral("3"));
    EXPECT_EQ(panel->model()->index(r, M::BandColumn).data(Qt::AccessibleTextRole).toString(),
              QStringLiteral("Expires within 7 days"));
    EXPECT_EQ(panel->model()->displayText(panel->model()->rowOf(month), M::BandColumn),
              QStringLiteral("≤ 30 days"));
    // Decrypted on the worker: the ids arrived whole (the model masks them for display).
    EXPECT_EQ(panel->model()->connection(r).connectionId, soon);
    // The first load is summarised once (it does not count as entering the band).
    ASSERT_EQ(notified.count(), 1);
    EXPECT_EQ(notifier.lastTitle(), QStringLiteral("1 connection(s) expire within 7 days"));
}

TEST_F(ConnectionsLive, ActionsWaitForTheEnvironmentAndARow)
{
    const QString id = newId();
    ASSERT_TRUE(db->connections().upsert(
        stored(id, QStringLiteral("Aerosync Bank"), clock.nowUtc().addDays(40))));
    showPanel();
    ASSERT_EQ(panel->model()->rowCount(), 1);
    select(id);
    for (QAction *a : panel->actions()->all()) {
        EXPECT_FALSE(a->isEnabled()) << a->objectName().toStdString();
        EXPECT_TRUE(a->toolTip().contains(QStringLiteral("still starting")))
            << a->toolTip().toStdString();
    }
    EXPECT_FALSE(button("refreshDetailsButton")->isEnabled());
    EXPECT_FALSE(panel->importer()->fromSandbox()->isEnabled());

    startSandbox();
    for (QAction *a : panel->actions()->all())
        EXPECT_TRUE(a->isEnabled())
            << a->objectName().toStdString() << " " << a->toolTip().toStdString();
    EXPECT_TRUE(panel->importer()->fromSandbox()->isEnabled())
        << panel->importer()->fromSandbox()->toolTip().toStdString();

    panel->table()->setCurrentIndex(QModelIndex());
    for (QAction *a : panel->actions()->all()) {
        EXPECT_FALSE(a->isEnabled()) << a->objectName().toStdString();
        EXPECT_TRUE(a->toolTip().contains(QStringLiteral("select a connection")))
            << a->toolTip().toStdString();
    }
}

TEST_F(ConnectionsLive, RefreshDetailsUpdatesBankStatusAndExpiry)
{
    startSandbox();
    const QString id = h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(id.isEmpty()) << h.sandbox.lastError().toStdString();
    Connection bare;
    bare.connectionId = id; // as a pasted id: nothing known yet
    ASSERT_TRUE(db->connections().upsert(bare));
    showPanel();
    ASSERT_NE(row(id), nullptr);
    EXPECT_TRUE(row(id)->bankName.isEmpty());
    EXPECT_FALSE(row(id)->connectionExpiry.isValid());
    EXPECT_EQ(panel->model()->displayText(panel->model()->rowOf(id), M::BandColumn),
              QStringLiteral("Unknown"));

    select(id);
    ASSERT_TRUE(button("refreshDetailsButton")->isEnabled())
        << button("refreshDetailsButton")->toolTip().toStdString();
    QTest::mouseClick(button("refreshDetailsButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return row(id) && row(id)->connectionExpiry.isValid(); }, 30000))
        << label("connectionsMessage")->text().toStdString();
    EXPECT_TRUE(row(id)->bankName.contains(QStringLiteral("OAuth")))
        << row(id)->bankName.toStdString();
    EXPECT_EQ(row(id)->status, QStringLiteral("CONNECTED"));
    EXPECT_TRUE(row(id)->lastRefresh.isValid());
    EXPECT_NE(panel->model()->displayText(panel->model()->rowOf(id), M::BandColumn),
              QStringLiteral("Unknown"));

    // The store was updated first; the row was read back from it.
    auto saved = db->connections().get(id);
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved->bankName, row(id)->bankName);
    EXPECT_EQ(saved->connectionExpiry, row(id)->connectionExpiry);
    EXPECT_FALSE(saved->accountSummary.isEmpty());
    EXPECT_TRUE(label("connectionDetail")->text().contains(QStringLiteral("OAuth")));
    EXPECT_TRUE(waitUntil([&] {
        return panel->historyView()
            ->lines()
            .join(QLatin1Char('\n'))
            .contains(QStringLiteral("refresh details"));
    }));
}

TEST_F(ConnectionsLive, RefreshBalanceIsDisabledWithTheReasonWhenCanFetchBalanceIsFalse)
{
    startSandbox();
    showPanel();
    const QString manual = linkThroughWidget(true);
    ASSERT_FALSE(manual.isEmpty());
    const QString oauth = linkThroughWidget(false);
    ASSERT_FALSE(oauth.isEmpty());
    EXPECT_EQ(panel->model()->rowCount(), 2)
        << "both links reached the panel live, without a reload";

    select(manual);
    QAction *balance = action("refreshBalanceAction");
    EXPECT_FALSE(balance->isEnabled());
    EXPECT_FALSE(button("refreshBalanceButton")->isEnabled());
    EXPECT_TRUE(balance->toolTip().contains(QStringLiteral("canFetchBalance is false")))
        << balance->toolTip().toStdString();
    QLabel *note = label("balanceUnavailable");
    EXPECT_TRUE(note->isVisible());
    EXPECT_TRUE(note->text().contains(QStringLiteral("canFetchBalance is false")))
        << note->text().toStdString();
    // The other actions stay usable on that row.
    EXPECT_TRUE(action("fetchTransactionsAction")->isEnabled());
    EXPECT_TRUE(action("refreshDetailsAction")->isEnabled());
    // Account summary: masked account number only.
    const QString summary = label("accountSummary")->text();
    EXPECT_TRUE(summary.contains(QStringLiteral("••••6789"))) << summary.toStdString();
    EXPECT_FALSE(summary.contains(QStringLiteral("123456789")));
    EXPECT_TRUE(summary.contains(QStringLiteral("cannot be fetched")));
    // Ctrl+B does nothing on it: no balance job starts.
    QSignalSpy jobStarts(session->jobs(), &jobs::JobRunner::started);
    QTest::keyClick(panel->table(), Qt::Key_B, Qt::ControlModifier);
    EXPECT_EQ(jobStarts.count(), 0);

    select(oauth);
    EXPECT_TRUE(balance->isEnabled()) << balance->toolTip().toStdString();
    EXPECT_TRUE(button("refreshBalanceButton")->isEnabled());
    EXPECT_FALSE(note->isVisible());
    EXPECT_TRUE(label("accountSummary")->text().contains(QStringLiteral("can be fetched")));
}

TEST_F(ConnectionsLive, ReconnectOpensTheWidgetOnTheRowsIdAndStartsNoLink)
{
    startSandbox();
    const QString a = newId(), b = h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(b.isEmpty()) << h.sandbox.lastError().toStdString();
    ASSERT_TRUE(db->connections().upsertMany(
        { stored(a, QStringLiteral("Bank A"), clock.nowUtc().addDays(5)),
          stored(b, QStringLiteral("Bank B"), clock.nowUtc().addDays(50)) }));
    showPanel();
    QSignalSpy reconnect(panel.get(), &ui::ConnectionsPanel::reconnectRequested);
    select(b);
    QTest::keyClick(panel->table(), Qt::Key_R, Qt::ControlModifier);
    ASSERT_EQ(reconnect.count(), 1);
    EXPECT_EQ(reconnect.first().first().toString(), b);
    // The panel's own widget dialog runs the reconnect: the same connection, no bank picker.
    ui::LinkWidgetDialog *dialog = panel->linker()->dialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->session().mode(), api::LinkWidgetSession::Mode::Reconnect);
    ASSERT_TRUE(
        waitUntil([&] { return dialog->isVisible() && dialog->isWaitingForInput(); }, 30000));
    EXPECT_NE(dialog->state(), QStringLiteral("bank")) << "a reconnect never picks a bank";
    QSignalSpy ended(dialog, &ui::LinkWidgetDialog::sessionFinished);
    dialog->reject();
    ASSERT_TRUE(waitUntil([&] { return ended.count() == 1; }, 30000));

    select(a);
    QTest::mouseClick(button("reconnectButton"), Qt::LeftButton);
    ASSERT_EQ(reconnect.count(), 2);
    EXPECT_EQ(reconnect.at(1).first().toString(), a);
    EXPECT_EQ(db->connections().count(), 2) << "a reconnect adds no connection";
}

TEST_F(ConnectionsLive, ImportFromTheSandboxListingAddsRows)
{
    startSandbox();
    const auto seeded =
        h.sandbox.request("POST", QStringLiteral("/sandbox/seed"),
                          QJsonObject { { QStringLiteral("count"), 40 } }, {}, 60000);
    ASSERT_EQ(seeded.status, 200) << seeded.body.toStdString();
    const int total = seeded.json.value(QStringLiteral("total")).toInt();
    ASSERT_GE(total, 40);
    const auto first = h.sandbox.request(
        "GET", QStringLiteral("/sandbox/connections?offset=0&limit=1"), {}, h.sandbox.bearer());
    const QString someId = first.json.value(QStringLiteral("connections"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("connectionId"))
                               .toString();
    ASSERT_FALSE(someId.isEmpty());
    showPanel();
    ASSERT_EQ(panel->model()->rowCount(), 0);

    QSignalSpy finished(panel->importer(), &ui::ConnectionImporter::finished);
    QSignalSpy loaded(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
    ASSERT_TRUE(panel->importer()->fromSandbox()->isEnabled())
        << panel->importer()->fromSandbox()->toolTip().toStdString();
    panel->importer()->fromSandbox()->trigger();
    EXPECT_FALSE(panel->importer()->fromSandbox()->isEnabled()) << "one import at a time";
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 60000));
    const auto summary = finished.first().first().value<connections::ImportSummary>();
    EXPECT_TRUE(summary.ok()) << summary.error.toStdString();
    EXPECT_EQ(summary.created, total);
    ASSERT_TRUE(waitUntil([&] { return panel->model()->rowCount() == total; }, 30000))
        << panel->model()->rowCount();
    EXPECT_GE(panel->model()->rowOf(someId), 0);
    EXPECT_EQ(db->connections().count(), total);
    EXPECT_TRUE(label("connectionsMessage")->text().contains(QStringLiteral("%1 new").arg(total)))
        << label("connectionsMessage")->text().toStdString();
}

TEST_F(ConnectionsLive, PastedBadIdShowsTheValidationMessageAndAddsNothing)
{
    startSandbox();
    const QString existing = newId();
    ASSERT_TRUE(db->connections().upsert(
        stored(existing, QStringLiteral("Bank"), clock.nowUtc().addDays(9))));
    showPanel();
    ASSERT_EQ(panel->model()->rowCount(), 1);

    panel->table()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(panel->table(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    ui::ConnectionIdDialog *dialog = panel->importer()->pasteDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    const QString bad = QStringLiteral("0f3c9a-not-an-id");
    QTest::keyClicks(dialog->idEdit(), bad);
    QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
    const auto expected = connections::ConnectionId::validate(bad);
    ASSERT_FALSE(expected.ok());
    EXPECT_TRUE(dialog->errorLabel()->isVisible());
    EXPECT_EQ(dialog->errorLabel()->text(), expected.error().message);
    EXPECT_TRUE(dialog->isVisible()) << "a bad id keeps the dialog open";
    EXPECT_EQ(panel->model()->rowCount(), 1);
    EXPECT_EQ(db->connections().count(), 1);

    // A good one (upper case, spaces around) is normalised, stored, shown and selected.
    const QString good = newId();
    dialog->idEdit()->clear();
    EXPECT_FALSE(dialog->errorLabel()->isVisible());
    QTest::keyClicks(dialog->idEdit(), QStringLiteral("  ") + good.toUpper() + QStringLiteral(" "));
    QTest::keyClick(dialog->idEdit(), Qt::Key_Return);
    EXPECT_TRUE(waitUntil([&] { return panel->importer()->pasteDialog() == nullptr; }));
    // Stored by the store jobs, then shown and selected.
    ASSERT_TRUE(waitUntil([&] { return panel->model()->rowCount() == 2; }, 10000));
    ASSERT_TRUE(waitUntil([&] { return panel->currentSourceRow() >= 0; }, 10000));
    EXPECT_TRUE(db->connections().contains(good));
    EXPECT_EQ(panel->model()->connection(panel->currentSourceRow()).connectionId, good);
}

TEST_F(ConnectionsLive, ImportFromAFileAddsItsIdsAndReportsItsErrors)
{
    startSandbox();
    const QString known = newId(), fresh = newId();
    ASSERT_TRUE(db->connections().upsert(
        stored(known, QStringLiteral("Kept Bank"), clock.nowUtc().addDays(12))));
    showPanel();
    const QString path = dir.filePath(QStringLiteral("ids.csv"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("connectionId\n%1\n%2\nnot-an-id\n").arg(fresh, known).toUtf8());
    file.close();

    std::optional<connections::ImportSummary> done;
    panel->importer()->importFile(path, [&](const connections::ImportSummary &s) { done = s; });
    EXPECT_FALSE(done.has_value()) << "the store's reads and writes are a job, not this turn";
    ASSERT_TRUE(waitUntil([&] { return done.has_value(); }, 20000));
    const connections::ImportSummary summary = *done;
    EXPECT_EQ(summary.created, 1);
    EXPECT_EQ(summary.updated, 0);
    EXPECT_EQ(summary.skipped, 2) << "the known id and the bad line";
    EXPECT_TRUE(summary.error.contains(QStringLiteral("line 4"))) << summary.error.toStdString();
    ASSERT_EQ(panel->model()->rowCount(), 2);
    EXPECT_GE(panel->model()->rowOf(fresh), 0);
    EXPECT_EQ(row(known)->bankName, QStringLiteral("Kept Bank"))
        << "an id already tracked keeps its row";
    EXPECT_TRUE(db->connections().contains(fresh));
    EXPECT_TRUE(label("connectionsMessage")->text().contains(QStringLiteral("1 new")))
        << label("connectionsMessage")->text().toStdString();
}

TEST_F(ConnectionsLive, RemoveAsksThenRemovesFromTheStore)
{
    startSandbox();
    const QString keep = newId(), drop = newId();
    ASSERT_TRUE(db->connections().upsertMany(
        { stored(keep, QStringLiteral("Keep"), clock.nowUtc().addDays(12)),
          stored(drop, QStringLiteral("Drop"), clock.nowUtc().addDays(13)) }));
    showPanel();
    select(drop);
    QTest::mouseClick(button("removeButton"), Qt::LeftButton);
    const QString question = test::answerMessageBox(
        panel.get(), QStringLiteral("removeConfirmation"), QMessageBox::Cancel);
    EXPECT_TRUE(question.contains(M::mask(drop)));
    EXPECT_FALSE(question.contains(drop)) << "the question shows the id masked";
    EXPECT_TRUE(question.contains(QStringLiteral("local store"))) << question.toStdString();
    EXPECT_EQ(db->connections().count(), 2);
    EXPECT_EQ(panel->model()->rowCount(), 2);

    QTest::mouseClick(button("removeButton"), Qt::LeftButton);
    ASSERT_FALSE(
        test::answerMessageBox(panel.get(), QStringLiteral("removeConfirmation"), QMessageBox::Yes)
            .isEmpty());
    // Removed on the store jobs' thread; the row leaves the list when the store has answered.
    ASSERT_TRUE(waitUntil([&] { return panel->model()->rowOf(drop) == -1; }, 10000));
    EXPECT_EQ(db->connections().count(), 1);
    EXPECT_FALSE(db->connections().contains(drop));
    EXPECT_GE(panel->model()->rowOf(keep), 0);
}

TEST_F(ConnectionsLive, HistoryShowsACompletedJobInTimeOrder)
{
    startSandbox();
    const QString id = h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(id.isEmpty()) << h.sandbox.lastError().toStdString();
    ASSERT_TRUE(db->connections().upsert(
        stored(id, QStringLiteral("Aerosync Bank (OAuth)"), clock.nowUtc().addDays(30))));
    // An event from before, so the order can be checked.
    ASSERT_TRUE(db->history()
                    .record(id,
                            { clock.nowUtc().addSecs(-3600), QStringLiteral("webhook"),
                              QJsonObject { { QStringLiteral("event"),
                                              QStringLiteral("bank.revocation") } } })
                    .ok());
    showPanel();
    select(id);
    ASSERT_TRUE(waitUntil([&] {
        return panel->historyView()
            ->lines()
            .join(QLatin1Char('\n'))
            .contains(QStringLiteral("bank.revocation"));
    }));

    QSignalSpy recorded(panel->feed(), &ui::ConnectionStoreFeed::jobRecorded);
    ASSERT_TRUE(action("refreshBalanceAction")->isEnabled())
        << action("refreshBalanceAction")->toolTip().toStdString();
    QTest::keyClick(panel->table(), Qt::Key_B, Qt::ControlModifier);
    EXPECT_FALSE(action("refreshBalanceAction")->isEnabled())
        << "a balance job is running on this row";
    EXPECT_TRUE(action("refreshBalanceAction")->toolTip().contains(QStringLiteral("already")))
        << action("refreshBalanceAction")->toolTip().toStdString();
    ASSERT_TRUE(waitUntil([&] { return recorded.count() == 1; }, 90000))
        << label("connectionsMessage")->text().toStdString();
    const auto result = recorded.first().first().value<jobs::JobResult>();
    ASSERT_EQ(result.outcome, jobs::JobOutcome::Completed) << result.message.toStdString();

    const QStringList lines = panel->historyView()->lines();
    ASSERT_EQ(lines.size(), 2) << lines.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(lines.at(0).contains(QStringLiteral("bank.revocation")));
    EXPECT_TRUE(lines.at(1).contains(QStringLiteral("Balance job: Completed")))
        << lines.at(1).toStdString();
    EXPECT_TRUE(lines.at(1).contains(result.jobId));
    auto events = db->history().forConnection(id);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 2);
    EXPECT_EQ(events->last().kind, QStringLiteral("job"));
    EXPECT_EQ(events->last().detail.value(QStringLiteral("jobId")).toString(), result.jobId);
    EXPECT_TRUE(action("refreshBalanceAction")->isEnabled());

    // Fetch transactions and Identity, from their buttons, land in the history after it.
    QTest::mouseClick(button("fetchTransactionsButton"), Qt::LeftButton);
    QTest::mouseClick(button("identityButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return recorded.count() == 3; }, 90000))
        << label("connectionsMessage")->text().toStdString();
    const QString all = panel->historyView()->lines().join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QStringLiteral("Transactions job: Completed"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("transaction(s)"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("Identity job: Completed"))) << all.toStdString();
    EXPECT_EQ(panel->historyView()->count(), 4);
}

TEST_F(ConnectionsLive, EveryControlHasAnAccessibleName)
{
    startSandbox();
    const QString id = newId();
    ASSERT_TRUE(
        db->connections().upsert(stored(id, QStringLiteral("Bank"), clock.nowUtc().addDays(9))));
    showPanel();
    select(id);
    panel->importer()->pasteId()->trigger();
    ASSERT_NE(panel->importer()->pasteDialog(), nullptr);
    EXPECT_GE(test::expectAccessibleNames(panel.get()), 20);
    for (QAction *a : panel->actions()->all()) {
        EXPECT_FALSE(a->shortcut().isEmpty()) << a->objectName().toStdString();
        EXPECT_FALSE(a->toolTip().isEmpty()) << a->objectName().toStdString();
    }
}

TEST(ExpiryNotifierTest, EnteringTheSevenDayBandNotifiesWithAMaskedId)
{
    aerodesk::FixedClock clock(QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC));
    ui::ConnectionsPanel panel(clock);
    QStatusBar bar;
    ui::ExpiryNotifier notifier(&bar);
    notifier.watch(&panel);
    QSignalSpy notified(&notifier, &ui::ExpiryNotifier::notified);
    const QString id = newId();
    panel.setConnections(std::vector<Connection> {
        stored(id, QStringLiteral("Aerosync Bank (MFA)"), clock.nowUtc().addDays(10)) });
    clock.set(clock.nowUtc().addDays(4));
    panel.refreshExpiry();
    ASSERT_TRUE(waitUntil([&] { return notified.count() == 1; }));
    const QString text = notifier.lastMessage();
    EXPECT_TRUE(notifier.lastTitle().contains(QStringLiteral("7 days")));
    EXPECT_TRUE(text.contains(QStringLiteral("Aerosync Bank (MFA)"))) << text.toStdString();
    EXPECT_TRUE(text.contains(M::mask(id))) << text.toStdString();
    EXPECT_FALSE(text.contains(id)) << "never the full id";
    if (!notifier.usesTray()) {
        EXPECT_TRUE(bar.currentMessage().contains(M::mask(id)))
            << bar.currentMessage().toStdString();
    }

    // Several at once make one message.
    const QString a = newId(), b = newId();
    panel.setConnections(
        std::vector<Connection> { stored(a, QStringLiteral("A"), clock.nowUtc().addDays(9)),
                                  stored(b, QStringLiteral("B"), clock.nowUtc().addDays(9)) });
    clock.set(clock.nowUtc().addDays(3));
    panel.refreshExpiry();
    ASSERT_TRUE(waitUntil([&] { return notified.count() == 2; }));
    EXPECT_TRUE(notifier.lastTitle().startsWith(QStringLiteral("2 connection")))
        << notifier.lastTitle().toStdString();
}
