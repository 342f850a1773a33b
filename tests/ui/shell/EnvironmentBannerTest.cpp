#include "ui/shell/EnvironmentBanner.h"

#include <QImage>
#include <QLabel>

#include <gtest/gtest.h>

using aerodesk::ui::EnvironmentBanner;
using Kind = EnvironmentBanner::Kind;

namespace {

QColor backgroundOf(EnvironmentBanner &banner)
{
    banner.resize(600, 40);
    banner.ensurePolished();
    const QImage image = banner.grab().toImage();
    // The far right edge is past every label: pure banner background.
    return image.pixelColor(image.width() - 2, image.height() / 2);
}

} // namespace

TEST(EnvironmentBanner, StartsOnTheBuiltInSandboxStarting)
{
    EnvironmentBanner banner;
    EXPECT_EQ(banner.kind(), Kind::BuiltInSandbox);
    EXPECT_TRUE(banner.text().contains(QStringLiteral("SANDBOX")));
    EXPECT_TRUE(banner.text().contains(QStringLiteral("starting")));
}

TEST(EnvironmentBanner, SandboxAndProductionSayDifferentThings)
{
    EnvironmentBanner banner;
    banner.setEnvironment(Kind::BuiltInSandbox, QStringLiteral("Built-in sandbox"),
                          QStringLiteral("127.0.0.1:4433"));
    const QString sandboxText = banner.text();
    const QString sandboxBadge =
        banner.findChild<QLabel *>(QStringLiteral("environmentBadge"))->text();
    banner.setEnvironment(Kind::Production, QStringLiteral("Production"),
                          QStringLiteral("api.aerosync.com"));
    const QString productionText = banner.text();
    const QString productionBadge =
        banner.findChild<QLabel *>(QStringLiteral("environmentBadge"))->text();

    EXPECT_EQ(sandboxBadge, QStringLiteral("SANDBOX"));
    EXPECT_EQ(productionBadge, QStringLiteral("PRODUCTION"));
    EXPECT_FALSE(sandboxText.contains(QStringLiteral("PRODUCTION")));
    EXPECT_TRUE(productionText.contains(QStringLiteral("PRODUCTION")));
    EXPECT_NE(sandboxText, productionText);
    EXPECT_EQ(banner.accessibleDescription(), productionText);
}

TEST(EnvironmentBanner, EachKindHasItsOwnBadgeAndColour)
{
    EnvironmentBanner banner;
    banner.setEnvironment(Kind::BuiltInSandbox, QStringLiteral("Built-in sandbox"), {});
    const QColor teal = backgroundOf(banner);
    banner.setEnvironment(Kind::CustomSandbox, QStringLiteral("Staging"), {});
    const QColor blue = backgroundOf(banner);
    banner.setEnvironment(Kind::Production, QStringLiteral("Production"), {});
    const QColor red = backgroundOf(banner);

    EXPECT_NE(teal, blue);
    EXPECT_NE(blue, red);
    EXPECT_NE(teal, red);
    EXPECT_GT(red.red(), red.green() + 60) << red.name().toStdString();
    EXPECT_GT(blue.blue(), blue.red() + 60) << blue.name().toStdString();
    EXPECT_GT(teal.green(), teal.red() + 60) << teal.name().toStdString();

    EXPECT_NE(EnvironmentBanner::badgeText(Kind::BuiltInSandbox),
              EnvironmentBanner::badgeText(Kind::CustomSandbox));
    EXPECT_NE(EnvironmentBanner::badgeText(Kind::CustomSandbox),
              EnvironmentBanner::badgeText(Kind::Production));
}
