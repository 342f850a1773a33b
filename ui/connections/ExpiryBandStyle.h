#pragma once

#include "core/connections/ExpiryChecker.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QList>
#include <QPalette>
#include <QString>

namespace aerodesk::ui {

/// How an expiry band (connections::ExpiryStatus) looks: its short text, its spoken
/// description, its icon and its colours. The band is never told by colour alone: every band has
/// its own icon shape and its own words. Colours are derived from the palette they are drawn on:
/// the ink is a dark shade on light palettes and a light shade on dark ones, and the background
/// tint is the band's hue blended into the palette's Base, so Text stays readable on it.
class ExpiryBandStyle
{
    Q_DECLARE_TR_FUNCTIONS(aerodesk::ui::ExpiryBandStyle)
public:
    using Band = connections::ExpiryStatus;

    /// Every band, most urgent first: Expired, Within7Days, Within30Days, Ok, Unknown.
    static QList<Band> bands();
    /// 0 for Expired … 4 for Unknown (the order of bands()); the band column sorts by it.
    static int severity(Band band);
    /// Short text shown in the table: "Expired", "≤ 7 days", "≤ 30 days", "OK", "Unknown".
    static QString text(Band band);
    /// A sentence for screen readers and tooltips: "Expires within 7 days".
    static QString description(Band band);
    /// Resource icon base name, e.g. "expiry-7-days".
    static QString iconName(Band band);

    /// True when `palette` is a dark one (its Base is darker than its Text).
    static bool isDark(const QPalette &palette);
    /// The band's ink (icon and text), readable on `palette`'s Base.
    static QColor ink(Band band, const QPalette &palette);
    /// The band's cell tint on `palette`; invalid (no tint) for Ok and Unknown.
    static QColor background(Band band, const QPalette &palette);
    /// The band's icon in ink(band, palette); cached per band and ink.
    static QIcon icon(Band band, const QPalette &palette);
};

} // namespace aerodesk::ui
