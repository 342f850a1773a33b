#pragma once

#include "core/connections/Connection.h"
#include "core/util/Clock.h"
#include "ui/common/SessionPanel.h"

#include <QTimer>

#include <memory>
#include <vector>

class QButtonGroup;
class QProgressBar;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QStackedWidget;
class QToolButton;
class QAction;
class QToolBar;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class BulkRefreshBar;
class BundlePreviewDialog;
class ConnectionActions;
class ConnectionLinker;
class ConnectionHistoryView;
class ConnectionTimelineView;
class ConnectionImporter;
class ConnectionLiveUpdates;
class ConnectionStoreFeed;
class ConnectionFilterProxy;
class ConnectionTableModel;
class ExpiryTimeline;
class NoticeLine;
class StateBanner;
class UnsavedLinksNotice;

/// The Connections panel (panel id "connections"): a filter line edit (Ctrl+F), a band filter,
/// the expiry timeline (30/90 days; clicking a bar filters the table by that day), the table of
/// connections and a detail pane for the current row (with Reveal ids).
///
/// Built with a session::Session (the console), it is live: a ConnectionStoreFeed loads the store
/// through StoreLoader in batches (with a "Loading N…" indicator) and applies links, reconnects
/// and job outcomes as they happen; ConnectionActions adds the row actions (toolbar, context
/// menu, shortcuts); ConnectionImporter the Import menu; the detail pane shows the account
/// summary and the connection's history. Built with only a Clock, it is fed by hand with
/// setConnections() / appendConnections() (tests, benchmarks). Expiry is re-read from the clock
/// every minute; connectionEnteredSevenDayBand() fires when a known connection crosses into the
/// 7-day band (ExpiryNotifier turns it into a notification).
///
/// Live, it also links and reconnects itself (ConnectionLinker: Link a bank…, Reconnect, with a
/// loading state until the widget's first step), warns about linked ids the store refused
/// (UnsavedLinksNotice, with Retry), refreshes many rows (BulkRefreshBar: Refresh all /
/// selected, progress, Cancel, a per-row outcome) and shows what to do first while empty.
class ConnectionsPanel : public SessionPanel
{
    Q_OBJECT
public:
    /// Uses the system clock.
    explicit ConnectionsPanel(QWidget *parent = nullptr);
    /// Uses `clock` (which must outlive the panel) for every expiry decision.
    explicit ConnectionsPanel(const Clock &clock, QWidget *parent = nullptr);
    /// Live: fed from `session`'s store, with row actions and import (the session's clock).
    explicit ConnectionsPanel(session::Session &session, QWidget *parent = nullptr);
    ~ConnectionsPanel() override;

    void setConnections(std::vector<connections::Connection> connections);
    void appendConnections(std::vector<connections::Connection> batch);
    /// Room for `total` rows before a load appends them (ConnectionTableModel::reserveRows).
    void reserveRows(qsizetype total);
    void upsertConnection(const connections::Connection &connection);
    bool removeConnection(const QString &connectionId);
    /// Re-reads the clock: bands, days left and the timeline's "today". Called every minute.
    void refreshExpiry();
    /// Around a bulk load (ConnectionStoreFeed): rows appended meanwhile go to the end of the
    /// table and are sorted once by endBulkLoad() (see ConnectionFilterProxy::beginBulkLoad),
    /// and the timeline is recounted at most every kBulkTimelineMs instead of after every append.
    /// Once a screenful of rows is in, the table is repainted at most that often too: later rows
    /// go below it, and a repaint after each of a load's ~100 slices cost most of its UI time.
    void beginBulkLoad();
    void endBulkLoad();
    /// The first half of ending a bulk load, for a turn of its own: the sort's ranks
    /// (ConnectionFilterProxy::prepareSort). endBulkLoad() works without it, in one turn.
    void prepareBulkLoadEnd();
    static constexpr int kBulkTimelineMs = 100;
    /// Another console's history events and timeline steps for the shown connection are read
    /// again at most this often (a connection whose jobs poll records a step every few seconds).
    static constexpr int kLiveHistoryMs = 150;

    ConnectionTableModel *model() const { return m_model; }
    ConnectionFilterProxy *proxy() const { return m_proxy; }
    ExpiryTimeline *timeline() const { return m_timeline; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    /// The filter's text is applied on the next event-loop turn; true until it has been.
    bool filterPending() const { return m_filterApply && m_filterApply->isActive(); }
    /// The model row of the table's current row, or -1.
    int currentSourceRow() const;
    /// Makes the row of `connectionId` current (clearing filters that hide it); false if absent.
    bool selectConnection(const QString &connectionId);

    /// Null unless built with a Session.
    ConnectionStoreFeed *feed() const { return m_feed; }
    ConnectionActions *actions() const { return m_actions; }
    ConnectionImporter *importer() const { return m_importer; }
    /// Another console's changes and the team store's health (null unless built with a Session).
    ConnectionLiveUpdates *liveUpdates() const { return m_live; }
    ConnectionHistoryView *historyView() const { return m_history; }
    /// The selected connection's timeline (issue 15; fed by Session::timeline()).
    ConnectionTimelineView *timelineView() const { return m_connectionTimeline; }
    ConnectionLinker *linker() const { return m_linker; }
    BulkRefreshBar *bulkRefresh() const { return m_bulk; }
    UnsavedLinksNotice *unsavedNotice() const { return m_unsaved; }
    /// Toolbar actions (null unless built with a Session).
    QAction *linkAction() const { return m_linkAction; }
    QAction *refreshAllAction() const { return m_refreshAll; }
    QAction *refreshSelectedAction() const { return m_refreshSelected; }
    /// The "what to do first" page shown instead of the table while no connection is tracked.
    QWidget *emptyState() const { return m_emptyState; }

public Q_SLOTS:
    /// Opens the widget for a new link (fresh token; loading state until its first step).
    void linkBank();
    /// Opens the widget to reconnect this existing connection (never a fresh link).
    void reconnect(const QString &connectionId);
    /// Refreshes every tracked connection / the selected rows (BulkRefreshBar).
    void refreshAll();
    void refreshSelected();
    /// The escalation bundle's preview for the current row (detail pane, context menu);
    /// nullptr without a row or a session.
    BundlePreviewDialog *openBundle();

Q_SIGNALS:
    void connectionEnteredSevenDayBand(const QString &connectionId);
    /// A reconnect of this existing connection was started (the panel's ConnectionLinker opened
    /// the widget with LinkWidgetSession::startReconnect). Never a fresh link.
    void reconnectRequested(const QString &connectionId);
    /// "Run a walkthrough" was chosen in the empty state (the console shows the Walkthroughs
    /// panel).
    void walkthroughRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void sessionStoreFailed(const QString &why) override;

private:
    void build();
    QWidget *buildFilterBar();
    QWidget *buildTimelineBar();
    QWidget *buildDetailPane();
    void refreshBandIcons();
    void refreshTimeline();
    void holdBulkPaint();
    void allowBulkPaint();
    void showBulkView();
    void updateCount();
    void updateDetail();
    void onDaySelected(const QDate &day);
    QWidget *buildActionBar();
    QWidget *buildStatusRow();
    void buildLive();
    void reloadHistory();
    /// Reads the selected connection's timeline (off this thread; shown when it arrives).
    void reloadTimeline(const QString &connectionId);
    /// Follows the session's current TimelineRecorder (live steps, answers to reloadTimeline).
    void followTimeline();
    void showMessage(const QString &text, bool error);
    QWidget *buildEmptyState();
    void buildLinkAndRefresh(QToolBar *bar);
    void updateLinkState();
    void updateEmptyState();
    void updateReconnectButton();
    QString accountSummaryText(const connections::Connection &c) const;

    std::unique_ptr<Clock> m_ownClock;
    const Clock &m_clock;
    ConnectionTableModel *m_model = nullptr;
    ConnectionFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterApply = nullptr; ///< applies the filter's text on the next turn
    QComboBox *m_bandFilter = nullptr;
    QButtonGroup *m_rangeGroup = nullptr;
    ExpiryTimeline *m_timeline = nullptr;
    QLabel *m_dayFilterLabel = nullptr;
    QToolButton *m_clearDay = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_reveal = nullptr;
    session::Session *m_session = nullptr;
    ConnectionStoreFeed *m_feed = nullptr;
    ConnectionActions *m_actions = nullptr;
    ConnectionImporter *m_importer = nullptr;
    ConnectionLiveUpdates *m_live = nullptr;
    StateBanner *m_storeBanner = nullptr; ///< "Team store unreachable since …" (StoreHealth)
    ConnectionHistoryView *m_history = nullptr;
    ConnectionTimelineView *m_connectionTimeline = nullptr;
    quint64 m_timelineRequest = 0;
    QMetaObject::Connection m_auditFollow; ///< the trail's recorded() → reload the timeline
    QWidget *m_actionBar = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_balanceNote = nullptr;
    NoticeLine *m_message = nullptr;
    QLabel *m_loadingLabel = nullptr;
    QProgressBar *m_loadingBar = nullptr;
    QString m_historyFor;
    ConnectionLinker *m_linker = nullptr;
    BulkRefreshBar *m_bulk = nullptr;
    UnsavedLinksNotice *m_unsaved = nullptr;
    QAction *m_linkAction = nullptr;
    QAction *m_refreshAll = nullptr;
    QAction *m_refreshSelected = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QWidget *m_emptyState = nullptr;
    QPushButton *m_emptyLink = nullptr;
    QPushButton *m_emptyImport = nullptr;
    QPushButton *m_detailReconnect = nullptr;
    QLabel *m_linkLoading = nullptr;
    QProgressBar *m_linkBusy = nullptr;
    QTimer m_expiryTimer;
    QTimer m_timelineTimer;
    QTimer m_bulkTimelineTimer;
    QTimer m_liveHistoryTimer; ///< coalesces another console's changes to the shown history
    int m_bulkDepth = 0;
    bool m_bulkPaintDue = false; ///< bulk load: the table may paint once (see holdBulkPaint())
    bool m_bulkBarDue = false; ///< bulk load: the scroll bar may paint once
};

} // namespace aerodesk::ui
