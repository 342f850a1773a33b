#include "ui/connections/ConnectionsPanel.h"

#include "core/session/Session.h"
#include "core/util/FixedClock.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "tests/ui/connections/ConnectionTestData.h"
#include "ui/connections/ConnectionFilterProxy.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ExpiryTimeline.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PanelCatalogue.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

using aerodesk::FixedClock;
using aerodesk::connections::ExpiryStatus;
using aerodesk::test::connectionsNow;
using aerodesk::test::hexIdFor;
using aerodesk::test::kDay;
using aerodesk::test::makeConnection;
using aerodesk::test::manyConnections;
using aerodesk::ui::ConnectionsPanel;
using aerodesk::ui::ExpiryTimeline;
using M = aerodesk::ui::ConnectionTableModel;

namespace {

class ConnectionsPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        panel.resize(1100, 700);
        panel.show();
        panel.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
        ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
        table = panel.findChild<QTableView *>(QStringLiteral("connectionsTable"));
        filter = panel.findChild<QLineEdit *>(QStringLiteral("connectionFilter"));
        timeline = panel.findChild<ExpiryTimeline *>(QStringLiteral("expiryTimeline"));
        ASSERT_NE(table, nullptr);
        ASSERT_NE(filter, nullptr);
        ASSERT_NE(timeline, nullptr);
    }

    /// The table's row (as shown) holding connection `n`, or -1.
    int viewRowOf(int n) const
    {
        const QModelIndex source = panel.model()->index(panel.model()->rowOf(hexIdFor(n)), 0);
        return panel.proxy()->mapFromSource(source).row();
    }

    QString cell(int viewRow, int column) const
    {
        return table->model()->index(viewRow, column).data().toString();
    }

    FixedClock clock { connectionsNow() };
    ConnectionsPanel panel { clock };
    QTableView *table = nullptr;
    QLineEdit *filter = nullptr;
    ExpiryTimeline *timeline = nullptr;
};

TEST_F(ConnectionsPanelTest, AConnectionExpiringInThreeDaysShowsTheSevenDayWarning)
{
    panel.setConnections({ makeConnection(1, 3 * kDay, QStringLiteral("Aerosync Bank (MFA)")),
                           makeConnection(2, 45 * kDay) });
    const int row = viewRowOf(1);
    ASSERT_GE(row, 0);
    EXPECT_EQ(row, 0) << "sorted by days left, the most urgent first";
    EXPECT_EQ(cell(row, M::BankColumn), QStringLiteral("Aerosync Bank (MFA)"));
    EXPECT_EQ(cell(row, M::DaysLeftColumn), QStringLiteral("3"));
    EXPECT_EQ(cell(row, M::BandColumn), QStringLiteral("≤ 7 days"));
    const QModelIndex band = table->model()->index(row, M::BandColumn);
    EXPECT_FALSE(band.data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_EQ(band.data(Qt::AccessibleTextRole).toString(),
              QStringLiteral("Expires within 7 days"));
    EXPECT_TRUE(table->visualRect(band).isValid()) << "the warning is on screen";
    EXPECT_EQ(timeline->count(connectionsNow().date().addDays(3)), 1);
}

TEST_F(ConnectionsPanelTest, TypingInTheFilterNarrowsTheTable)
{
    panel.setConnections(manyConnections(400));
    EXPECT_EQ(table->model()->rowCount(), 400);
    filter->setFocus();
    // The keys edit the text; the filter runs on the next event-loop turn, once for keys that
    // arrived together.
    const auto applied = [this] {
        return aerodesk::test::waitUntil([&] { return !panel.filterPending(); }, 5000);
    };
    QTest::keyClicks(filter, QStringLiteral("ch"));
    EXPECT_TRUE(panel.filterPending()) << "a key never runs the filter inside its own event";
    EXPECT_EQ(table->model()->rowCount(), 400);
    ASSERT_TRUE(applied());
    const int afterTwo = table->model()->rowCount();
    EXPECT_LT(afterTwo, 400);
    QTest::keyClicks(filter, QStringLiteral("ase"));
    ASSERT_TRUE(applied());
    EXPECT_EQ(table->model()->rowCount(), 80);
    EXPECT_LE(80, afterTwo);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        ASSERT_EQ(cell(row, M::BankColumn), QStringLiteral("Chase"));
    auto *count = panel.findChild<QLabel *>(QStringLiteral("connectionCount"));
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->text(), QStringLiteral("Showing 80 of 400 connection(s)"));
    QTest::keyClick(filter, Qt::Key_Escape);
    EXPECT_TRUE(filter->text().isEmpty());
    ASSERT_TRUE(applied());
    EXPECT_EQ(table->model()->rowCount(), 400);
}

TEST_F(ConnectionsPanelTest, SelectingARowTheFilterHidesClearsTheFilterAtOnce)
{
    panel.setConnections(manyConnections(400));
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("chase"));
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return !panel.filterPending(); }, 5000));
    ASSERT_EQ(table->model()->rowCount(), 80);
    int hidden = -1;
    for (int n = 0; n < 400 && hidden < 0; ++n) {
        if (viewRowOf(n) < 0)
            hidden = n;
    }
    ASSERT_GE(hidden, 0);
    ASSERT_TRUE(panel.selectConnection(hexIdFor(hidden)));
    EXPECT_TRUE(filter->text().isEmpty());
    EXPECT_EQ(table->model()->rowCount(), 400) << "cleared in the same call, not a turn later";
    EXPECT_EQ(table->currentIndex().row(), viewRowOf(hidden));
}

TEST_F(ConnectionsPanelTest, CtrlFFocusesTheFilter)
{
    panel.setConnections(manyConnections(10));
    table->setFocus();
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return table->hasFocus(); }, 5000));
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(aerodesk::test::waitUntil([&] { return filter->hasFocus(); }, 5000));
}

TEST_F(ConnectionsPanelTest, ClickingATimelineBarFiltersTheTableToThatDay)
{
    const QDate today = connectionsNow().date();
    panel.setConnections({ makeConnection(1, 5 * kDay), makeConnection(2, 5 * kDay + 7200),
                           makeConnection(3, 6 * kDay), makeConnection(4, 20 * kDay),
                           makeConnection(5, 50 * kDay) });
    ASSERT_EQ(timeline->count(today.addDays(5)), 2);
    const QRect bar = timeline->barRect(today.addDays(5));
    ASSERT_TRUE(bar.isValid());
    QTest::mouseClick(timeline, Qt::LeftButton, Qt::NoModifier, bar.center());

    ASSERT_EQ(table->model()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        EXPECT_EQ(cell(row, M::ExpiryDateColumn), today.addDays(5).toString(Qt::ISODate));
    auto *label = panel.findChild<QLabel *>(QStringLiteral("dayFilterLabel"));
    auto *clear = panel.findChild<QToolButton *>(QStringLiteral("clearDayFilter"));
    ASSERT_NE(label, nullptr);
    ASSERT_NE(clear, nullptr);
    EXPECT_TRUE(label->isVisible());
    EXPECT_TRUE(label->text().contains(QStringLiteral("2024-05-06")));

    QTest::mouseClick(clear, Qt::LeftButton);
    EXPECT_EQ(table->model()->rowCount(), 5);
    EXPECT_FALSE(label->isVisible());
    EXPECT_FALSE(timeline->selectedDay().isValid());
}

TEST_F(ConnectionsPanelTest, TheRangeToggleShowsNinetyDays)
{
    const QDate today = connectionsNow().date();
    panel.setConnections({ makeConnection(1, 60 * kDay) });
    EXPECT_FALSE(timeline->barRect(today.addDays(60)).isValid());
    auto *ninety = panel.findChild<QToolButton *>(QStringLiteral("timelineRange90"));
    ASSERT_NE(ninety, nullptr);
    QTest::mouseClick(ninety, Qt::LeftButton);
    EXPECT_EQ(timeline->rangeDays(), 90);
    ASSERT_TRUE(timeline->barRect(today.addDays(60)).isValid());
    QTest::mouseClick(timeline, Qt::LeftButton, Qt::NoModifier,
                      timeline->barRect(today.addDays(60)).center());
    EXPECT_EQ(table->model()->rowCount(), 1);
}

TEST_F(ConnectionsPanelTest, TheBandFilterKeepsOneBand)
{
    panel.setConnections(manyConnections(250));
    auto *bands = panel.findChild<QComboBox *>(QStringLiteral("bandFilter"));
    ASSERT_NE(bands, nullptr);
    const int index = bands->findData(static_cast<int>(ExpiryStatus::Expired));
    ASSERT_GT(index, 0);
    EXPECT_FALSE(bands->itemIcon(index).isNull());
    bands->setCurrentIndex(index);
    ASSERT_GT(table->model()->rowCount(), 0);
    EXPECT_LT(table->model()->rowCount(), 250);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        ASSERT_EQ(cell(row, M::BandColumn), QStringLiteral("Expired"));
    bands->setCurrentIndex(0);
    EXPECT_EQ(table->model()->rowCount(), 250);
}

TEST_F(ConnectionsPanelTest, RevealShowsTheCurrentRowsIdsOnly)
{
    panel.setConnections(manyConnections(5));
    auto *reveal = panel.findChild<QAbstractButton *>(QStringLiteral("revealIds"));
    auto *detail = panel.findChild<QLabel *>(QStringLiteral("connectionDetail"));
    ASSERT_NE(reveal, nullptr);
    ASSERT_NE(detail, nullptr);
    EXPECT_FALSE(reveal->isEnabled()) << "nothing selected yet";

    const int row = viewRowOf(2);
    table->setCurrentIndex(table->model()->index(row, 0));
    const QString id = hexIdFor(2);
    EXPECT_FALSE(detail->text().contains(id));
    EXPECT_FALSE(cell(row, M::ConnectionIdColumn).contains(id));
    ASSERT_TRUE(reveal->isEnabled());
    QTest::mouseClick(reveal, Qt::LeftButton);
    EXPECT_EQ(cell(row, M::ConnectionIdColumn), id);
    EXPECT_TRUE(detail->text().contains(id));
    for (int other = 0; other < table->model()->rowCount(); ++other) {
        if (other != row) {
            EXPECT_NE(cell(other, M::ConnectionIdColumn).size(), id.size()) << other;
        }
    }
    QTest::mouseClick(reveal, Qt::LeftButton);
    EXPECT_NE(cell(row, M::ConnectionIdColumn), id);
}

TEST_F(ConnectionsPanelTest, BatchesAppendToTheTableAndTheTimeline)
{
    const QDate today = connectionsNow().date();
    int expectedInRange = 0;
    for (const auto &c : manyConnections(5000)) {
        const QDate day = c.connectionExpiry.toUTC().date();
        if (c.connectionExpiry.isValid() && day >= today && day <= today.addDays(29))
            ++expectedInRange;
    }
    ASSERT_GT(expectedInRange, 0);
    QSignalSpy inserted(panel.model(), &QAbstractItemModel::rowsInserted);
    for (int batch = 0; batch < 5; ++batch)
        panel.appendConnections(manyConnections(1000, batch * 1000));
    EXPECT_EQ(table->model()->rowCount(), 5000);
    EXPECT_EQ(inserted.count(), 5);
    EXPECT_EQ(timeline->totalInRange(), expectedInRange);
}

TEST_F(ConnectionsPanelTest, ForwardsEntriesIntoTheSevenDayBand)
{
    QSignalSpy entered(&panel, &ConnectionsPanel::connectionEnteredSevenDayBand);
    panel.setConnections({ makeConnection(1, 9 * kDay) });
    clock.set(connectionsNow().addDays(3));
    panel.refreshExpiry();
    ASSERT_EQ(entered.count(), 1);
    EXPECT_EQ(entered.at(0).at(0).toString(), hexIdFor(1));
    EXPECT_EQ(timeline->today(), connectionsNow().date().addDays(3));
}

TEST_F(ConnectionsPanelTest, EveryControlHasAnAccessibleName)
{
    EXPECT_FALSE(timeline->accessibleName().isEmpty());
    EXPECT_GE(aerodesk::test::expectAccessibleNames(&panel), 7);
}

TEST(ConnectionsPanelInWindow, TheCatalogueBuildsTheLiveConnectionsPanel)
{
    aerodesk::SystemClock clock;
    aerodesk::session::Session session(clock);
    aerodesk::ui::MainWindow window;
    aerodesk::ui::PanelCatalogue::installInto(window, session);
    auto *panel = qobject_cast<ConnectionsPanel *>(window.panel(QStringLiteral("connections")));
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(panel->objectName(), QStringLiteral("connectionsPanel"));
    EXPECT_NE(panel->feed(), nullptr); // bound to the session: live, not fed by hand
    EXPECT_EQ(window.panelIds().size(), 8);
}

} // namespace
