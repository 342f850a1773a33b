#pragma once

#include "core/connections/Connection.h"
#include "core/util/Clock.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace aerodesk::ui {

class ConnectionFilterProxy;
class ConnectionTableModel;
class ExpiryTimeline;

/// The Connections panel (panel id "connections"): a filter line edit (Ctrl+F), a band filter,
/// the expiry timeline (30/90 days; clicking a bar filters the table by that day), the table of
/// connections and a detail pane for the current row (with Reveal ids).
///
/// It holds no data source of its own: whoever owns the connections (later, the store worker)
/// feeds it with setConnections() or, for large loads, appendConnections() batch by batch. Expiry
/// is re-read from the clock every minute; connectionEnteredSevenDayBand() fires when a known
/// connection crosses into the 7-day band (the console shows a tray notification).
class ConnectionsPanel : public QWidget
{
    Q_OBJECT
public:
    /// Uses the system clock.
    explicit ConnectionsPanel(QWidget *parent = nullptr);
    /// Uses `clock` (which must outlive the panel) for every expiry decision.
    explicit ConnectionsPanel(const Clock &clock, QWidget *parent = nullptr);
    ~ConnectionsPanel() override;

    void setConnections(std::vector<connections::Connection> connections);
    void appendConnections(std::vector<connections::Connection> batch);
    void upsertConnection(const connections::Connection &connection);
    bool removeConnection(const QString &connectionId);
    /// Re-reads the clock: bands, days left and the timeline's "today". Called every minute.
    void refreshExpiry();

    ConnectionTableModel *model() const { return m_model; }
    ConnectionFilterProxy *proxy() const { return m_proxy; }
    ExpiryTimeline *timeline() const { return m_timeline; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    /// The model row of the table's current row, or -1.
    int currentSourceRow() const;

Q_SIGNALS:
    void connectionEnteredSevenDayBand(const QString &connectionId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    QWidget *buildFilterBar();
    QWidget *buildTimelineBar();
    QWidget *buildDetailPane();
    void refreshBandIcons();
    void refreshTimeline();
    void updateCount();
    void updateDetail();
    void onDaySelected(const QDate &day);

    std::unique_ptr<Clock> m_ownClock;
    const Clock &m_clock;
    ConnectionTableModel *m_model = nullptr;
    ConnectionFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_bandFilter = nullptr;
    QButtonGroup *m_rangeGroup = nullptr;
    ExpiryTimeline *m_timeline = nullptr;
    QLabel *m_dayFilterLabel = nullptr;
    QToolButton *m_clearDay = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_reveal = nullptr;
    QTimer m_expiryTimer;
    QTimer m_timelineTimer;
};

} // namespace aerodesk::ui
