#include "ui/connections/ExpiryTimeline.h"

#include "ui/connections/ExpiryBandStyle.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace aerodesk::ui {

namespace {
constexpr int kTop = 20; // room for the caption
constexpr int kBottom = 18; // room for the date labels
constexpr int kSide = 8;
} // namespace

ExpiryTimeline::ExpiryTimeline(QWidget *parent)
    : QWidget(parent)
    , m_today(QDate::currentDate())
{
    setObjectName(QStringLiteral("expiryTimeline"));
    setAccessibleName(tr("Expiry timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_current = m_today;
    updateDescription();
}

void ExpiryTimeline::setToday(const QDate &today)
{
    if (!today.isValid() || today == m_today)
        return;
    m_today = today;
    if (m_current < m_today || m_current > lastDay())
        m_current = m_today;
    updateDescription();
    update();
}

void ExpiryTimeline::setRangeDays(int days)
{
    days = std::max(1, days);
    if (days == m_days)
        return;
    m_days = days;
    if (m_current > lastDay())
        m_current = lastDay();
    updateDescription();
    update();
}

void ExpiryTimeline::setCounts(const QMap<QDate, int> &counts)
{
    m_counts = counts;
    updateDescription();
    update();
}

int ExpiryTimeline::totalInRange() const
{
    int total = 0;
    for (auto it = m_counts.lowerBound(m_today); it != m_counts.cend() && it.key() <= lastDay();
         ++it)
        total += it.value();
    return total;
}

int ExpiryTimeline::maxCount() const
{
    int most = 0;
    for (auto it = m_counts.lowerBound(m_today); it != m_counts.cend() && it.key() <= lastDay();
         ++it)
        most = std::max(most, it.value());
    return most;
}

QRectF ExpiryTimeline::plotRect() const
{
    return QRectF(rect()).adjusted(kSide, kTop, -kSide, -kBottom);
}

QRectF ExpiryTimeline::slotRect(int dayIndex) const
{
    const QRectF plot = plotRect();
    const qreal width = plot.width() / m_days;
    return QRectF(plot.left() + dayIndex * width, plot.top(), width, plot.height());
}

QRect ExpiryTimeline::barRect(const QDate &day) const
{
    const qint64 index = m_today.daysTo(day);
    if (!day.isValid() || index < 0 || index >= m_days)
        return {};
    const QRectF slot = slotRect(static_cast<int>(index));
    const qreal gap = slot.width() > 4 ? std::min<qreal>(2.0, slot.width() * 0.15) : 0.0;
    const int most = maxCount();
    const int value = count(day);
    qreal height = 1.0;
    if (value > 0 && most > 0)
        height = std::max<qreal>(3.0, slot.height() * value / most);
    const QRectF bar(slot.left() + gap, slot.bottom() - height, slot.width() - 2 * gap, height);
    QRect result = bar.toAlignedRect();
    if (result.width() < 1)
        result.setWidth(1);
    return result;
}

QDate ExpiryTimeline::dayAt(const QPoint &pos) const
{
    const QRectF plot = plotRect();
    if (!plot.contains(pos))
        return {};
    const int index = static_cast<int>((pos.x() - plot.left()) / (plot.width() / m_days));
    if (index < 0 || index >= m_days)
        return {};
    return m_today.addDays(index);
}

void ExpiryTimeline::setCurrentDay(const QDate &day)
{
    if (!day.isValid())
        return;
    const QDate clamped = std::clamp(day, m_today, lastDay());
    if (clamped == m_current)
        return;
    m_current = clamped;
    updateDescription();
    update();
}

void ExpiryTimeline::setSelectedDay(const QDate &day)
{
    const QDate value = day.isValid() ? day : QDate();
    if (value == m_selected)
        return;
    m_selected = value;
    if (value.isValid())
        setCurrentDay(value);
    updateDescription();
    update();
    Q_EMIT daySelected(m_selected);
}

void ExpiryTimeline::activate(const QDate &day)
{
    setSelectedDay(day == m_selected ? QDate() : day);
}

QSize ExpiryTimeline::sizeHint() const
{
    return { 480, 120 };
}

QSize ExpiryTimeline::minimumSizeHint() const
{
    return { 180, 90 };
}

QColor ExpiryTimeline::barColor(int dayIndex, bool selected) const
{
    const QPalette &pal = palette();
    if (selected)
        return pal.color(QPalette::Highlight);
    // A bar of day i holds connections with i or i+1 days left: colour it as its band would be.
    if (dayIndex < 7)
        return ExpiryBandStyle::ink(connections::ExpiryStatus::Within7Days, pal);
    if (dayIndex < 30)
        return ExpiryBandStyle::ink(connections::ExpiryStatus::Within30Days, pal);
    return pal.color(QPalette::Mid);
}

void ExpiryTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPalette &pal = palette();
    const QRectF plot = plotRect();
    painter.fillRect(rect(), pal.color(QPalette::Base));

    painter.setPen(pal.color(QPalette::Text));
    const QString caption =
        tr("Expiring per day, next %1 days — %2 in total").arg(m_days).arg(totalInRange());
    painter.drawText(QRect(kSide, 0, width() - 2 * kSide, kTop), Qt::AlignLeft | Qt::AlignVCenter,
                     caption);

    // Band guides at 7 and 30 days, labelled, so the bands read without colour.
    painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine));
    for (int mark : { 7, 30 }) {
        if (mark >= m_days)
            continue;
        const qreal x = slotRect(mark).left();
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.drawText(QRectF(x + 2, plot.top(), 40, 14), Qt::AlignLeft | Qt::AlignTop,
                         tr("%1 d").arg(mark));
    }

    for (int i = 0; i < m_days; ++i) {
        const QDate day = m_today.addDays(i);
        painter.fillRect(barRect(day), barColor(i, day == m_selected));
    }
    if (hasFocus()) {
        const QRect focusSlot = slotRect(static_cast<int>(m_today.daysTo(m_current)))
                                    .toAlignedRect()
                                    .adjusted(0, 0, -1, -1);
        painter.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
        painter.drawRect(focusSlot);
    }

    painter.setPen(pal.color(QPalette::Text));
    const QRect labels(kSide, height() - kBottom, width() - 2 * kSide, kBottom);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, tr("today"));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, lastDay().toString(Qt::ISODate));
    if (m_selected.isValid())
        painter.drawText(labels, Qt::AlignHCenter | Qt::AlignVCenter,
                         tr("%1: %n connection(s)", nullptr, count(m_selected))
                             .arg(m_selected.toString(Qt::ISODate)));
}

void ExpiryTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QDate day = dayAt(event->position().toPoint());
    if (!day.isValid()) {
        QWidget::mousePressEvent(event);
        return;
    }
    setCurrentDay(day);
    activate(day);
    event->accept();
}

void ExpiryTimeline::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        setCurrentDay(m_current.addDays(-1));
        break;
    case Qt::Key_Right:
        setCurrentDay(m_current.addDays(1));
        break;
    case Qt::Key_PageUp:
        setCurrentDay(m_current.addDays(-7));
        break;
    case Qt::Key_PageDown:
        setCurrentDay(m_current.addDays(7));
        break;
    case Qt::Key_Home:
        setCurrentDay(m_today);
        break;
    case Qt::Key_End:
        setCurrentDay(lastDay());
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activate(m_current);
        break;
    case Qt::Key_Escape:
        if (!m_selected.isValid()) {
            QWidget::keyPressEvent(event);
            return;
        }
        setSelectedDay(QDate());
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool ExpiryTimeline::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const QDate day = dayAt(help->pos());
        if (day.isValid())
            QToolTip::showText(help->globalPos(),
                               tr("%1: %n connection(s) expire", nullptr, count(day))
                                   .arg(day.toString(Qt::ISODate)),
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    case QEvent::FocusIn:
    case QEvent::FocusOut:
    case QEvent::PaletteChange:
        update();
        break;
    default:
        break;
    }
    return QWidget::event(event);
}

void ExpiryTimeline::updateDescription()
{
    QDate busiest;
    int most = 0;
    for (auto it = m_counts.lowerBound(m_today); it != m_counts.cend() && it.key() <= lastDay();
         ++it) {
        if (it.value() > most) {
            most = it.value();
            busiest = it.key();
        }
    }
    QStringList parts;
    parts << tr("Connections expiring per day over the next %1 days: %2 in total.")
                 .arg(m_days)
                 .arg(totalInRange());
    if (busiest.isValid())
        parts << tr("Busiest day %1 with %2.").arg(busiest.toString(Qt::ISODate)).arg(most);
    parts << tr("Current bar %1: %n connection(s).", nullptr, count(m_current))
                 .arg(m_current.toString(Qt::ISODate));
    parts << (m_selected.isValid()
                  ? tr("Table filtered to %1.").arg(m_selected.toString(Qt::ISODate))
                  : tr("No day selected; press Enter to filter the table by the current day."));
    setAccessibleDescription(parts.join(QLatin1Char(' ')));
}

} // namespace aerodesk::ui
