// Issue 14: the filter and sort were made fast (per-row folded keys, integer ranks, bulk loads).
// These tests hold the optimised ConnectionFilterProxy to the straightforward definition it had
// before: every word in a shown column (case-insensitively) or a full id, band and day filters,
// order by ConnectionTableModel's raw values — over many generated rows and queries.
#include "core/util/FixedClock.h"
#include "tests/ui/connections/ConnectionTestData.h"
#include "ui/connections/ConnectionFilterProxy.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ExpiryBandStyle.h"

#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

using aerodesk::FixedClock;
using aerodesk::connections::Connection;
using aerodesk::connections::ExpiryStatus;
using aerodesk::test::connectionsNow;
using aerodesk::test::kDay;
using aerodesk::test::makeConnection;
using aerodesk::test::manyConnections;
using aerodesk::ui::ConnectionFilterProxy;
using aerodesk::ui::ConnectionTableModel;
using aerodesk::ui::ExpiryBandStyle;
using M = aerodesk::ui::ConnectionTableModel;

namespace {

/// The filter as it was written before the optimisation (ConnectionFilterProxy, issue 11).
bool referenceAccepts(const ConnectionTableModel &model, int row, const QString &text,
                      std::optional<ExpiryStatus> band, const QDate &day)
{
    if (band && model.expiry(row).status != *band)
        return false;
    if (day.isValid() && model.expiryDay(row) != day)
        return false;
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    for (const QString &word : text.split(spaces, Qt::SkipEmptyParts)) {
        bool found = false;
        for (int column : { M::BankColumn, M::StatusColumn, M::ConnectionIdColumn,
                            M::AeroPassUserUuidColumn, M::BandColumn })
            found = found || model.displayText(row, column).contains(word, Qt::CaseInsensitive);
        if (!found && !model.hasIdExactly(row, ConnectionTableModel::normalizedId(word)))
            return false;
    }
    return true;
}

int compareDaysRef(const aerodesk::connections::ExpiryInfo &a,
                   const aerodesk::connections::ExpiryInfo &b)
{
    const bool aKnown = a.status != ExpiryStatus::Unknown;
    const bool bKnown = b.status != ExpiryStatus::Unknown;
    if (aKnown != bKnown)
        return aKnown ? -1 : 1;
    if (!aKnown)
        return 0;
    return a.daysLeft < b.daysLeft ? -1 : (a.daysLeft > b.daysLeft ? 1 : 0);
}

/// ConnectionTableModel::compareRows as it was written before the optimisation.
int referenceCompare(const ConnectionTableModel &model, int left, int right, int column)
{
    const Connection &a = model.connection(left);
    const Connection &b = model.connection(right);
    switch (column) {
    case M::BankColumn:
        return a.bankName.compare(b.bankName, Qt::CaseInsensitive);
    case M::ConnectionIdColumn:
    case M::AeroPassUserUuidColumn:
        return model.displayText(left, column)
            .compare(model.displayText(right, column), Qt::CaseInsensitive);
    case M::StatusColumn:
        return a.status.compare(b.status, Qt::CaseInsensitive);
    case M::ExpiryDateColumn:
    case M::DaysLeftColumn: {
        const auto ea = model.expiry(left);
        const auto eb = model.expiry(right);
        const int byDays = compareDaysRef(ea, eb);
        if (byDays != 0 || ea.status == ExpiryStatus::Unknown)
            return byDays;
        const qint64 am = a.connectionExpiry.toMSecsSinceEpoch();
        const qint64 bm = b.connectionExpiry.toMSecsSinceEpoch();
        return am < bm ? -1 : (am > bm ? 1 : 0);
    }
    case M::BandColumn:
        return ExpiryBandStyle::severity(model.expiry(left).status) -
            ExpiryBandStyle::severity(model.expiry(right).status);
    default:
        return 0;
    }
}

} // namespace

class ConnectionFilterEquivalenceTest : public ::testing::Test
{
protected:
    void SetUp() override { proxy.setSourceModel(&model); }

    /// Generated rows plus the awkward ones: non-ASCII names in any case, empty fields, short
    /// ids shown as bullets, no uuid.
    static std::vector<Connection> rows(int count, int firstId = 0)
    {
        std::vector<Connection> all = manyConnections(count, firstId);
        const QString odd[] = { QStringLiteral("Ärzte Bank"),       QStringLiteral("ÄRZTE BANK"),
                                QStringLiteral("Banco Ça Va"),      QStringLiteral("Straße Kredit"),
                                QStringLiteral("ΣΟΦΙΑ Τράπεζα"),    QStringLiteral("σοφια ς"),
                                QStringLiteral("\u212Aelvin Bank"), QString() };
        for (size_t i = 0; i < all.size(); i += 7)
            all[i].bankName = odd[(i / 7) % std::size(odd)];
        for (size_t i = 3; i < all.size(); i += 97)
            all[i].status.clear();
        for (size_t i = 5; i < all.size(); i += 89)
            all[i].connectionId = all[i].connectionId.left(10); // masked as bullets
        for (size_t i = 11; i < all.size(); i += 101)
            all[i].aeroPassUserUuid.clear();
        for (size_t i = 13; i < all.size(); i += 61)
            all[i].connectionId = all[i].connectionId.toUpper();
        return all;
    }

    std::vector<int> referenceRows(const QString &text) const
    {
        std::vector<int> accepted;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (referenceAccepts(model, row, text, proxy.bandFilter(), proxy.expiryDay()))
                accepted.push_back(row);
        }
        return accepted;
    }

    std::vector<int> proxyRows() const
    {
        std::vector<int> shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown.push_back(proxy.mapToSource(proxy.index(row, 0)).row());
        return shown;
    }

    /// The proxy shows exactly the reference's rows, in an order the reference agrees with.
    void expectSameAsReference(const QString &context)
    {
        std::vector<int> shown = proxyRows();
        const int column = proxy.sortColumn();
        for (size_t i = 1; column >= 0 && i < shown.size(); ++i) {
            const int c = referenceCompare(model, shown[i - 1], shown[i], column);
            ASSERT_TRUE(proxy.sortOrder() == Qt::AscendingOrder ? c <= 0 : c >= 0)
                << context.toStdString() << ": rows " << shown[i - 1] << " and " << shown[i]
                << " out of order by column " << column;
        }
        std::sort(shown.begin(), shown.end());
        ASSERT_EQ(shown, referenceRows(proxy.filterText()))
            << context.toStdString() << " (filter \"" << proxy.filterText().toStdString() << "\")";
    }

    /// Queries of every kind, built from the rows now in the model.
    QStringList queries() const
    {
        const Connection &masked = model.connection(20);
        const Connection &revealed = model.connection(40);
        const QString maskedShown = model.displayText(20, M::ConnectionIdColumn);
        QStringList q = {
            QString(),
            QStringLiteral("w"),
            QStringLiteral("wells"),
            QStringLiteral("WELLS fargo"),
            QStringLiteral("  chase   exp "),
            QStringLiteral("connected"),
            QStringLiteral("—"),
            QStringLiteral("≤"),
            QStringLiteral("7 DAYS"),
            QStringLiteral("expired ok"),
            QStringLiteral("unknown"),
            QStringLiteral("ärzte"),
            QStringLiteral("ÄRZTE bank"),
            QStringLiteral("ça"),
            QStringLiteral("ÇA"),
            QStringLiteral("straße"),
            QStringLiteral("STRASSE"),
            QStringLiteral("σοφια"),
            QStringLiteral("Σ"),
            QStringLiteral("ς"),
            QStringLiteral("kelvin"),
            QStringLiteral("\u212A"),
            QStringLiteral("…"),
            QStringLiteral("••••"),
            QStringLiteral("nobody-at-all"),
            // Masked ids: the shown form and its ends match; the hidden middle does not.
            maskedShown,
            maskedShown.left(3),
            maskedShown.right(4).toUpper(),
            masked.connectionId.mid(6, 12),
            masked.connectionId.mid(6, 12).toUpper(),
            masked.aeroPassUserUuid.mid(9, 9),
            // Pasted full ids, any case, with spaces around, alone or with another word.
            masked.connectionId,
            masked.connectionId.toUpper(),
            QStringLiteral("  ") + masked.connectionId + QStringLiteral("  "),
            masked.aeroPassUserUuid.toUpper(),
            masked.connectionId + QStringLiteral(" chase"),
            masked.connectionId.left(31), // one character short of the full id
            // A revealed row: its whole id is shown, so its middle matches.
            revealed.connectionId.mid(6, 12),
            revealed.aeroPassUserUuid.mid(9, 9).toUpper(),
        };
        return q;
    }

    FixedClock clock { connectionsNow() };
    ConnectionTableModel model { clock };
    ConnectionFilterProxy proxy;
};

TEST_F(ConnectionFilterEquivalenceTest, EveryQueryBandAndDayFindsWhatTheReferenceFinds)
{
    model.setConnections(rows(3000));
    for (int row = 40; row < model.rowCount(); row += 150)
        model.setRevealed(row, true);
    ASSERT_TRUE(model.isRevealed(40));
    ASSERT_FALSE(model.isRevealed(20));
    const QDate day = connectionsNow().date().addDays(3);
    const std::optional<ExpiryStatus> bands[] = { std::nullopt,
                                                  ExpiryStatus::Expired,
                                                  ExpiryStatus::Within7Days,
                                                  ExpiryStatus::Within30Days,
                                                  ExpiryStatus::Ok,
                                                  ExpiryStatus::Unknown };
    int nonEmpty = 0;
    for (int column : { M::DaysLeftColumn, M::BankColumn, M::ConnectionIdColumn }) {
        proxy.sort(column, column == M::BankColumn ? Qt::DescendingOrder : Qt::AscendingOrder);
        for (const auto &band : bands) {
            proxy.setBandFilter(band);
            for (const QDate &d : { QDate(), day }) {
                proxy.setExpiryDay(d);
                for (const QString &query : queries()) {
                    proxy.setFilterText(query);
                    ASSERT_NO_FATAL_FAILURE(
                        expectSameAsReference(QStringLiteral("column %1 band %2 day %3")
                                                  .arg(column)
                                                  .arg(band ? int(*band) : -1)
                                                  .arg(d.toString(Qt::ISODate))));
                    nonEmpty += proxy.rowCount() > 0 ? 1 : 0;
                }
            }
        }
    }
    EXPECT_GT(nonEmpty, 100) << "the queries must find something, or the comparison says little";
}

TEST_F(ConnectionFilterEquivalenceTest, AHiddenMiddleNeverMatchesAPastedFullIdAlwaysDoes)
{
    model.setConnections(rows(500));
    const Connection &c = model.connection(20);
    proxy.setFilterText(c.connectionId.mid(6, 12));
    EXPECT_EQ(proxy.rowCount(), 0) << "typing the hidden middle must find nothing";
    proxy.setFilterText(QStringLiteral(" ") + c.connectionId.toUpper() + QStringLiteral(" "));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.mapToSource(proxy.index(0, 0)).row(), 20);
    model.setRevealed(20, true);
    proxy.setFilterText(c.connectionId.mid(6, 12));
    ASSERT_EQ(proxy.rowCount(), 1) << "revealed: the whole id is shown and matched";
    model.setRevealed(20, false);
    EXPECT_EQ(proxy.rowCount(), 0) << "hidden again: the row leaves the result";
}

TEST_F(ConnectionFilterEquivalenceTest, RowsChangedAfterTheLoadAreMatchedAndSortedAgain)
{
    model.setConnections(rows(2000));
    proxy.sort(M::BankColumn, Qt::AscendingOrder);
    auto position = [this](int sourceRow) {
        const std::vector<int> shown = proxyRows();
        return std::find(shown.begin(), shown.end(), sourceRow) - shown.begin();
    };
    const auto positionBefore = position(100);
    proxy.setFilterText(QStringLiteral("zebra"));
    EXPECT_EQ(proxy.rowCount(), 0);
    Connection changed = model.connection(100);
    changed.bankName = QStringLiteral("Zebra Savings");
    model.upsertConnection(changed);
    ASSERT_EQ(proxy.rowCount(), 1) << "a new bank name is matched at once";
    ASSERT_NO_FATAL_FAILURE(expectSameAsReference(QStringLiteral("bank changed")));

    proxy.setFilterText(QStringLiteral("NEEDS_REAUTH"));
    changed.status = QStringLiteral("needs_reauth");
    model.upsertConnection(changed);
    const std::vector<int> afterStatus = proxyRows();
    EXPECT_NE(std::find(afterStatus.begin(), afterStatus.end(), 100), afterStatus.end())
        << "the new status is matched at once";
    changed.status = QStringLiteral("CONNECTED");
    model.upsertConnection(changed);
    const std::vector<int> afterBack = proxyRows();
    EXPECT_EQ(std::find(afterBack.begin(), afterBack.end(), 100), afterBack.end())
        << "and the old one no longer";
    ASSERT_NO_FATAL_FAILURE(expectSameAsReference(QStringLiteral("status changed")));

    proxy.setFilterText(QString());
    ASSERT_NO_FATAL_FAILURE(expectSameAsReference(QStringLiteral("sorted after the change")));
    EXPECT_GT(position(100), positionBefore) << "the renamed row moved to its sorted place";

    // Time passes: bands change, and the band text is matched.
    proxy.sort(M::DaysLeftColumn, Qt::AscendingOrder);
    proxy.setFilterText(QStringLiteral("≤ 7"));
    const int within7Before = proxy.rowCount();
    clock.set(connectionsNow().addDays(10));
    model.refreshExpiry();
    ASSERT_NO_FATAL_FAILURE(expectSameAsReference(QStringLiteral("after refreshExpiry")));
    EXPECT_NE(proxy.rowCount(), 0);
    EXPECT_GT(within7Before, 0);
    model.removeConnection(model.connection(proxyRows().front()).connectionId);
    ASSERT_NO_FATAL_FAILURE(expectSameAsReference(QStringLiteral("after a removal")));
}

TEST_F(ConnectionFilterEquivalenceTest, ABulkLoadShowsEveryRowSortedAndMatchesRowsChangedMeanwhile)
{
    proxy.sort(M::DaysLeftColumn, Qt::AscendingOrder);
    proxy.setFilterText(QStringLiteral("chase"));
    proxy.beginBulkLoad();
    EXPECT_TRUE(proxy.isBulkLoading());
    for (int batch = 0; batch < 8; ++batch)
        model.appendConnections(rows(500, batch * 500));
    // A row updated while loading (a link recorded meanwhile) must still be re-matched.
    Connection changed = model.connection(7); // a non-Chase bank
    ASSERT_FALSE(changed.bankName.contains(QStringLiteral("chase"), Qt::CaseInsensitive));
    changed.bankName = QStringLiteral("Chase");
    model.upsertConnection(changed);
    proxy.endBulkLoad();
    EXPECT_FALSE(proxy.isBulkLoading());
    EXPECT_TRUE(proxy.dynamicSortFilter());
    ASSERT_NO_FATAL_FAILURE(expectSameAsReference(QStringLiteral("after the bulk load")));
    const std::vector<int> shown = proxyRows();
    EXPECT_NE(std::find(shown.begin(), shown.end(), 7), shown.end());
    proxy.setFilterText(QString());
    EXPECT_EQ(proxy.rowCount(), 4000);
    ASSERT_NO_FATAL_FAILURE(expectSameAsReference(QStringLiteral("unfiltered")));
}

// The expiry columns rank rows by the time alone (a radix sort) when that agrees with the days
// shown, and fall back to the full (days, time) order when rows read their days at different
// moments: here half the rows are a day and a half older than the clock.
TEST_F(ConnectionFilterEquivalenceTest, DaysReadAtDifferentMomentsStillSortByTheDaysShown)
{
    model.appendConnections(rows(1500));
    clock.set(connectionsNow().addSecs(36 * 3600));
    model.appendConnections(rows(1500, 1500)); // read now; the first 1,500 are not re-read
    bool disagree = false;
    for (int a = 0; a < 1500 && !disagree; a += 7) {
        for (int b = 1500; b < 3000 && !disagree; b += 11) {
            const auto &ea = model.expiry(a), &eb = model.expiry(b);
            const qint64 ta = model.connection(a).connectionExpiry.toMSecsSinceEpoch();
            const qint64 tb = model.connection(b).connectionExpiry.toMSecsSinceEpoch();
            disagree = ea.status != aerodesk::connections::ExpiryStatus::Unknown &&
                eb.status != aerodesk::connections::ExpiryStatus::Unknown && ta < tb &&
                ea.daysLeft > eb.daysLeft;
        }
    }
    ASSERT_TRUE(disagree) << "the data must hold rows whose days and times disagree";
    for (const int column : { int(M::DaysLeftColumn), int(M::ExpiryDateColumn) }) {
        for (const auto order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
            proxy.sort(column, order);
            ASSERT_NO_FATAL_FAILURE(expectSameAsReference(
                QStringLiteral("column %1 order %2").arg(column).arg(int(order))));
        }
    }
    model.refreshExpiry(); // all read against one clock again: the fast path's order
    proxy.sort(M::DaysLeftColumn, Qt::AscendingOrder);
    ASSERT_NO_FATAL_FAILURE(expectSameAsReference(QStringLiteral("after refreshExpiry")));
}

TEST_F(ConnectionFilterEquivalenceTest, FoldingMatchesQtCaseInsensitiveComparison)
{
    const QString samples[] = { QStringLiteral("Ärzte"),    QStringLiteral("äRZTE"),
                                QStringLiteral("ΣΟΦΙΑ"),    QStringLiteral("σοφιας"),
                                QStringLiteral("Kelvin"),   QStringLiteral("kELVIN"),
                                QStringLiteral("Straße"),   QStringLiteral("STRASSE"),
                                QStringLiteral("İstanbul"), QStringLiteral("istanbul"),
                                QString::fromUtf16(u"𐐀x"), // Deseret capital
                                QString::fromUtf16(u"𐐨X"),  QString() };
    for (const QString &a : samples) {
        for (const QString &b : samples) {
            const int reference = a.compare(b, Qt::CaseInsensitive);
            const int folded = ConnectionTableModel::foldCase(a).compare(
                ConnectionTableModel::foldCase(b), Qt::CaseSensitive);
            EXPECT_EQ(reference < 0, folded < 0) << a.toStdString() << " / " << b.toStdString();
            EXPECT_EQ(reference == 0, folded == 0) << a.toStdString() << " / " << b.toStdString();
            EXPECT_EQ(a.contains(b, Qt::CaseInsensitive),
                      ConnectionTableModel::foldCase(a).contains(ConnectionTableModel::foldCase(b)))
                << a.toStdString() << " / " << b.toStdString();
        }
    }
}
