// Issue 14: 100,000 connections from a real encrypted store into the real panel, through
// Session → ConnectionStoreFeed (time-bounded slices inside one bulk load) → StoreLoader's
// worker. Speed is measured by bench/UiStallProbe.cpp, never here; this checks that every row
// arrives, sorted, that loadingFinished comes only then, and that the filter works on them.
#include "core/crypto/Random.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/util/FixedClock.h"
#include "tests/support/Wait.h"
#include "tests/ui/connections/ConnectionTestData.h"
#include "ui/connections/ConnectionFilterProxy.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace aerodesk;
using aerodesk::test::connectionsNow;
using aerodesk::test::manyConnections;
using M = ui::ConnectionTableModel;

TEST(ConnectionsStoreLoad, AHundredThousandStoredRowsAllArriveSortedAndFilterable)
{
    constexpr int kRows = 100000;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto opened = store::Store::open(dir.filePath(QStringLiteral("load.sqlite")),
                                     crypto::Random::secretBytes(32));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    std::shared_ptr<store::Store> db(std::move(opened).value());
    const auto generated = manyConnections(kRows);
    ASSERT_TRUE(db->connections().upsertMany(
        QList<connections::Connection>(generated.cbegin(), generated.cend())));

    FixedClock clock(connectionsNow());
    session::Session session(clock);
    ui::ConnectionsPanel panel(session);
    panel.resize(1200, 800);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));

    QSignalSpy finished(panel.feed(), &ui::ConnectionStoreFeed::loadingFinished);
    QSignalSpy progress(panel.feed(), &ui::ConnectionStoreFeed::loadingProgress);
    // Past the first screenful the table is repainted at most every kBulkTimelineMs of a load.
    // The scroll bar's paints are held too (shown every kBulkTimelineMs), and scrolling while
    // the table is held paints it at once.
    bool paintHeld = false;
    bool barHeld = false;
    bool scrolled = false;
    bool scrollShownAtOnce = false;
    QScrollBar *bar = panel.table()->verticalScrollBar();
    QObject::connect(panel.feed(), &ui::ConnectionStoreFeed::loadingProgress, &panel, [&] {
        const bool held = !panel.table()->viewport()->updatesEnabled();
        paintHeld = paintHeld || held;
        barHeld = barHeld || !bar->updatesEnabled();
        if (held && !scrolled && bar->maximum() > 100) {
            scrolled = true;
            bar->setValue(100);
            scrollShownAtOnce = panel.table()->viewport()->updatesEnabled();
        }
    });
    int rowsAtFinish = -1;
    QObject::connect(panel.feed(), &ui::ConnectionStoreFeed::loadingFinished, &panel,
                     [&](qint64) { rowsAtFinish = panel.model()->rowCount(); });
    session.setStore(db);
    EXPECT_TRUE(panel.feed()->isLoading());
    ASSERT_TRUE(test::waitUntil([&] { return finished.count() == 1; }, 240000));
    EXPECT_EQ(finished.first().first().toLongLong(), kRows);
    EXPECT_EQ(rowsAtFinish, kRows) << "loadingFinished only once every row is in the table";
    EXPECT_FALSE(panel.feed()->isLoading());
    EXPECT_FALSE(panel.proxy()->isBulkLoading());
    EXPECT_GT(progress.count(), 1) << "appended in slices, with progress between them";
    EXPECT_TRUE(paintHeld) << "repaints were held back while rows went below the first screen";
    EXPECT_TRUE(panel.table()->viewport()->updatesEnabled()) << "and the table paints again";
    EXPECT_TRUE(barHeld) << "the growing scroll bar was not repainted after every slice";
    EXPECT_TRUE(bar->updatesEnabled()) << "and it paints again";
    EXPECT_TRUE(scrolled);
    EXPECT_TRUE(scrollShownAtOnce) << "scrolling during the load shows the rows at once";
    ASSERT_EQ(panel.proxy()->rowCount(), kRows);

    // Every stored id is a row, and the table is sorted by days left (the panel's default).
    for (const auto &c : generated)
        ASSERT_GE(panel.model()->rowOf(c.connectionId), 0) << c.connectionId.toStdString();
    auto sourceRow = [&](int proxyRow) {
        return panel.proxy()->mapToSource(panel.proxy()->index(proxyRow, 0)).row();
    };
    for (int r = 1; r < kRows; ++r) {
        ASSERT_LE(panel.model()->compareRows(sourceRow(r - 1), sourceRow(r), M::DaysLeftColumn), 0)
            << "proxy rows " << r - 1 << " and " << r;
    }

    // The filter line edit works on the loaded rows; a pasted full id finds its one row.
    QTest::keyClicks(panel.filterEdit(), QStringLiteral("wells"));
    ASSERT_TRUE(test::waitUntil([&] { return !panel.filterPending(); }, 5000));
    EXPECT_EQ(panel.proxy()->rowCount(), kRows / 5);
    panel.filterEdit()->setText(generated.at(54321).connectionId.toUpper());
    ASSERT_TRUE(test::waitUntil([&] { return !panel.filterPending(); }, 5000));
    ASSERT_EQ(panel.proxy()->rowCount(), 1);
    EXPECT_EQ(panel.model()->connection(sourceRow(0)).connectionId,
              generated.at(54321).connectionId);
}
