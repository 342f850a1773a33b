#include "ui/connections/ConnectionFilterProxy.h"

#include "core/util/FixedClock.h"
#include "tests/ui/connections/ConnectionTestData.h"
#include "ui/connections/ConnectionTableModel.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

using aerodesk::FixedClock;
using aerodesk::connections::ExpiryStatus;
using aerodesk::test::connectionsNow;
using aerodesk::test::hexIdFor;
using aerodesk::test::kDay;
using aerodesk::test::makeConnection;
using aerodesk::test::manyConnections;
using aerodesk::test::uuidFor;
using aerodesk::ui::ConnectionFilterProxy;
using aerodesk::ui::ConnectionTableModel;
using M = aerodesk::ui::ConnectionTableModel;

namespace {

class ConnectionFilterProxyTest : public ::testing::Test
{
protected:
    void SetUp() override { proxy.setSourceModel(&model); }

    QStringList column(int column) const
    {
        QStringList values;
        for (int row = 0; row < proxy.rowCount(); ++row)
            values << proxy.index(row, column).data().toString();
        return values;
    }

    FixedClock clock { connectionsNow() };
    ConnectionTableModel model { clock };
    ConnectionFilterProxy proxy;
};

TEST_F(ConnectionFilterProxyTest, PassesTheModelTesterWhileFilteringAndSorting)
{
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setConnections(manyConnections(300));
    proxy.sort(M::DaysLeftColumn, Qt::AscendingOrder);
    proxy.setFilterText(QStringLiteral("chase"));
    EXPECT_EQ(proxy.rowCount(), 60);
    model.appendConnections(manyConnections(100, 300)); // inserted while filtered and sorted
    EXPECT_EQ(proxy.rowCount(), 80);
    proxy.setBandFilter(ExpiryStatus::Within30Days);
    EXPECT_LT(proxy.rowCount(), 80);
    EXPECT_GT(proxy.rowCount(), 0);
    proxy.sort(M::BankColumn, Qt::DescendingOrder);
    proxy.setExpiryDay(connectionsNow().date().addDays(20));
    clock.set(connectionsNow().addDays(5));
    model.refreshExpiry();
    model.removeConnection(hexIdFor(1));
    proxy.clearFilters();
    EXPECT_EQ(proxy.rowCount(), 399);
}

TEST_F(ConnectionFilterProxyTest, FilterAsYouTypeNarrowsTheRows)
{
    model.setConnections(manyConnections(500));
    int previous = proxy.rowCount();
    EXPECT_EQ(previous, 500);
    // Each keystroke of "wells" keeps fewer (or as many) rows, ending at the Wells Fargo ones.
    QString typed;
    QList<int> counts;
    for (QChar ch : QStringLiteral("wells")) {
        typed += ch;
        proxy.setFilterText(typed);
        EXPECT_LE(proxy.rowCount(), previous) << typed.toStdString();
        previous = proxy.rowCount();
        counts << previous;
    }
    EXPECT_LT(counts.last(), counts.first());
    EXPECT_EQ(proxy.rowCount(), 100);
    for (const QString &bank : column(M::BankColumn))
        EXPECT_EQ(bank, QStringLiteral("Wells Fargo"));

    // Words combine with AND, across columns and in any case.
    proxy.setFilterText(QStringLiteral("  WELLS   expired "));
    EXPECT_GT(proxy.rowCount(), 0);
    EXPECT_LT(proxy.rowCount(), 100);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QString status = proxy.index(row, M::StatusColumn).data().toString();
        const QString band = proxy.index(row, M::BandColumn).data().toString();
        EXPECT_TRUE(status == QStringLiteral("EXPIRED") || band == QStringLiteral("Expired"));
    }
    proxy.setFilterText(QString());
    EXPECT_EQ(proxy.rowCount(), 500);
}

TEST_F(ConnectionFilterProxyTest, MatchesWhatIsShownAndAFullIdExactly)
{
    model.setConnections(manyConnections(50));
    const QString id = hexIdFor(17);
    // The visible ends of the masked id match…
    proxy.setFilterText(id.left(4) + QChar(0x2026) + id.right(4));
    EXPECT_GE(proxy.rowCount(), 1);
    // …the hidden middle does not, so the filter cannot be used to guess it.
    proxy.setFilterText(id.mid(6, 12));
    EXPECT_EQ(proxy.rowCount(), 0);
    // A complete id (any case, spaces around) finds its row; so does a full aeroPassUserUuid.
    proxy.setFilterText(QStringLiteral("  %1 ").arg(id.toUpper()));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.mapToSource(proxy.index(0, 0)).row(), model.rowOf(id));
    proxy.setFilterText(uuidFor(23));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.mapToSource(proxy.index(0, 0)).row(), model.rowOf(hexIdFor(23)));
    // Once a row is revealed, its full id is what is shown, so parts of it match.
    model.setRevealed(model.rowOf(id), true);
    proxy.setFilterText(id.mid(6, 12));
    EXPECT_EQ(proxy.rowCount(), 1);
}

TEST_F(ConnectionFilterProxyTest, FiltersByBandAndByExpiryDay)
{
    model.setConnections({ makeConnection(1, 3 * kDay), makeConnection(2, 3 * kDay + 3600),
                           makeConnection(3, 20 * kDay), makeConnection(4, -kDay),
                           makeConnection(5, 0, QStringLiteral("X"), QString(), false) });
    proxy.setBandFilter(ExpiryStatus::Within7Days);
    EXPECT_EQ(proxy.rowCount(), 2);
    proxy.setBandFilter(ExpiryStatus::Unknown);
    EXPECT_EQ(proxy.rowCount(), 1);
    proxy.setBandFilter(std::nullopt);
    proxy.setExpiryDay(connectionsNow().date().addDays(3));
    EXPECT_EQ(proxy.rowCount(), 2);
    for (const QString &date : column(M::ExpiryDateColumn))
        EXPECT_EQ(date, QStringLiteral("2024-05-04"));
    proxy.setExpiryDay(connectionsNow().date().addDays(4));
    EXPECT_EQ(proxy.rowCount(), 0);
    proxy.setExpiryDay(QDate());
    EXPECT_EQ(proxy.rowCount(), 5);
}

TEST_F(ConnectionFilterProxyTest, SortingByDaysLeftIsNumeric)
{
    // As text these would sort 10, 100, 2, 25; unknown goes after every known value.
    model.setConnections({ makeConnection(1, 100 * kDay), makeConnection(2, 2 * kDay),
                           makeConnection(3, 0, QStringLiteral("X"), QString(), false),
                           makeConnection(4, 10 * kDay), makeConnection(5, 25 * kDay),
                           makeConnection(6, -3 * kDay) });
    proxy.sort(M::DaysLeftColumn, Qt::AscendingOrder);
    EXPECT_EQ(column(M::DaysLeftColumn),
              (QStringList { QStringLiteral("-3"), QStringLiteral("2"), QStringLiteral("10"),
                             QStringLiteral("25"), QStringLiteral("100"), QStringLiteral("—") }));
    proxy.sort(M::DaysLeftColumn, Qt::DescendingOrder);
    EXPECT_EQ(column(M::DaysLeftColumn).mid(1),
              (QStringList { QStringLiteral("100"), QStringLiteral("25"), QStringLiteral("10"),
                             QStringLiteral("2"), QStringLiteral("-3") }));
    proxy.sort(M::ExpiryDateColumn, Qt::AscendingOrder);
    EXPECT_EQ(column(M::ExpiryDateColumn).first(), QStringLiteral("2024-04-28"));
    proxy.sort(M::BandColumn, Qt::AscendingOrder);
    EXPECT_EQ(column(M::BandColumn),
              (QStringList { QStringLiteral("Expired"), QStringLiteral("≤ 7 days"),
                             QStringLiteral("≤ 30 days"), QStringLiteral("≤ 30 days"),
                             QStringLiteral("OK"), QStringLiteral("Unknown") }));
}

TEST_F(ConnectionFilterProxyTest, SortsBankNamesCaseInsensitively)
{
    model.setConnections({ makeConnection(1, kDay, QStringLiteral("chase")),
                           makeConnection(2, kDay, QStringLiteral("Ally")),
                           makeConnection(3, kDay, QStringLiteral("Bank of Nowhere")) });
    proxy.sort(M::BankColumn, Qt::AscendingOrder);
    EXPECT_EQ(column(M::BankColumn),
              (QStringList { QStringLiteral("Ally"), QStringLiteral("Bank of Nowhere"),
                             QStringLiteral("chase") }));
}

} // namespace
