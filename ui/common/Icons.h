#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace aerodesk::ui {

/// The SVG icons of resources/icons/. They are drawn in one fixed ink colour (#33475b);
/// themed() recolours that ink for the current palette so icons stay visible on dark palettes,
/// and renders at 1x and 2x so they stay sharp on HiDPI screens.
class Icons
{
public:
    /// Registers the compiled resources (safe to call more than once). The resources live in the
    /// static aerodesk_ui library; calling this keeps their initializer linked in.
    static void initResources();
    /// Resource path of an icon by base name, e.g. path("nav-jobs") == ":/icons/nav-jobs.svg".
    static QString path(const QString &name);
    /// The icon `name` with its ink replaced by `ink`; when `selectedInk` is valid, the
    /// QIcon::Selected mode (e.g. on a highlighted list row) uses that colour instead.
    static QIcon themed(const QString &name, const QColor &ink,
                        const QColor &selectedInk = QColor());
    /// The application icon (org.aerodesk.AeroDesk.svg, full colour).
    static QIcon appIcon();
};

} // namespace aerodesk::ui
