#pragma once

#include <QDate>
#include <QMap>
#include <QWidget>

namespace aerodesk::ui {

/// A small bar chart of connections expiring per UTC day over the next rangeDays() days (30 or
/// 90), starting today. Clicking a bar — or moving to it with the arrow keys and pressing
/// Enter/Space — selects its day and emits daySelected(day); doing it again on the selected day
/// (or Escape) clears the selection and emits daySelected(QDate()).
///
/// Keyboard: Left/Right one day, PageUp/PageDown a week, Home/End the ends of the range. The
/// accessible description says the total, the busiest day, the current bar and the selection.
class ExpiryTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit ExpiryTimeline(QWidget *parent = nullptr);

    /// The first day of the chart (the clock's UTC date).
    void setToday(const QDate &today);
    QDate today() const { return m_today; }
    /// Number of days shown (the panel offers 30 and 90).
    void setRangeDays(int days);
    int rangeDays() const { return m_days; }
    QDate lastDay() const { return m_today.addDays(m_days - 1); }
    /// Connections per expiry day; days outside the range are ignored when drawing.
    void setCounts(const QMap<QDate, int> &counts);
    int count(const QDate &day) const { return m_counts.value(day, 0); }
    /// Connections expiring within the shown range.
    int totalInRange() const;

    /// The bar drawn for `day` (a thin stub when the count is 0); an empty rect outside the range.
    QRect barRect(const QDate &day) const;
    /// The day whose column contains `pos` (the whole height of the plot); invalid outside.
    QDate dayAt(const QPoint &pos) const;

    /// The keyboard's current bar.
    QDate currentDay() const { return m_current; }
    void setCurrentDay(const QDate &day);
    /// The day the table is filtered by; invalid when none.
    QDate selectedDay() const { return m_selected; }
    void setSelectedDay(const QDate &day);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void daySelected(const QDate &day);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF plotRect() const;
    QRectF slotRect(int dayIndex) const;
    int maxCount() const;
    QColor barColor(int dayIndex, bool selected) const;
    void activate(const QDate &day);
    void updateDescription();

    QDate m_today;
    int m_days = 30;
    QMap<QDate, int> m_counts;
    QDate m_current;
    QDate m_selected;
};

} // namespace aerodesk::ui
