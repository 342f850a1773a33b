#pragma once

#include <QByteArray>
#include <QHash>
#include <QIconEngine>

#include <memory>

class QSvgRenderer;

namespace aerodesk::ui {

/// An icon drawn from an SVG whose ink is already recoloured (Icons::themed): a pixmap is
/// rendered only when Qt asks for one, at the size (times the device pixel ratio) asked, and
/// kept. Rendering every icon at every size up front cost most of the start-up time before the
/// first window could be mapped. QIcon::Selected uses `selectedSvg` when it is not empty;
/// Disabled is derived from Normal by the style, as for pixmap icons.
class ThemedSvgIconEngine final : public QIconEngine
{
public:
    ThemedSvgIconEngine(QByteArray normalSvg, QByteArray selectedSvg);
    ~ThemedSvgIconEngine() override;

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;

private:
    QPixmap render(const QSize &size, bool selected);

    QByteArray m_normalSvg;
    QByteArray m_selectedSvg;
    std::unique_ptr<QSvgRenderer> m_normal;
    std::unique_ptr<QSvgRenderer> m_selected;
    QHash<quint64, QPixmap> m_rendered; // (width, height, mode) → pixmap
};

} // namespace aerodesk::ui
