// The flat filter proxy's own row order (issue 14): what it computes incrementally — narrowing a
// filter, a row changed, added or removed while filtered, a sort — must give exactly the rows, in
// exactly the order, that a proxy filtering and sorting the model from scratch gives; equal rows
// stay in the model's order in both directions. (ConnectionFilterEquivalenceTest compares the
// proxy with the reference filter and comparator written out from the old code.)
#include "core/connections/Connection.h"
#include "core/util/FixedClock.h"
#include "tests/ui/connections/ConnectionTestData.h"
#include "ui/connections/ConnectionFilterProxy.h"
#include "ui/connections/ConnectionTableModel.h"

#include <QPersistentModelIndex>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::test;
using aerodesk::connections::Connection;
using aerodesk::connections::ExpiryStatus;
using aerodesk::ui::ConnectionFilterProxy;
using aerodesk::ui::ConnectionTableModel;
using M = aerodesk::ui::ConnectionTableModel;

namespace {

std::vector<int> shownRows(const ConnectionFilterProxy &proxy)
{
    std::vector<int> shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown.push_back(proxy.mapToSource(proxy.index(row, 0)).row());
    return shown;
}

} // namespace

class ConnectionFilterProxyOrderTest : public ::testing::Test
{
protected:
    void SetUp() override { proxy.setSourceModel(&model); }

    /// What a new proxy shows for the same model, sort and filters, computed in one go.
    std::vector<int> fromScratch()
    {
        ConnectionFilterProxy fresh;
        fresh.setSourceModel(&model);
        fresh.setBandFilter(proxy.bandFilter());
        fresh.setExpiryDay(proxy.expiryDay());
        fresh.setFilterText(proxy.filterText());
        fresh.sort(proxy.sortColumn(), proxy.sortOrder());
        return shownRows(fresh);
    }

    void expectSameAsFromScratch(const char *context)
    {
        EXPECT_EQ(shownRows(proxy), fromScratch())
            << context << " (filter \"" << proxy.filterText().toStdString() << "\")";
    }

    /// Adjacent shown rows: in order by the column, and equal ones in the model's order.
    void expectStablySorted(const char *context) const
    {
        const std::vector<int> shown = shownRows(proxy);
        for (size_t i = 1; i < shown.size(); ++i) {
            int c = model.compareRows(shown[i - 1], shown[i], proxy.sortColumn());
            if (proxy.sortOrder() == Qt::DescendingOrder)
                c = -c;
            ASSERT_TRUE(c < 0 || (c == 0 && shown[i - 1] < shown[i]))
                << context << ": rows " << shown[i - 1] << " and " << shown[i];
        }
    }

    FixedClock clock { connectionsNow() };
    ConnectionTableModel model { clock };
    ConnectionFilterProxy proxy;
};

TEST_F(ConnectionFilterProxyOrderTest, NarrowingAsYouTypeGivesTheRowsOfAFreshFilter)
{
    model.setConnections(manyConnections(3000));
    model.setRevealed(40, true);
    proxy.sort(M::DaysLeftColumn, Qt::AscendingOrder);
    QString typed;
    for (const QChar c : QStringLiteral("wells fa")) {
        typed += c;
        proxy.setFilterText(typed);
        expectSameAsFromScratch("typing");
    }
    EXPECT_GT(proxy.rowCount(), 0);
    // Typing a masked id one character at a time: its hidden middle finds nothing, then the
    // last character completes the id, which matches although no shorter prefix did.
    const QString id = model.connection(20).connectionId;
    int emptyPrefixes = 0;
    for (int n = 1; n <= id.size(); ++n) {
        proxy.setFilterText(id.left(n));
        expectSameAsFromScratch("typing an id");
        emptyPrefixes += proxy.rowCount() == 0 ? 1 : 0;
    }
    EXPECT_GT(emptyPrefixes, 0) << "the hidden middle must have found nothing on the way";
    ASSERT_EQ(proxy.rowCount(), 1) << "the complete id finds its row";
    EXPECT_EQ(proxy.mapToSource(proxy.index(0, 0)).row(), 20);
    // A revealed row: its middle is shown, so typing it narrows onto that row.
    const QString revealed = model.connection(40).connectionId;
    proxy.setFilterText(QString());
    for (int n = 1; n <= 14; ++n) {
        proxy.setFilterText(revealed.mid(6, n));
        expectSameAsFromScratch("typing a revealed id's middle");
    }
    EXPECT_EQ(proxy.rowCount(), 1);
    // Band and day chosen after the words narrow too; words added before the old ones as well.
    proxy.setFilterText(QStringLiteral("chase"));
    proxy.setBandFilter(ExpiryStatus::Within30Days);
    expectSameAsFromScratch("band after words");
    proxy.setExpiryDay(connectionsNow().date().addDays(20));
    expectSameAsFromScratch("day after band");
    proxy.setFilterText(QStringLiteral("needs chase"));
    expectSameAsFromScratch("a word added in front");
    proxy.setBandFilter(std::nullopt);
    proxy.setExpiryDay(QDate());
    proxy.setFilterText(QStringLiteral("needs"));
    expectSameAsFromScratch("widened again");
    EXPECT_GT(proxy.rowCount(), 0);
}

TEST_F(ConnectionFilterProxyOrderTest, ARowChangedWhileFilteredIsMatchedAndPlacedAgain)
{
    model.setConnections(manyConnections(2000));
    proxy.sort(M::DaysLeftColumn, Qt::DescendingOrder);
    proxy.setFilterText(QStringLiteral("chase"));
    const int before = proxy.rowCount();
    // Row 2 is Wells Fargo: renamed to Chase, it comes in at its sorted place.
    Connection changed = model.connection(2);
    ASSERT_EQ(changed.bankName, QStringLiteral("Wells Fargo"));
    changed.bankName = QStringLiteral("Chase Bank");
    model.upsertConnection(changed);
    EXPECT_EQ(proxy.rowCount(), before + 1);
    expectSameAsFromScratch("a row now matching");
    // Its expiry moves: it moves among the shown rows, and a persistent index follows it.
    const QPersistentModelIndex followed = proxy.mapFromSource(model.index(2, 0));
    ASSERT_TRUE(followed.isValid());
    changed.connectionExpiry = connectionsNow().addDays(400);
    model.upsertConnection(changed);
    expectSameAsFromScratch("a shown row moved");
    ASSERT_TRUE(followed.isValid());
    EXPECT_EQ(proxy.mapToSource(followed).row(), 2) << "the current row follows its row";
    EXPECT_EQ(followed.row(), 0) << "the latest expiry comes first in descending order";
    // Renamed away: it leaves.
    changed.bankName = QStringLiteral("Ally Bank");
    model.upsertConnection(changed);
    EXPECT_EQ(proxy.rowCount(), before);
    expectSameAsFromScratch("a row no longer matching");
    // A new row, and a removed one.
    Connection added = manyConnections(1, 5000).front();
    added.bankName = QStringLiteral("CHASE");
    model.upsertConnection(added);
    EXPECT_EQ(proxy.rowCount(), before + 1);
    expectSameAsFromScratch("a row added");
    model.removeConnection(model.connection(shownRows(proxy).at(3)).connectionId);
    EXPECT_EQ(proxy.rowCount(), before);
    expectSameAsFromScratch("a row removed");
    // Time passes (many rows change at once).
    clock.set(connectionsNow().addDays(9));
    model.refreshExpiry();
    expectSameAsFromScratch("after refreshExpiry");
    expectStablySorted("after refreshExpiry");
}

TEST_F(ConnectionFilterProxyOrderTest, EqualRowsKeepTheModelsOrderAcrossSortsAndFilters)
{
    model.setConnections(manyConnections(3000)); // five banks: long runs of equal rows
    for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
        for (int column = 0; column < M::ColumnCount; ++column) {
            proxy.sort(column, order);
            ASSERT_NO_FATAL_FAILURE(expectStablySorted("sorted"));
        }
    }
    proxy.sort(M::BankColumn, Qt::DescendingOrder);
    const std::vector<int> all = shownRows(proxy);
    proxy.setFilterText(QStringLiteral("expired"));
    ASSERT_NO_FATAL_FAILURE(expectStablySorted("filtered"));
    proxy.setBandFilter(ExpiryStatus::Ok);
    proxy.setFilterText(QString());
    proxy.setBandFilter(std::nullopt);
    EXPECT_EQ(shownRows(proxy), all) << "the same order once every filter is off again";
    proxy.sort(-1);
    std::vector<int> modelOrder(3000);
    for (int i = 0; i < 3000; ++i)
        modelOrder[static_cast<size_t>(i)] = i;
    EXPECT_EQ(shownRows(proxy), modelOrder) << "no sort column: the model's order";
}

TEST_F(ConnectionFilterProxyOrderTest, AFilterChangeIsOneLayoutChangeAndKeepsTheCurrentRow)
{
    model.setConnections(manyConnections(1000));
    proxy.sort(M::BankColumn, Qt::AscendingOrder);
    const int sourceRow = 12; // Wells Fargo, CONNECTED
    const QPersistentModelIndex current = proxy.mapFromSource(model.index(sourceRow, 0));
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    proxy.setFilterText(QStringLiteral("wells"));
    EXPECT_EQ(layouts.count(), 1);
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(removed.count(), 0) << "no row-by-row removal";
    ASSERT_TRUE(current.isValid());
    EXPECT_EQ(proxy.mapToSource(current).row(), sourceRow);
    proxy.setFilterText(QStringLiteral("wells "));
    EXPECT_EQ(layouts.count(), 1) << "the same rows: no layout change at all";
    proxy.setFilterText(QStringLiteral("chase"));
    EXPECT_FALSE(current.isValid()) << "a row filtered out is no longer current";
}
