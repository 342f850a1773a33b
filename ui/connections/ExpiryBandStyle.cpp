#include "ui/connections/ExpiryBandStyle.h"

#include "ui/common/Icons.h"

#include <QCoreApplication>
#include <QHash>

namespace aerodesk::ui {

namespace {

struct Hues
{
    QColor onLight; ///< ink on a light Base
    QColor onDark; ///< ink on a dark Base
};

Hues huesFor(ExpiryBandStyle::Band band)
{
    using Band = ExpiryBandStyle::Band;
    switch (band) {
    case Band::Expired:
        return { QColor(0xb9, 0x1c, 0x1c), QColor(0xf8, 0x71, 0x71) };
    case Band::Within7Days:
        return { QColor(0xc2, 0x41, 0x0c), QColor(0xfb, 0x92, 0x3c) };
    case Band::Within30Days:
        return { QColor(0x85, 0x4d, 0x0e), QColor(0xfa, 0xcc, 0x15) };
    case Band::Ok:
        return { QColor(0x15, 0x80, 0x3d), QColor(0x4a, 0xde, 0x80) };
    case Band::Unknown:
        break;
    }
    return {};
}

QColor blend(const QColor &base, const QColor &over, qreal amount)
{
    return QColor::fromRgbF(
        static_cast<float>(base.redF() + (over.redF() - base.redF()) * amount),
        static_cast<float>(base.greenF() + (over.greenF() - base.greenF()) * amount),
        static_cast<float>(base.blueF() + (over.blueF() - base.blueF()) * amount));
}

/// Rendered icons, by name and ink. Dropped when the application object goes away (pixmaps must
/// not outlive it).
QHash<QString, QIcon> *g_iconCache = nullptr;

void dropIconCache()
{
    delete g_iconCache;
    g_iconCache = nullptr;
}

} // namespace

QList<ExpiryBandStyle::Band> ExpiryBandStyle::bands()
{
    return { Band::Expired, Band::Within7Days, Band::Within30Days, Band::Ok, Band::Unknown };
}

int ExpiryBandStyle::severity(Band band)
{
    switch (band) {
    case Band::Expired:
        return 0;
    case Band::Within7Days:
        return 1;
    case Band::Within30Days:
        return 2;
    case Band::Ok:
        return 3;
    case Band::Unknown:
        break;
    }
    return 4;
}

QString ExpiryBandStyle::text(Band band)
{
    switch (band) {
    case Band::Expired:
        return tr("Expired");
    case Band::Within7Days:
        return tr("≤ 7 days");
    case Band::Within30Days:
        return tr("≤ 30 days");
    case Band::Ok:
        return tr("OK");
    case Band::Unknown:
        break;
    }
    return tr("Unknown");
}

QString ExpiryBandStyle::description(Band band)
{
    switch (band) {
    case Band::Expired:
        return tr("Expired");
    case Band::Within7Days:
        return tr("Expires within 7 days");
    case Band::Within30Days:
        return tr("Expires within 30 days");
    case Band::Ok:
        return tr("Expires in more than 30 days");
    case Band::Unknown:
        break;
    }
    return tr("Expiry unknown");
}

QString ExpiryBandStyle::iconName(Band band)
{
    switch (band) {
    case Band::Expired:
        return QStringLiteral("expiry-expired");
    case Band::Within7Days:
        return QStringLiteral("expiry-7-days");
    case Band::Within30Days:
        return QStringLiteral("expiry-30-days");
    case Band::Ok:
        return QStringLiteral("expiry-ok");
    case Band::Unknown:
        break;
    }
    return QStringLiteral("expiry-unknown");
}

bool ExpiryBandStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

QColor ExpiryBandStyle::ink(Band band, const QPalette &palette)
{
    if (band == Band::Unknown)
        return palette.color(QPalette::PlaceholderText);
    const Hues hues = huesFor(band);
    return isDark(palette) ? hues.onDark : hues.onLight;
}

QColor ExpiryBandStyle::background(Band band, const QPalette &palette)
{
    if (band == Band::Ok || band == Band::Unknown)
        return {};
    const QColor base = palette.color(QPalette::Base);
    return blend(base, ink(band, palette), isDark(palette) ? 0.28 : 0.16);
}

QIcon ExpiryBandStyle::icon(Band band, const QPalette &palette)
{
    if (!g_iconCache) {
        g_iconCache = new QHash<QString, QIcon>;
        qAddPostRoutine(dropIconCache);
    }
    const QColor color = ink(band, palette);
    const QString key = iconName(band) + color.name(QColor::HexArgb);
    auto it = g_iconCache->constFind(key);
    if (it == g_iconCache->constEnd())
        it = g_iconCache->insert(key, Icons::themed(iconName(band), color));
    return *it;
}

} // namespace aerodesk::ui
