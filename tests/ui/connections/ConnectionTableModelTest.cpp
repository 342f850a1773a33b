#include "ui/connections/ConnectionTableModel.h"

#include "core/util/FixedClock.h"
#include "tests/ui/connections/ConnectionTestData.h"
#include "ui/connections/ExpiryBandStyle.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QPalette>
#include <QSignalSpy>

#include <gtest/gtest.h>

using aerodesk::FixedClock;
using aerodesk::connections::ExpiryStatus;
using aerodesk::test::connectionsNow;
using aerodesk::test::kDay;
using aerodesk::test::makeConnection;
using aerodesk::test::manyConnections;
using aerodesk::ui::ConnectionTableModel;
using aerodesk::ui::ExpiryBandStyle;
using M = aerodesk::ui::ConnectionTableModel;

namespace {

/// The most opaque pixel of an icon rendered at 24×24: its ink.
QColor inkOf(const QIcon &icon)
{
    const QImage image = icon.pixmap(QSize(24, 24), 1.0).toImage();
    QColor best(Qt::transparent);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixelColor(x, y).alpha() > best.alpha())
                best = image.pixelColor(x, y);
    return best;
}

QPalette darkPalette()
{
    QPalette dark = QApplication::palette();
    dark.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1e));
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    return dark;
}

class ConnectionTableModelTest : public ::testing::Test
{
protected:
    FixedClock clock { connectionsNow() };
};

TEST_F(ConnectionTableModelTest, PassesTheModelTesterThroughLoadsUpdatesAndRemovals)
{
    ConnectionTableModel model(clock);
    // Fatal: any broken model invariant aborts the test binary (and fails the ctest case).
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    model.setConnections(manyConnections(200));
    EXPECT_EQ(model.rowCount(), 200);
    model.appendConnections(manyConnections(300, 200));
    model.appendConnections(manyConnections(50, 450)); // 450…499 overlap: updated in place
    EXPECT_EQ(model.rowCount(), 500);
    auto changed = makeConnection(7, 2 * kDay, QStringLiteral("Renamed Bank"));
    EXPECT_EQ(model.upsertConnection(changed), 7);
    EXPECT_EQ(model.connection(7).bankName, QStringLiteral("Renamed Bank"));
    model.setRevealed(3, true);
    clock.set(connectionsNow().addDays(3));
    model.refreshExpiry();
    EXPECT_TRUE(model.removeConnection(aerodesk::test::hexIdFor(10)));
    EXPECT_FALSE(model.removeConnection(aerodesk::test::hexIdFor(10)));
    EXPECT_EQ(model.rowCount(), 499);
    EXPECT_EQ(model.rowOf(aerodesk::test::hexIdFor(11)), 10);
    model.setConnections({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(ConnectionTableModelTest, ThreeDaysLeftShowsTheSevenDayBandByTextIconAndColour)
{
    ConnectionTableModel model(clock);
    model.setConnections({ makeConnection(1, 3 * kDay), makeConnection(2, 60 * kDay) });
    const QModelIndex band = model.index(0, M::BandColumn);

    EXPECT_EQ(model.index(0, M::DaysLeftColumn).data().toString(), QStringLiteral("3"));
    EXPECT_EQ(band.data().toString(), QStringLiteral("≤ 7 days"));
    EXPECT_EQ(band.data(Qt::AccessibleTextRole).toString(),
              QStringLiteral("Expires within 7 days"));
    EXPECT_EQ(band.data(M::BandRole).toInt(), static_cast<int>(ExpiryStatus::Within7Days));
    EXPECT_EQ(model.index(0, M::ExpiryDateColumn).data().toString(), QStringLiteral("2024-05-04"));
    EXPECT_EQ(model.index(0, M::DaysLeftColumn).data(Qt::AccessibleTextRole).toString(),
              QStringLiteral("3 day(s) left"));

    const QPalette palette = QApplication::palette();
    const auto icon = band.data(Qt::DecorationRole).value<QIcon>();
    ASSERT_FALSE(icon.isNull());
    EXPECT_EQ(inkOf(icon).rgb(), ExpiryBandStyle::ink(ExpiryStatus::Within7Days, palette).rgb());
    // A different band has a different icon shape, not just another colour.
    const auto okIcon = model.index(1, M::BandColumn).data(Qt::DecorationRole).value<QIcon>();
    EXPECT_EQ(model.index(1, M::BandColumn).data().toString(), QStringLiteral("OK"));
    const QImage warnAlpha = icon.pixmap(24, 24).toImage().convertToFormat(QImage::Format_Alpha8);
    const QImage okAlpha = okIcon.pixmap(24, 24).toImage().convertToFormat(QImage::Format_Alpha8);
    EXPECT_NE(warnAlpha, okAlpha);

    EXPECT_EQ(band.data(Qt::ForegroundRole).value<QColor>(),
              ExpiryBandStyle::ink(ExpiryStatus::Within7Days, palette));
    EXPECT_TRUE(band.data(Qt::BackgroundRole).value<QColor>().isValid());
    EXPECT_FALSE(model.index(1, M::BandColumn).data(Qt::BackgroundRole).isValid());
}

TEST_F(ConnectionTableModelTest, BandColoursFollowALightOrDarkPalette)
{
    ConnectionTableModel model(clock);
    model.setConnections({ makeConnection(1, 3 * kDay) });
    const QModelIndex band = model.index(0, M::BandColumn);

    const QPalette original = QApplication::palette();
    QPalette light = original;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    QApplication::setPalette(light);
    const QColor lightInk = band.data(Qt::ForegroundRole).value<QColor>();
    const QColor lightTint = band.data(Qt::BackgroundRole).value<QColor>();
    QApplication::setPalette(darkPalette());
    const QColor darkInk = band.data(Qt::ForegroundRole).value<QColor>();
    const QColor darkTint = band.data(Qt::BackgroundRole).value<QColor>();
    const QColor darkIconInk = inkOf(band.data(Qt::DecorationRole).value<QIcon>());
    QApplication::setPalette(original);

    EXPECT_LT(lightInk.lightness(), 120) << lightInk.name().toStdString();
    EXPECT_GT(darkInk.lightness(), 150) << darkInk.name().toStdString();
    EXPECT_EQ(darkIconInk.rgb(), darkInk.rgb());
    // Tints stay close to their Base so the palette's Text remains readable on them.
    EXPECT_GT(lightTint.lightness(), 200) << lightTint.name().toStdString();
    EXPECT_LT(darkTint.lightness(), 90) << darkTint.name().toStdString();
}

TEST_F(ConnectionTableModelTest, MaskedIdsNeverShowTheFullValueUnlessRevealed)
{
    ConnectionTableModel model(clock);
    model.setConnections(manyConnections(20));
    QList<int> roles { Qt::DisplayRole,
                       Qt::EditRole,
                       Qt::ToolTipRole,
                       Qt::StatusTipRole,
                       Qt::WhatsThisRole,
                       Qt::AccessibleTextRole,
                       Qt::AccessibleDescriptionRole };
    for (int role = Qt::UserRole; role < Qt::UserRole + 20; ++role)
        roles << role;

    auto leaks = [&](int row) {
        const auto &c = model.connection(row);
        const QString middleOfId = c.connectionId.mid(8, 16);
        const QString middleOfUuid = c.aeroPassUserUuid.mid(9, 18);
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role : roles) {
                const QString text = model.index(row, column).data(role).toString();
                if (text.contains(middleOfId, Qt::CaseInsensitive) ||
                    text.contains(middleOfUuid, Qt::CaseInsensitive))
                    return true;
            }
        }
        return false;
    };
    for (int row = 0; row < model.rowCount(); ++row)
        EXPECT_FALSE(leaks(row)) << "row " << row;

    const auto &c = model.connection(4);
    EXPECT_EQ(model.index(4, M::ConnectionIdColumn).data().toString(),
              c.connectionId.left(4) + QChar(0x2026) + c.connectionId.right(4));
    EXPECT_EQ(model.index(4, M::AeroPassUserUuidColumn).data().toString(),
              c.aeroPassUserUuid.left(4) + QChar(0x2026) + c.aeroPassUserUuid.right(4));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRevealed(4, true);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_TRUE(model.index(4, M::ConnectionIdColumn).data(M::RevealedRole).toBool());
    EXPECT_EQ(model.index(4, M::ConnectionIdColumn).data().toString(), c.connectionId);
    EXPECT_EQ(model.index(4, M::AeroPassUserUuidColumn).data().toString(), c.aeroPassUserUuid);
    EXPECT_TRUE(leaks(4));
    EXPECT_FALSE(leaks(5)) << "revealing one row revealed another";
    model.setRevealed(4, false);
    EXPECT_FALSE(leaks(4));

    // Short values are never shown mostly whole.
    EXPECT_EQ(ConnectionTableModel::mask(QStringLiteral("abc123")), QString(8, QChar(0x2022)));
    EXPECT_EQ(ConnectionTableModel::mask(QString()), QString());
}

TEST_F(ConnectionTableModelTest, SortRoleGivesRawValues)
{
    ConnectionTableModel model(clock);
    model.setConnections({ makeConnection(1, 12 * kDay, QStringLiteral("Chase")),
                           makeConnection(2, 0, QStringLiteral("Ally"), QString(), false) });
    const QVariant days = model.index(0, M::DaysLeftColumn).data(M::SortRole);
    EXPECT_EQ(days.typeId(), QMetaType::LongLong);
    EXPECT_EQ(days.toLongLong(), 12);
    const QVariant date = model.index(0, M::ExpiryDateColumn).data(M::SortRole);
    EXPECT_EQ(date.typeId(), QMetaType::QDateTime);
    EXPECT_EQ(date.toDateTime(), connectionsNow().addDays(12));
    EXPECT_EQ(model.index(0, M::BandColumn).data(M::SortRole).toInt(),
              ExpiryBandStyle::severity(ExpiryStatus::Within30Days));
    // Unknown expiry: no raw value at all, and "—" on screen.
    EXPECT_FALSE(model.index(1, M::DaysLeftColumn).data(M::SortRole).isValid());
    EXPECT_EQ(model.index(1, M::DaysLeftColumn).data().toString(), QStringLiteral("—"));
    EXPECT_EQ(model.index(1, M::BandColumn).data().toString(), QStringLiteral("Unknown"));
    EXPECT_EQ(model.index(1, M::StatusColumn).data().toString(), QStringLiteral("—"));
}

TEST_F(ConnectionTableModelTest, AppendsOneInsertPerBatchAndUpdatesKnownIdsInPlace)
{
    ConnectionTableModel model(clock);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int batch = 0; batch < 4; ++batch)
        model.appendConnections(manyConnections(2500, batch * 2500));
    EXPECT_EQ(model.rowCount(), 10000);
    ASSERT_EQ(inserted.count(), 4);
    EXPECT_EQ(inserted.at(3).at(1).toInt(), 7500);
    EXPECT_EQ(inserted.at(3).at(2).toInt(), 9999);
    EXPECT_EQ(changed.count(), 0);

    // A batch of known ids (one with a new bank, upper-cased id) plus one new id, twice.
    auto known = makeConnection(42, 9 * kDay, QStringLiteral("Moved Bank"));
    known.connectionId = known.connectionId.toUpper();
    model.appendConnections(
        { known, makeConnection(20000, kDay), makeConnection(20000, 2 * kDay) });
    EXPECT_EQ(model.rowCount(), 10001);
    EXPECT_EQ(inserted.count(), 5);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(model.connection(42).bankName, QStringLiteral("Moved Bank"));
    EXPECT_EQ(model.expiry(10000).daysLeft, 2); // the later duplicate in a batch wins
    EXPECT_EQ(model.rowOf(makeConnection(20000, kDay).connectionId), 10000);
    EXPECT_EQ(model.rowOf(known.connectionId), 42);
    // An empty or all-known batch inserts nothing; the known rows are updated in place.
    model.appendConnections({});
    EXPECT_EQ(inserted.count(), 5);
    model.appendConnections({ makeConnection(43, 4 * kDay, QStringLiteral("Again Bank")),
                              makeConnection(20000, 3 * kDay) });
    EXPECT_EQ(inserted.count(), 5);
    EXPECT_EQ(changed.count(), 3);
    EXPECT_EQ(model.rowCount(), 10001);
    EXPECT_EQ(model.connection(43).bankName, QStringLiteral("Again Bank"));
    EXPECT_EQ(model.expiry(10000).daysLeft, 3);
}

TEST_F(ConnectionTableModelTest, SignalsWhenAKnownConnectionEntersTheSevenDayBand)
{
    ConnectionTableModel model(clock);
    QSignalSpy entered(&model, &ConnectionTableModel::connectionEnteredSevenDayBand);
    model.setConnections({ makeConnection(1, 10 * kDay), makeConnection(2, 5 * kDay),
                           makeConnection(3, 40 * kDay) });
    EXPECT_EQ(entered.count(), 0) << "a first load is not an entry";

    clock.set(connectionsNow().addDays(2));
    model.refreshExpiry();
    EXPECT_EQ(entered.count(), 0) << "10 days left became 8: still the 30-day band";

    clock.set(connectionsNow().addDays(4));
    model.refreshExpiry();
    ASSERT_EQ(entered.count(), 1);
    EXPECT_EQ(entered.at(0).at(0).toString(), aerodesk::test::hexIdFor(1));
    model.refreshExpiry();
    EXPECT_EQ(entered.count(), 1) << "no second signal while it stays in the band";

    model.upsertConnection(makeConnection(3, 8 * kDay)); // now: 4 days left
    ASSERT_EQ(entered.count(), 2);
    EXPECT_EQ(entered.at(1).at(0).toString(), aerodesk::test::hexIdFor(3));
}

TEST_F(ConnectionTableModelTest, CountsConnectionsPerUtcExpiryDay)
{
    ConnectionTableModel model(clock);
    model.setConnections({ makeConnection(1, 3 * kDay), makeConnection(2, 3 * kDay + 3600),
                           makeConnection(3, 12 * 3600), makeConnection(4, 40 * kDay),
                           makeConnection(5, 0, QStringLiteral("X"), QString(), false) });
    const QDate today = connectionsNow().date();
    const auto counts = model.expiryCountsByDay(today, today.addDays(29));
    EXPECT_EQ(counts.value(today.addDays(3)), 2);
    EXPECT_EQ(counts.value(today), 0);
    EXPECT_EQ(counts.value(today.addDays(1)), 1); // 12:00 + 12 h = next day 00:00 UTC
    EXPECT_EQ(counts.size(), 2);
    // Both ends of the range count; days outside it, expired days and a reversed range do not.
    model.upsertConnection(makeConnection(6, -2 * kDay));
    const auto oneDay = model.expiryCountsByDay(today.addDays(3), today.addDays(3));
    EXPECT_EQ(oneDay, (QMap<QDate, int> { { today.addDays(3), 2 } }));
    const auto twoDays = model.expiryCountsByDay(today.addDays(1), today.addDays(3));
    EXPECT_EQ(twoDays, (QMap<QDate, int> { { today.addDays(1), 1 }, { today.addDays(3), 2 } }));
    EXPECT_EQ(
        model.expiryCountsByDay(today.addDays(-2), today.addDays(-2)).value(today.addDays(-2)), 1);
    EXPECT_TRUE(model.expiryCountsByDay(today.addDays(3), today.addDays(2)).isEmpty());
}

} // namespace
