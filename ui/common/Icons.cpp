#include "ui/common/Icons.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

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

void addRendered(QIcon &icon, const QByteArray &svgTemplate, const QColor &ink, QIcon::Mode mode)
{
    QByteArray svg = svgTemplate;
    svg.replace(kInk, ink.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    for (int size : { 16, 20, 24, 32, 48 }) {
        for (qreal dpr : { 1.0, 2.0 }) {
            QPixmap pixmap(QSize(size, size) * dpr);
            pixmap.fill(Qt::transparent);
            {
                QPainter painter(&pixmap);
                painter.setRenderHint(QPainter::Antialiasing);
                renderer.render(&painter);
            }
            pixmap.setDevicePixelRatio(dpr);
            icon.addPixmap(pixmap, mode);
        }
    }
}

} // namespace

QIcon Icons::themed(const QString &name, const QColor &ink, const QColor &selectedInk)
{
    initResources();
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    QIcon icon;
    addRendered(icon, svg, ink, QIcon::Normal);
    if (selectedInk.isValid())
        addRendered(icon, svg, selectedInk, QIcon::Selected);
    return icon;
}

QIcon Icons::appIcon()
{
    initResources();
    return QIcon(path(QStringLiteral("org.aerodesk.AeroDesk")));
}

} // namespace aerodesk::ui
