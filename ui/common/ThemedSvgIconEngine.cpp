#include "ui/common/ThemedSvgIconEngine.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>

namespace aerodesk::ui {

ThemedSvgIconEngine::ThemedSvgIconEngine(QByteArray normalSvg, QByteArray selectedSvg)
    : m_normalSvg(std::move(normalSvg))
    , m_selectedSvg(std::move(selectedSvg))
{
}

ThemedSvgIconEngine::~ThemedSvgIconEngine() = default;

QPixmap ThemedSvgIconEngine::render(const QSize &size, bool selected)
{
    std::unique_ptr<QSvgRenderer> &renderer = selected ? m_selected : m_normal;
    if (!renderer)
        renderer = std::make_unique<QSvgRenderer>(selected ? m_selectedSvg : m_normalSvg);
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer->render(&painter);
    return pixmap;
}

QPixmap ThemedSvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State)
{
    if (size.isEmpty() || m_normalSvg.isEmpty())
        return {};
    const bool selected = mode == QIcon::Selected && !m_selectedSvg.isEmpty();
    const quint64 key = (quint64(quint32(size.width())) << 34) |
        (quint64(quint32(size.height())) << 4) | quint64(mode);
    auto found = m_rendered.constFind(key);
    if (found != m_rendered.constEnd())
        return *found;
    QPixmap result = render(size, selected);
    if (mode == QIcon::Disabled) {
        if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance())) {
            QStyleOption option;
            option.palette = QApplication::palette();
            result = app->style()->generatedIconPixmap(QIcon::Disabled, result, &option);
        }
    }
    m_rendered.insert(key, result);
    return result;
}

void ThemedSvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                                QIcon::State state)
{
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap pm = pixmap(rect.size() * dpr, mode, state);
    pm.setDevicePixelRatio(dpr);
    painter->drawPixmap(rect, pm);
}

QSize ThemedSvgIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    return size; // scalable
}

QIconEngine *ThemedSvgIconEngine::clone() const
{
    return new ThemedSvgIconEngine(m_normalSvg, m_selectedSvg);
}

QString ThemedSvgIconEngine::key() const
{
    return QStringLiteral("aerodesk-themed-svg");
}

bool ThemedSvgIconEngine::isNull()
{
    return m_normalSvg.isEmpty();
}

QList<QSize> ThemedSvgIconEngine::availableSizes(QIcon::Mode, QIcon::State)
{
    // The sizes the navigation and toolbars use; any other size is rendered on request too.
    return { QSize(16, 16), QSize(20, 20), QSize(24, 24), QSize(32, 32), QSize(48, 48) };
}

} // namespace aerodesk::ui
