// Icons::themed() renders on demand (ThemedSvgIconEngine) instead of every size up front: the
// pixmaps Qt asks for still have the asked size and device pixel ratio, the ink of their mode,
// and a missing icon is still null.
#include "ui/common/Icons.h"

#include <QColor>
#include <QIcon>
#include <QImage>
#include <QPixmap>

#include <gtest/gtest.h>

using aerodesk::ui::Icons;

namespace {
/// The most opaque pixel's colour: the icon's ink.
QColor inkOf(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage();
    QColor best(Qt::transparent);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > best.alpha())
                best = c;
        }
    }
    return best;
}
} // namespace

TEST(ThemedIcon, RendersTheAskedSizeInTheInkOfItsMode)
{
    const QColor ink(QStringLiteral("#c0392b"));
    const QColor selected(QStringLiteral("#ffffff"));
    const QIcon icon = Icons::themed(QStringLiteral("nav-jobs"), ink, selected);
    ASSERT_FALSE(icon.isNull());

    const QPixmap normal = icon.pixmap(QSize(24, 24), 1.0, QIcon::Normal);
    EXPECT_EQ(normal.size(), QSize(24, 24));
    EXPECT_EQ(inkOf(normal).rgb(), ink.rgb());
    // HiDPI: twice the pixels, tagged with the ratio, same ink.
    const QPixmap hidpi = icon.pixmap(QSize(24, 24), 2.0, QIcon::Normal);
    EXPECT_EQ(hidpi.size(), QSize(48, 48));
    EXPECT_DOUBLE_EQ(hidpi.devicePixelRatio(), 2.0);
    EXPECT_EQ(inkOf(hidpi).rgb(), ink.rgb());
    // A size nobody rendered before (on demand, not from a fixed list).
    EXPECT_EQ(icon.pixmap(QSize(37, 37), 1.0).size(), QSize(37, 37));
    // Selected rows use the selected ink; asking again gives the same (kept) pixmap.
    EXPECT_EQ(inkOf(icon.pixmap(QSize(20, 20), 1.0, QIcon::Selected)).rgb(), selected.rgb());
    EXPECT_EQ(icon.pixmap(QSize(20, 20), 1.0, QIcon::Selected).cacheKey(),
              icon.pixmap(QSize(20, 20), 1.0, QIcon::Selected).cacheKey());
    // Disabled is derived (greyed), not the normal ink.
    const QPixmap disabled = icon.pixmap(QSize(24, 24), 1.0, QIcon::Disabled);
    EXPECT_EQ(disabled.size(), QSize(24, 24));
    EXPECT_NE(inkOf(disabled).rgb(), ink.rgb());

    // Without a selected ink, Selected draws in the normal ink.
    const QIcon plain = Icons::themed(QStringLiteral("nav-jobs"), ink);
    EXPECT_EQ(inkOf(plain.pixmap(QSize(20, 20), 1.0, QIcon::Selected)).rgb(), ink.rgb());
}

TEST(ThemedIcon, MissingIconIsNull)
{
    EXPECT_TRUE(Icons::themed(QStringLiteral("no-such-icon"), QColor(Qt::black)).isNull());
}
