#include "ui/common/Icons.h"

#include "ui/common/ThemedSvgIconEngine.h"

#include <QFile>

// Q_INIT_RESOURCE must be used outside any namespace.
static void aerodeskInitResources()
{
    Q_INIT_RESOURCE(aerodesk);
}

namespace aerodesk::ui {

namespace {
constexpr auto kInk = "#33475b";
} // namespace

void Icons::initResources()
{
    aerodeskInitResources();
}

QString Icons::path(const QString &name)
{
    return QStringLiteral(":/icons/%1.svg").arg(name);
}

namespace {
QByteArray iconSvgWithInk(const QByteArray &svgTemplate, const QColor &ink)
{
    QByteArray svg = svgTemplate;
    svg.replace(kInk, ink.name(QColor::HexRgb).toLatin1());
    return svg;
}
} // namespace

QIcon Icons::themed(const QString &name, const QColor &ink, const QColor &selectedInk)
{
    initResources();
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    // Rendered on first use, at the size asked (ThemedSvgIconEngine), not here.
    return QIcon(new ThemedSvgIconEngine(iconSvgWithInk(svg, ink),
                                         selectedInk.isValid() ? iconSvgWithInk(svg, selectedInk)
                                                               : QByteArray()));
}

QIcon Icons::appIcon()
{
    initResources();
    return QIcon(path(QStringLiteral("org.aerodesk.AeroDesk")));
}

} // namespace aerodesk::ui
