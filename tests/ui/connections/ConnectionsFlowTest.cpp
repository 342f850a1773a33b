// The Connections panel's flows of issue 12 on real widgets, the real built-in sandbox over
// HTTPS, the real keychain and a real encrypted SQLite store: Link a bank with its loading state,
// a store failure that keeps the new id until Retry, Reconnect from the expiry notice and from a
// 7-day row, Refresh all over 1,000 imported ids with progress and Cancel, the empty state, and
// headers that fit at 1280×800. Every wait is for a state, with a generous limit.

#include "core/api/HttpTransport.h"
#include "core/api/LinkWidgetSession.h"
#include "core/connections/LinkRecorder.h"
#include "core/crypto/Random.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/common/NoticeLine.h"
#include "ui/connections/BulkRefreshBar.h"
#include "ui/connections/ConnectionFilterProxy.h"
#include "ui/connections/ConnectionImporter.h"
#include "ui/connections/ConnectionLinker.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"
#include "ui/connections/ExpiryNotifier.h"
#include "ui/connections/UnsavedLinksNotice.h"
#include "ui/jobs/LinkWidgetDialog.h"

#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
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

class ConnectionsFlow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        auto opened = store::Store::open(storePath(), crypto::Random::secretBytes(32));
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = std::shared_ptr<store::Store>(std::move(opened).value());
    }
    void TearDown() override
    {
        panel.reset();
        if (QSqlDatabase::contains(QStringLiteral("locker"))) {
            QSqlDatabase::database(QStringLiteral("locker")).close();
            QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        }
    }
    QString storePath() const { return dir.filePath(QStringLiteral("aerodesk.sqlite")); }

    void startSandbox()
    {
        ASSERT_TRUE(rig.start());
        rig.setEnvironment();
    }

    void showPanel(QSize size = QSize(1300, 800))
    {
        panel = std::make_unique<ui::ConnectionsPanel>(*session);
        panel->resize(size);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        QSignalSpy loaded(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
        session->setStore(db);
        ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1; }, 30000));
    }

    template<class T = QWidget> T *named(const char *name) const
    {
        return test::findNamed<T>(panel.get(), QLatin1String(name));
    }
    const Connection *row(const QString &id) const
    {
        const int r = panel->model()->rowOf(id);
        return r < 0 ? nullptr : &panel->model()->connection(r);
    }

    /// Answers the dialog the way a person would: the OAuth test bank, then Approve.
    static void driveOAuth(ui::LinkWidgetDialog *dialog)
    {
        QObject::connect(
            dialog, &ui::LinkWidgetDialog::stepShown, dialog, [dialog](const QString &state) {
                QTimer::singleShot(0, dialog, [dialog, state] {
                    if (state == QLatin1String("bank")) {
                        auto *banks =
                            dialog->findChild<QListWidget *>(QStringLiteral("widgetBankList"));
                        const auto items =
                            banks->findItems(QStringLiteral("OAuth"), Qt::MatchContains);
                        ASSERT_FALSE(items.isEmpty());
                        banks->setCurrentItem(items.first());
                        test::clickNamed(dialog, QStringLiteral("widgetContinue"));
                    } else if (state == QLatin1String("oauth")) {
                        test::clickNamed(dialog, QStringLiteral("widgetApprove"));
                    } else if (state == QLatin1String("credentials")) {
                        test::typeInto(dialog, QStringLiteral("widgetUsername"),
                                       QStringLiteral("mxuser"));
                        test::typeInto(dialog, QStringLiteral("widgetPassword"),
                                       QStringLiteral("challenge"));
                        test::clickNamed(dialog, QStringLiteral("widgetContinue"));
                    }
                });
            });
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

TEST_F(ConnectionsFlow, EmptyStateSaysWhatToDoFirstAndLinkShowsItsLoadingState)
{
    startSandbox();
    showPanel();
    // The first minute: no table of nothing, but what to do first, with buttons.
    auto *stack = named<QStackedWidget>("connectionsTableStack");
    ASSERT_NE(stack, nullptr);
    EXPECT_EQ(stack->currentWidget(), panel->emptyState());
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("emptyStateText"))
                    .contains(QStringLiteral("Import the sandbox's connections")));
    for (const char *name : { "emptyImportSandbox", "emptyLinkBank", "emptyRunWalkthrough" }) {
        auto *button = named<QPushButton>(name);
        ASSERT_NE(button, nullptr);
        EXPECT_TRUE(button->isVisible() && button->isEnabled())
            << name << ": " << button->toolTip().toStdString();
    }
    EXPECT_GE(test::expectAccessibleNames(panel.get(), test::AccessibleCheck::OwnControlsOnly), 10);
    QSignalSpy walkthrough(panel.get(), &ui::ConnectionsPanel::walkthroughRequested);
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("emptyRunWalkthrough")));
    EXPECT_EQ(walkthrough.count(), 1);

    // Link a bank: inactive, with "Getting a widget token…" and a busy bar, until the widget
    // shows its first step; the dialog appears with that step.
    auto *link = named<QToolButton>("linkBankButton");
    ASSERT_NE(link, nullptr);
    ASSERT_TRUE(link->isEnabled()) << link->toolTip().toStdString();
    QTest::mouseClick(link, Qt::LeftButton);
    ui::LinkWidgetDialog *dialog = panel->linker()->dialog();
    ASSERT_NE(dialog, nullptr);
    driveOAuth(dialog);
    QSignalSpy finished(dialog, &ui::LinkWidgetDialog::sessionFinished);
    EXPECT_FALSE(link->isEnabled());
    EXPECT_EQ(panel->linkAction()->text(), QStringLiteral("Getting a widget token…"));
    EXPECT_FALSE(named<QPushButton>("emptyLinkBank")->isEnabled());
    EXPECT_TRUE(named<QLabel>("linkLoading")->isVisible());
    EXPECT_EQ(named<QLabel>("linkLoading")->text(), QStringLiteral("Getting a widget token…"));
    EXPECT_TRUE(named<QProgressBar>("linkBusy")->isVisible());
    EXPECT_EQ(named<QProgressBar>("linkBusy")->maximum(), 0) << "a busy indicator";
    EXPECT_FALSE(dialog->isVisible()) << "shown with its first step, not before";

    ASSERT_TRUE(waitUntil([&] { return dialog->isVisible(); }, 30000));
    EXPECT_TRUE(link->isEnabled());
    EXPECT_EQ(panel->linkAction()->text(), QStringLiteral("Link a bank…"));
    EXPECT_FALSE(named<QLabel>("linkLoading")->isVisible());
    EXPECT_FALSE(named<QProgressBar>("linkBusy")->isVisible());

    // A completed link puts the row in the table (stored first by the LinkRecorder).
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 30000));
    const auto result = finished.first().first().value<api::LinkWidgetResult>();
    ASSERT_TRUE(result.linked()) << result.message.toStdString();
    const QString id = result.success.connectionId;
    ASSERT_TRUE(waitUntil([&] { return row(id) && !row(id)->bankName.isEmpty(); }, 30000));
    EXPECT_TRUE(db->connections().get(id).ok());
    EXPECT_EQ(stack->currentWidget(), panel->table()) << "rows: the table replaces the empty state";
}

TEST_F(ConnectionsFlow, APersistFailureIsShownAndRetriedWithNothingLost)
{
    startSandbox();
    showPanel();
    // A second connection holds the store's write lock: the recorder's write fails with
    // "database is locked" after the store's busy timeout (SQLite's default, 5 s).
    QSqlDatabase locker =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
    locker.setDatabaseName(storePath());
    ASSERT_TRUE(locker.open()) << locker.lastError().text().toStdString();
    QSqlQuery lock(locker);
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")))
        << lock.lastError().text().toStdString();

    panel->linkBank();
    ui::LinkWidgetDialog *dialog = panel->linker()->dialog();
    ASSERT_NE(dialog, nullptr);
    driveOAuth(dialog);
    QSignalSpy finished(dialog, &ui::LinkWidgetDialog::sessionFinished);
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 60000));
    const auto result = finished.first().first().value<api::LinkWidgetResult>();
    ASSERT_TRUE(result.linked()) << "the widget linked; the store refused it";
    const QString id = result.success.connectionId;

    // Shown, persistent, with the masked id; the id is kept in memory, not in the table.
    ui::UnsavedLinksNotice *notice = panel->unsavedNotice();
    ASSERT_TRUE(waitUntil([&] { return notice->isVisible(); }, 10000));
    const QString text = notice->line()->message();
    EXPECT_TRUE(text.contains(QStringLiteral("1 new connection(s) linked but not stored yet")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(M::mask(id))) << text.toStdString();
    EXPECT_FALSE(text.contains(id)) << "never the full id";
    EXPECT_TRUE(text.contains(QStringLiteral("locked"))) << text.toStdString();
    EXPECT_EQ(notice->line()->kind(), ui::NoticeLine::Kind::Warning);
    EXPECT_EQ(session->linkRecorder()->unsaved(), QStringList { id });
    EXPECT_EQ(row(id), nullptr);
    EXPECT_TRUE(notice->retryButton()->isEnabled());

    // Still locked: Retry fails again and keeps the id.
    QSignalSpy retried(notice, &ui::UnsavedLinksNotice::retried);
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("retryUnsavedLinks")));
    ASSERT_EQ(retried.count(), 1);
    EXPECT_FALSE(retried.first().first().toBool());
    EXPECT_TRUE(notice->isVisible());
    EXPECT_EQ(session->linkRecorder()->unsaved(), QStringList { id });

    // The lock goes; Retry stores it, the row appears with its account, the warning goes.
    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    locker.close();
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("retryUnsavedLinks")));
    ASSERT_EQ(retried.count(), 2);
    EXPECT_TRUE(retried.at(1).first().toBool());
    EXPECT_FALSE(notice->isVisible());
    EXPECT_TRUE(session->linkRecorder()->unsaved().isEmpty());
    EXPECT_TRUE(db->connections().get(id).ok());
    ASSERT_TRUE(waitUntil([&] { return row(id) && !row(id)->bankName.isEmpty(); }, 30000))
        << "the recorder's follow-up GET /accounts reached the row";
}

TEST_F(ConnectionsFlow, ReconnectFromTheExpiryNoticeAndFromASevenDayRow)
{
    startSandbox();
    const QString id = h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(id.isEmpty()) << h.sandbox.lastError().toStdString();
    Connection c;
    c.connectionId = id;
    c.bankName = QStringLiteral("Aerosync Bank (OAuth)");
    c.status = QStringLiteral("CONNECTED");
    c.connectionExpiry = clock.nowUtc().addDays(20);
    ASSERT_TRUE(db->connections().upsert(c));
    showPanel();
    QStatusBar bar;
    ui::ExpiryNotifier notifier(&bar);
    notifier.watch(panel.get());
    QSignalSpy notified(&notifier, &ui::ExpiryNotifier::notified);
    QSignalSpy reconnects(panel.get(), &ui::ConnectionsPanel::reconnectRequested);

    // The row moves into the 7-day band: the notice names it and offers Reconnect.
    c.connectionExpiry = clock.nowUtc().addDays(3);
    panel->upsertConnection(c);
    ASSERT_TRUE(waitUntil([&] { return notified.count() >= 1; }, 5000));
    EXPECT_EQ(notifier.reconnectTarget(), id);
    ASSERT_TRUE(notifier.reconnectAction()->isEnabled());
    if (!notifier.usesTray()) {
        bar.show();
        ASSERT_TRUE(notifier.reconnectButton()->isVisible());
        QTest::mouseClick(notifier.reconnectButton(), Qt::LeftButton);
    } else {
        notifier.reconnectAction()->trigger();
    }
    ASSERT_EQ(reconnects.count(), 1);
    EXPECT_EQ(reconnects.first().first().toString(), id);
    ui::LinkWidgetDialog *dialog = panel->linker()->dialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->session().mode(), api::LinkWidgetSession::Mode::Reconnect);
    driveOAuth(dialog);
    QSignalSpy finished(dialog, &ui::LinkWidgetDialog::sessionFinished);
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 30000));
    const auto result = finished.first().first().value<api::LinkWidgetResult>();
    ASSERT_TRUE(result.linked()) << result.message.toStdString();
    EXPECT_EQ(result.success.connectionId.toLower(), id.toLower()) << "the same connection";
    EXPECT_EQ(db->connections().count(), 1);
    // The reconnect renewed it: GET /accounts brought the sandbox's new expiry.
    ASSERT_TRUE(waitUntil(
        [&] { return row(id) && row(id)->connectionExpiry > clock.nowUtc().addDays(7); }, 30000));

    // From a row in the 7-day band: the detail pane's Reconnect.
    c.connectionExpiry = clock.nowUtc().addDays(2);
    panel->upsertConnection(c);
    ASSERT_TRUE(panel->selectConnection(id));
    auto *detail = named<QPushButton>("detailReconnect");
    ASSERT_NE(detail, nullptr);
    ASSERT_TRUE(detail->isVisible());
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("detailReconnect")));
    ASSERT_EQ(reconnects.count(), 2);
    dialog = panel->linker()->dialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->session().mode(), api::LinkWidgetSession::Mode::Reconnect);
    QSignalSpy second(dialog, &ui::LinkWidgetDialog::sessionFinished);
    ASSERT_TRUE(
        waitUntil([&] { return dialog->isVisible() && dialog->isWaitingForInput(); }, 30000));
    dialog->reject();
    ASSERT_TRUE(waitUntil([&] { return second.count() == 1; }, 30000));
    // A row far from expiry has no such button.
    c.connectionExpiry = clock.nowUtc().addDays(90);
    panel->upsertConnection(c);
    EXPECT_FALSE(detail->isVisible());
}

TEST_F(ConnectionsFlow, RefreshAllOverAThousandImportedIdsShowsProgressAndCancels)
{
    startSandbox();
    const auto seeded =
        h.sandbox.request("POST", QStringLiteral("/sandbox/seed"),
                          QJsonObject { { QStringLiteral("count"), 1000 } }, {}, 60000);
    ASSERT_EQ(seeded.status, 200) << seeded.body.toStdString();
    const auto listing =
        h.sandbox.request("GET", QStringLiteral("/sandbox/connections?offset=0&limit=1000"), {},
                          h.sandbox.bearer(), 60000);
    ASSERT_EQ(listing.status, 200);
    QStringList ids;
    for (const QJsonValue &v : listing.json.value(QStringLiteral("connections")).toArray())
        ids << v.toObject().value(QStringLiteral("connectionId")).toString();
    ASSERT_EQ(ids.size(), 1000);
    showPanel();
    // An import of bare ids: nothing known about them yet.
    const QString path = dir.filePath(QStringLiteral("ids.txt"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write((QStringLiteral("connectionId\n") + ids.join(QLatin1Char('\n')) + QLatin1Char('\n'))
                   .toUtf8());
    file.close();
    std::optional<connections::ImportSummary> imported;
    panel->importer()->importFile(path, [&](const connections::ImportSummary &s) { imported = s; });
    ASSERT_TRUE(waitUntil([&] { return imported.has_value(); }, 30000));
    ASSERT_EQ(imported->created, 1000);
    ASSERT_TRUE(waitUntil([&] { return panel->model()->rowCount() == 1000; }, 30000));
    auto withExpiry = [&] {
        int n = 0;
        for (int r = 0; r < panel->model()->rowCount(); ++r)
            n += panel->model()->connection(r).connectionExpiry.isValid() ? 1 : 0;
        return n;
    };
    ASSERT_EQ(withExpiry(), 0);

    int accountCalls = 0;
    QObject::connect(&session->client()->transport(), &api::HttpTransport::requestStarted,
                     panel.get(), [&](const QByteArray &method, const QString &p) {
                         if (method == "GET" && p.startsWith(QLatin1String("/v2/accounts/")))
                             ++accountCalls;
                     });
    ui::BulkRefreshBar *bulk = panel->bulkRefresh();
    QSignalSpy done(bulk, &ui::BulkRefreshBar::finished);
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("refreshAllButton")));
    EXPECT_TRUE(bulk->isVisible());
    EXPECT_EQ(bulk->progressBar()->maximum(), 1000);
    EXPECT_FALSE(panel->refreshAllAction()->isEnabled()) << "one run at a time";
    ASSERT_TRUE(waitUntil([&] { return bulk->progressBar()->value() >= 50; }, 60000));
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("bulkRefreshLabel"))
                    .contains(QStringLiteral("of 1,000")))
        << test::labelText(panel.get(), QStringLiteral("bulkRefreshLabel")).toStdString();
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("bulkRefreshCancel")));
    ASSERT_TRUE(waitUntil([&] { return done.count() == 1; }, 30000));
    const auto cancelled = done.first().first().value<connections::BulkRefreshSummary>();
    EXPECT_TRUE(cancelled.wasCancelled);
    EXPECT_LT(cancelled.ok, 1000);
    EXPECT_GT(cancelled.cancelled, 0);
    const int callsAtCancel = accountCalls;
    EXPECT_LT(callsAtCancel, 1000);
    test::waitUntil([] { return false; }, 1000);
    EXPECT_EQ(accountCalls, callsAtCancel) << "no request after Cancel";
    // Each refreshed row is read back on the store jobs' thread (ConnectionStoreFeed::refreshRow).
    test::waitUntil([&] { return withExpiry() == cancelled.ok; }, 20000);
    EXPECT_EQ(withExpiry(), cancelled.ok) << "the refreshed rows, and only they, gained an expiry";
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("bulkRefreshLabel"))
                    .contains(QStringLiteral("cancelled")));

    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("refreshAllButton")));
    ASSERT_TRUE(waitUntil([&] { return done.count() == 2; }, 180000));
    const auto full = done.at(1).first().value<connections::BulkRefreshSummary>();
    EXPECT_EQ(full.ok, 1000);
    EXPECT_FALSE(full.wasCancelled);
    EXPECT_EQ(bulk->progressBar()->value(), 1000);
    test::waitUntil([&] { return withExpiry() == 1000; }, 30000); // read back off the UI thread
    EXPECT_EQ(withExpiry(), 1000);
    const int r = panel->model()->rowOf(ids.first());
    EXPECT_EQ(panel->model()->index(r, M::StatusColumn).data(M::RefreshOutcomeRole).toString(),
              QStringLiteral("ok"));
    EXPECT_EQ(panel->model()->index(r, M::StatusColumn).data(Qt::ToolTipRole).toString(),
              QStringLiteral("Last refresh: ok"));
    EXPECT_FALSE(panel->model()->connection(r).bankName.isEmpty());
}

TEST_F(ConnectionsFlow, HeadersAndATypicalBankNameFitAt1280x800)
{
    startSandbox();
    Connection c;
    c.connectionId = QString::fromLatin1(crypto::Random::hex(16));
    c.bankName = QStringLiteral("Aerosync Bank (Security Question)");
    c.connectionExpiry = clock.nowUtc().addDays(40);
    ASSERT_TRUE(db->connections().upsert(c));
    showPanel(QSize(1280, 800));
    QTest::qWait(50); // the splitter's first layout
    QHeaderView *header = panel->table()->horizontalHeader();
    const QFontMetrics headerFont(header->font());
    QStyle *style = header->style();
    const int margin = 2 * style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const int indicator = style->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + margin;
    for (int column = 0; column < M::ColumnCount; ++column) {
        const QString title = panel->model()->headerData(column, Qt::Horizontal).toString();
        const int needed = headerFont.horizontalAdvance(title) + margin + indicator;
        EXPECT_GE(header->sectionSize(column), needed)
            << title.toStdString() << " is cut off: " << header->sectionSize(column) << " < "
            << needed;
    }
    const int bank = panel->table()->fontMetrics().horizontalAdvance(c.bankName) + margin;
    EXPECT_GE(header->sectionSize(M::BankColumn), bank);
    EXPECT_LE(header->length(), panel->table()->viewport()->width())
        << "every column is in view, none scrolled off";
}

TEST_F(ConnectionsFlow, RefreshSelectedMarksEachRowWithItsOutcome)
{
    startSandbox();
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        ids << h.sandbox.linkConnection(QStringLiteral("oauth"));
        ASSERT_FALSE(ids.last().isEmpty()) << h.sandbox.lastError().toStdString();
        Connection bare;
        bare.connectionId = ids.last();
        ASSERT_TRUE(db->connections().upsert(bare));
    }
    // The third is deleted at Aerosync: its refresh fails, alone.
    const auto deleted = h.sandbox.request("DELETE", QStringLiteral("/v2/accounts/%1").arg(ids[2]),
                                           {}, h.sandbox.bearer());
    ASSERT_EQ(deleted.status, 200) << deleted.body.toStdString();
    showPanel();
    ASSERT_EQ(panel->model()->rowCount(), 3);
    EXPECT_FALSE(panel->refreshSelectedAction()->isEnabled());
    EXPECT_TRUE(panel->refreshSelectedAction()->toolTip().contains(QStringLiteral("select")))
        << panel->refreshSelectedAction()->toolTip().toStdString();

    // Two rows selected (the first and the deleted one): only they are refreshed.
    auto *selection = panel->table()->selectionModel();
    for (const QString &id : { ids[0], ids[2] }) {
        const QModelIndex index =
            panel->proxy()->mapFromSource(panel->model()->index(panel->model()->rowOf(id), 0));
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    ASSERT_TRUE(panel->refreshSelectedAction()->isEnabled())
        << panel->refreshSelectedAction()->toolTip().toStdString();
    QSignalSpy done(panel->bulkRefresh(), &ui::BulkRefreshBar::finished);
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("refreshSelectedButton")));
    ASSERT_TRUE(waitUntil([&] { return done.count() == 1; }, 30000));
    const auto summary = done.first().first().value<connections::BulkRefreshSummary>();
    EXPECT_EQ(summary.total, 2);
    EXPECT_EQ(summary.ok, 1);
    EXPECT_EQ(summary.failed, 1);
    auto outcome = [&](const QString &id, int role) {
        return panel->model()
            ->index(panel->model()->rowOf(id), M::StatusColumn)
            .data(role)
            .toString();
    };
    EXPECT_EQ(outcome(ids[0], M::RefreshOutcomeRole), QStringLiteral("ok"));
    // The refreshed row is read back on the store jobs' thread (ConnectionStoreFeed::refreshRow).
    EXPECT_TRUE(waitUntil([&] { return row(ids[0])->connectionExpiry.isValid(); }, 10000));
    EXPECT_EQ(outcome(ids[1], M::RefreshOutcomeRole), QString()) << "not selected, not refreshed";
    EXPECT_FALSE(row(ids[1])->connectionExpiry.isValid());
    EXPECT_EQ(outcome(ids[2], M::RefreshOutcomeRole), QStringLiteral("error"));
    EXPECT_TRUE(
        outcome(ids[2], Qt::ToolTipRole).startsWith(QStringLiteral("Last refresh failed: ")))
        << outcome(ids[2], Qt::ToolTipRole).toStdString();
    EXPECT_FALSE(panel->model()
                     ->index(panel->model()->rowOf(ids[2]), M::StatusColumn)
                     .data(Qt::DecorationRole)
                     .isNull());
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("bulkRefreshLabel"))
                    .contains(QStringLiteral("1 failed")))
        << test::labelText(panel.get(), QStringLiteral("bulkRefreshLabel")).toStdString();
}
