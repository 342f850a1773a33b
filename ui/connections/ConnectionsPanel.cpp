#include "ui/connections/ConnectionsPanel.h"

#include "core/audit/AuditTrail.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/store/StoreHealth.h"
#include "core/timeline/TimelineRecorder.h"
#include "ui/bundle/BundleLauncher.h"
#include "ui/common/AuditedReveal.h"
#include "ui/common/Icons.h"
#include "ui/common/NoticeLine.h"
#include "ui/common/StateBanner.h"
#include "ui/connections/BulkRefreshBar.h"
#include "ui/connections/ConnectionActions.h"
#include "ui/connections/ConnectionFilterProxy.h"
#include "ui/connections/ConnectionHistoryView.h"
#include "ui/connections/ConnectionImporter.h"
#include "ui/connections/ConnectionLinker.h"
#include "ui/connections/ConnectionLiveUpdates.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionTimelineView.h"
#include "ui/connections/ExpiryBandStyle.h"
#include "ui/connections/ExpiryTimeline.h"
#include "ui/connections/UnsavedLinksNotice.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace aerodesk::ui {

using connections::Connection;
using connections::ExpiryStatus;

namespace {
constexpr int kExpiryRefreshMs = 60 * 1000;
constexpr int kTimelineHorizonDays = 90; // counts cover the longest range, so toggling is free
constexpr int kHistoryRows = 200; // the newest events of one connection
constexpr int kTimelineRows = 5000; // the newest steps of one connection's timeline
} // namespace

ConnectionsPanel::ConnectionsPanel(QWidget *parent)
    : SessionPanel(nullptr, parent)
    , m_ownClock(std::make_unique<SystemClock>())
    , m_clock(*m_ownClock)
{
    build();
}

ConnectionsPanel::ConnectionsPanel(const Clock &clock, QWidget *parent)
    : SessionPanel(nullptr, parent)
    , m_clock(clock)
{
    build();
}

ConnectionsPanel::ConnectionsPanel(session::Session &session, QWidget *parent)
    : SessionPanel(&session, parent)
    , m_clock(session.clock())
    , m_session(&session)
{
    build();
}

ConnectionsPanel::~ConnectionsPanel()
{
    // The feed, actions and importer refer to the model and widgets: they go first.
    delete m_importer;
    delete m_actions;
    delete m_feed;
    // QWidget's destructor hides the children after this part of the object is gone; the
    // table's scroll bars then move (and the proxy may still signal): no slot of this panel may
    // run on what is left (UBSan: a call through a ConnectionsPanel pointer to a QWidget).
    if (m_table) {
        m_table->verticalScrollBar()->disconnect(this);
        m_table->horizontalScrollBar()->disconnect(this);
    }
    if (m_proxy)
        m_proxy->disconnect(this);
}

void ConnectionsPanel::build()
{
    setObjectName(QStringLiteral("connectionsPanel"));
    setAccessibleName(tr("Connections"));

    m_model = new ConnectionTableModel(m_clock, this);
    m_proxy = new ConnectionFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *title = new QLabel(tr("Connections"), this);
    title->setObjectName(QStringLiteral("panelTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("connectionCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_count);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("connectionsTable"));
    m_table->setAccessibleName(tr("Connections"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ConnectionTableModel::DaysLeftColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows can be selected for "Refresh selected"; the detail pane follows the current one.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setIconSize(QSize(16, 16));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setAccessibleName(tr("Rows"));
    m_table->horizontalHeader()->setAccessibleName(tr("Columns; click to sort"));
    m_table->setCornerButtonEnabled(false); // Ctrl+A selects all; no corner button to explain
    for (auto *corner : m_table->findChildren<QAbstractButton *>())
        corner->setAccessibleName(tr("Select all"));
    // Fixed row heights and no content-based column sizing: nothing scans 100,000 rows to lay out.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Widths from the font, never narrower than the (translated) header title with its sort
    // indicator; the bank column fits a typical test-bank name. A longer name is elided; its
    // cell's tooltip has it in full. At 1280×800 every header and such a name fit (tested).
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = { 15, 10, 10, 10, 9, 7, 9 };
    const int typicalBank =
        fontMetrics().horizontalAdvance(QStringLiteral("Aerosync Bank (Security Question)")) +
        2 * em;
    QHeaderView *columns = m_table->horizontalHeader();
    for (int column = 0; column < ConnectionTableModel::ColumnCount; ++column) {
        int width = std::max(widths[column] * em, columns->sectionSizeHint(column) + em);
        if (column == ConnectionTableModel::BankColumn)
            width = std::max(width, typicalBank);
        m_table->setColumnWidth(column, width);
    }

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("connectionsSplitter"));
    m_tableStack = new QStackedWidget(this);
    m_tableStack->setObjectName(QStringLiteral("connectionsTableStack"));
    m_tableStack->addWidget(m_table);
    splitter->addWidget(m_tableStack);
    splitter->addWidget(buildDetailPane());
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    if (m_session) {
        m_actionBar = buildActionBar();
        layout->addWidget(m_actionBar);
    }
    layout->addWidget(buildFilterBar());
    layout->addWidget(buildTimelineBar());
    layout->addWidget(m_timeline);
    if (m_session) {
        layout->addWidget(buildStatusRow());
        m_unsaved = new UnsavedLinksNotice(*m_session, this);
        layout->addWidget(m_unsaved);
        m_bulk = new BulkRefreshBar(*m_session, this);
        layout->addWidget(m_bulk);
    }
    layout->addWidget(splitter, 1);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WindowShortcut); // only while this panel is the visible one
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ConnectionsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ConnectionsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ConnectionsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ConnectionsPanel::updateCount);
    connect(m_proxy, &ConnectionFilterProxy::filtersChanged, this, &ConnectionsPanel::updateCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConnectionsPanel::updateDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ConnectionsPanel::updateDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectionsPanel::updateDetail);
    connect(m_model, &ConnectionTableModel::connectionEnteredSevenDayBand, this,
            &ConnectionsPanel::connectionEnteredSevenDayBand);

    // Edits made straight on the model (not through this panel's API) reach the timeline too.
    m_timelineTimer.setSingleShot(true);
    m_timelineTimer.setInterval(0);
    connect(&m_timelineTimer, &QTimer::timeout, this, &ConnectionsPanel::refreshTimeline);
    m_bulkTimelineTimer.setSingleShot(true);
    m_bulkTimelineTimer.setInterval(kBulkTimelineMs);
    connect(&m_bulkTimelineTimer, &QTimer::timeout, this, &ConnectionsPanel::refreshTimeline);
    connect(&m_bulkTimelineTimer, &QTimer::timeout, this, &ConnectionsPanel::allowBulkPaint);
    m_table->viewport()->installEventFilter(this);
    m_table->verticalScrollBar()->installEventFilter(this);
    // While a bulk load holds the table's paints, anything that changes what the table shows
    // paints it at once: the user scrolling, a filter or sort, rows arriving where they are seen.
    for (QScrollBar *bar : { m_table->verticalScrollBar(), m_table->horizontalScrollBar() })
        connect(bar, &QScrollBar::valueChanged, this, &ConnectionsPanel::showBulkView);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ConnectionsPanel::showBulkView);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ConnectionsPanel::showBulkView);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ConnectionsPanel::showBulkView);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ConnectionsPanel::showBulkView);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int) {
                const int lastShown = m_table->rowAt(m_table->viewport()->height() - 1);
                if (lastShown < 0 || first <= lastShown)
                    showBulkView();
            });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_model, signal, &m_timelineTimer, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::modelReset, &m_timelineTimer,
            qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::dataChanged, &m_timelineTimer,
            qOverload<>(&QTimer::start));

    m_expiryTimer.setInterval(kExpiryRefreshMs);
    connect(&m_expiryTimer, &QTimer::timeout, this, &ConnectionsPanel::refreshExpiry);
    m_expiryTimer.start();

    refreshTimeline();
    updateCount();
    updateDetail();
    if (m_session)
        buildLive();
}

QWidget *ConnectionsPanel::buildFilterBar()
{
    auto *bar = new QWidget(this);
    m_filter = new QLineEdit(bar);
    m_filter->setObjectName(QStringLiteral("connectionFilter"));
    m_filter->setAccessibleName(tr("Filter connections"));
    m_filter->setPlaceholderText(
        tr("Filter by bank, status, band or id — a full id finds its row (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    for (auto *button : m_filter->findChildren<QAbstractButton *>())
        button->setAccessibleName(tr("Clear filter"));
    // A key only edits the text; the filter runs on the next event-loop turn (a 0 ms timer),
    // so the typed character is painted first and keys that arrive together filter once.
    m_filterApply = new QTimer(this);
    m_filterApply->setSingleShot(true);
    m_filterApply->setInterval(0);
    connect(m_filter, &QLineEdit::textChanged, m_filterApply, qOverload<>(&QTimer::start));
    connect(m_filterApply, &QTimer::timeout, this,
            [this] { m_proxy->setFilterText(m_filter->text()); });
    auto *clear = new QShortcut(QKeySequence(Qt::Key_Escape), m_filter);
    clear->setContext(Qt::WidgetShortcut);
    connect(clear, &QShortcut::activated, m_filter, &QLineEdit::clear);

    m_bandFilter = new QComboBox(bar);
    m_bandFilter->setObjectName(QStringLiteral("bandFilter"));
    m_bandFilter->setAccessibleName(tr("Expiry band filter"));
    m_bandFilter->addItem(tr("All expiry bands"), -1);
    for (ExpiryStatus band : ExpiryBandStyle::bands())
        m_bandFilter->addItem(ExpiryBandStyle::description(band), static_cast<int>(band));
    refreshBandIcons();
    connect(m_bandFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        const int value = m_bandFilter->itemData(index).toInt();
        m_proxy->setBandFilter(value < 0 ? std::nullopt
                                         : std::optional(static_cast<ExpiryStatus>(value)));
    });

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter, 1);
    layout->addWidget(m_bandFilter);
    return bar;
}

QWidget *ConnectionsPanel::buildTimelineBar()
{
    auto *bar = new QWidget(this);
    m_timeline = new ExpiryTimeline(this);
    connect(m_timeline, &ExpiryTimeline::daySelected, this, &ConnectionsPanel::onDaySelected);

    auto *label = new QLabel(tr("Expiry timeline:"), bar);
    m_rangeGroup = new QButtonGroup(bar);
    m_rangeGroup->setExclusive(true);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    for (int days : { 30, 90 }) {
        auto *button = new QToolButton(bar);
        button->setObjectName(QStringLiteral("timelineRange%1").arg(days));
        button->setText(tr("%1 days").arg(days));
        button->setAccessibleName(tr("Show the next %1 days").arg(days));
        button->setCheckable(true);
        button->setChecked(days == m_timeline->rangeDays());
        m_rangeGroup->addButton(button, days);
        layout->addWidget(button);
    }
    connect(m_rangeGroup, &QButtonGroup::idClicked, m_timeline, &ExpiryTimeline::setRangeDays);

    m_dayFilterLabel = new QLabel(bar);
    m_dayFilterLabel->setObjectName(QStringLiteral("dayFilterLabel"));
    m_clearDay = new QToolButton(bar);
    m_clearDay->setObjectName(QStringLiteral("clearDayFilter"));
    m_clearDay->setText(tr("Show all days"));
    m_clearDay->setAccessibleName(tr("Clear the expiry day filter"));
    connect(m_clearDay, &QToolButton::clicked, this,
            [this] { m_timeline->setSelectedDay(QDate()); });
    m_dayFilterLabel->hide();
    m_clearDay->hide();
    layout->addSpacing(12);
    layout->addWidget(m_dayFilterLabel);
    layout->addWidget(m_clearDay);
    layout->addStretch(1);
    return bar;
}

QWidget *ConnectionsPanel::buildDetailPane()
{
    auto *box = new QGroupBox(tr("Details"), this);
    box->setObjectName(QStringLiteral("connectionDetailPane"));
    m_detail = new QLabel(box);
    m_detail->setObjectName(QStringLiteral("connectionDetail"));
    m_detail->setAccessibleName(tr("Connection details"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    m_reveal = new QPushButton(tr("Reveal ids"), box);
    m_reveal->setObjectName(QStringLiteral("revealIds"));
    m_reveal->setAccessibleName(tr("Reveal the connection's ids"));
    m_reveal->setCheckable(true);
    connect(m_reveal, &QPushButton::toggled, this, [this](bool on) {
        const int row = currentSourceRow();
        if (row < 0)
            return;
        audit::AuditTrail *trail = m_session ? m_session->audit() : nullptr;
        if (!on || !trail) {
            m_model->setRevealed(row, on);
            return;
        }
        // Issue 15: a reveal asks its reason and is recorded first (AuditedReveal).
        {
            const QSignalBlocker block(m_reveal);
            m_reveal->setChecked(false);
        }
        const QString id = m_model->connection(row).connectionId;
        const QString masked = ConnectionTableModel::mask(id);
        AuditedReveal::ask(
            this, trail, audit::AuditAction::RevealId, masked,
            tr("the full ids of connection %1").arg(masked),
            [this, id, token = panelToken()] {
                if (!token.alive())
                    return;
                const int current = currentSourceRow();
                if (current < 0 || m_model->connection(current).connectionId != id)
                    return; // the selection moved on: nothing shown
                m_model->setRevealed(current, true);
                const QSignalBlocker block(m_reveal);
                m_reveal->setChecked(true);
                m_reveal->setText(tr("Hide ids"));
            },
            id);
    });

    auto *layout = new QVBoxLayout(box);
    // The facts scroll when the pane is short (a small window, a longer language) instead of
    // being cut off; the history below gets the rest of the height.
    auto *facts = new QWidget(box);
    facts->setObjectName(QStringLiteral("connectionFacts"));
    auto *factsLayout = new QVBoxLayout(facts);
    factsLayout->setContentsMargins(0, 0, 0, 0);
    factsLayout->addWidget(m_detail);
    factsLayout->addWidget(m_reveal, 0, Qt::AlignLeft);
    if (m_session) {
        // Shown for a row in the 7-day or expired band: the renewal is one click from its facts.
        m_detailReconnect = new QPushButton(tr("Reconnect…"), box);
        m_detailReconnect->setObjectName(QStringLiteral("detailReconnect"));
        m_detailReconnect->setAccessibleName(tr("Reconnect this connection"));
        m_detailReconnect->setToolTip(
            tr("Renew this connection through the widget before (or after) it expires — the same "
               "connection, never a new link"));
        m_detailReconnect->hide();
        connect(m_detailReconnect, &QPushButton::clicked, this, [this] {
            const int row = currentSourceRow();
            if (row >= 0)
                reconnect(m_model->connection(row).connectionId);
        });
        factsLayout->addWidget(m_detailReconnect, 0, Qt::AlignLeft);
        auto *bundle = new QPushButton(tr("Escalation bundle…"), box);
        bundle->setObjectName(QStringLiteral("detailBundle"));
        bundle->setAccessibleName(tr("Escalation bundle for this connection"));
        bundle->setToolTip(tr("Preview and save a redacted ZIP of this connection's state, "
                              "history, webhook evidence and log excerpt for an escalation"));
        connect(bundle, &QPushButton::clicked, this, &ConnectionsPanel::openBundle);
        factsLayout->addWidget(bundle, 0, Qt::AlignLeft);
    }
    auto *factsScroll = new QScrollArea(box);
    factsScroll->setObjectName(QStringLiteral("connectionFactsScroll"));
    factsScroll->setAccessibleName(tr("Connection details"));
    factsScroll->setFrameShape(QFrame::NoFrame);
    factsScroll->setWidgetResizable(true);
    factsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    factsScroll->setWidget(facts);
    layout->addWidget(factsScroll);
    if (!m_session) {
        auto *coming =
            new QLabel(tr("The account summary and the connection's history show when the panel "
                          "is connected to the console's session."),
                       box);
        coming->setObjectName(QStringLiteral("detailComing"));
        coming->setWordWrap(true);
        coming->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(coming);
        layout->addStretch(1);
        return box;
    }
    box->setMinimumWidth(24 *
                         fontMetrics().horizontalAdvance(QLatin1Char('M'))); // room for the history
    m_summary = new QLabel(box);
    m_summary->setObjectName(QStringLiteral("accountSummary"));
    m_summary->setAccessibleName(tr("Account summary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_balanceNote = new QLabel(box);
    m_balanceNote->setObjectName(QStringLiteral("balanceUnavailable"));
    m_balanceNote->setAccessibleName(tr("Why the balance cannot be fetched"));
    m_balanceNote->setTextFormat(Qt::PlainText);
    m_balanceNote->setWordWrap(true);
    m_balanceNote->hide();
    auto *historyTitle = new QLabel(tr("History (oldest first)"), box);
    m_history = new ConnectionHistoryView(box);
    historyTitle->setBuddy(m_history);
    factsLayout->addWidget(m_summary);
    factsLayout->addWidget(m_balanceNote);
    layout->addWidget(historyTitle);
    layout->addWidget(m_history, 1);
    auto *timelineTitle =
        new QLabel(tr("Timeline (API calls, jobs, widget, webhooks, staff)"), box);
    timelineTitle->setWordWrap(true); // a narrow detail pane, a long translation
    m_connectionTimeline = new ConnectionTimelineView(box);
    timelineTitle->setBuddy(m_connectionTimeline->table());
    m_connectionTimeline->setPlaceholder(tr("Select a connection to see its timeline."));
    layout->addWidget(timelineTitle);
    layout->addWidget(m_connectionTimeline, 2);
    return box;
}

void ConnectionsPanel::setConnections(std::vector<Connection> connections)
{
    m_model->setConnections(std::move(connections));
    m_timelineTimer.stop();
    refreshTimeline();
}

void ConnectionsPanel::reserveRows(qsizetype total)
{
    m_model->reserveRows(total);
}

void ConnectionsPanel::appendConnections(std::vector<Connection> batch)
{
    m_model->appendConnections(std::move(batch));
    m_timelineTimer.stop();
    if (m_bulkDepth == 0) {
        refreshTimeline();
        return;
    }
    if (!m_bulkTimelineTimer.isActive())
        m_bulkTimelineTimer.start(); // counting 100,000 rows per slice would cost more than it
    holdBulkPaint();
}

void ConnectionsPanel::holdBulkPaint()
{
    // The first screenful is painted at once; after it, rows of a bulk load go below what is
    // shown (sorted at the end), so repainting after every slice shows nothing new — and a
    // table paint (about 9 ms) or a scroll bar paint (about 2 ms) after every 6-ms slice made
    // turns longer than a frame. The scroll bar, whose range grows, is painted every
    // kBulkTimelineMs (allowBulkPaint); the table only when what it shows changes
    // (showBulkView).
    QWidget *viewport = m_table->viewport();
    if (qint64(m_proxy->rowCount()) * m_table->verticalHeader()->defaultSectionSize() <
        viewport->height())
        return;
    if (!m_bulkPaintDue)
        viewport->setUpdatesEnabled(false);
    if (!m_bulkBarDue)
        m_table->verticalScrollBar()->setUpdatesEnabled(false);
}

void ConnectionsPanel::allowBulkPaint()
{
    QScrollBar *bar = m_table->verticalScrollBar();
    if (m_bulkDepth == 0 || bar->updatesEnabled())
        return;
    m_bulkBarDue = true; // until that paint has happened
    bar->setUpdatesEnabled(true); // schedules it
}

void ConnectionsPanel::showBulkView()
{
    QWidget *viewport = m_table->viewport();
    if (m_bulkDepth == 0 || viewport->updatesEnabled())
        return;
    m_bulkPaintDue = true; // until that paint has happened
    viewport->setUpdatesEnabled(true); // schedules it
}

bool ConnectionsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (m_table && watched == m_table->viewport()) {
        if (event->type() == QEvent::Paint)
            m_bulkPaintDue = false;
        else if (event->type() == QEvent::Resize)
            showBulkView();
    } else if (m_table && watched == m_table->verticalScrollBar() &&
               event->type() == QEvent::Paint) {
        m_bulkBarDue = false;
    }
    return SessionPanel::eventFilter(watched, event);
}

void ConnectionsPanel::beginBulkLoad()
{
    if (m_bulkDepth++ == 0)
        m_proxy->beginBulkLoad();
}

void ConnectionsPanel::prepareBulkLoadEnd()
{
    m_proxy->prepareSort();
}

void ConnectionsPanel::endBulkLoad()
{
    if (m_bulkDepth == 0 || --m_bulkDepth > 0)
        return;
    m_proxy->endBulkLoad();
    m_bulkPaintDue = false;
    m_bulkBarDue = false;
    m_table->viewport()->setUpdatesEnabled(true); // the sorted table, painted once
    m_table->verticalScrollBar()->setUpdatesEnabled(true);
    m_bulkTimelineTimer.stop();
    m_timelineTimer.stop();
    refreshTimeline();
}

void ConnectionsPanel::upsertConnection(const Connection &connection)
{
    m_model->upsertConnection(connection);
    m_timelineTimer.stop();
    refreshTimeline();
}

bool ConnectionsPanel::removeConnection(const QString &connectionId)
{
    const bool removed = m_model->removeConnection(connectionId);
    m_timelineTimer.stop();
    refreshTimeline();
    return removed;
}

void ConnectionsPanel::refreshExpiry()
{
    m_model->refreshExpiry();
    m_timelineTimer.stop();
    refreshTimeline();
}

void ConnectionsPanel::refreshTimeline()
{
    const QDate today = m_clock.nowUtc().date();
    m_timeline->setToday(today);
    m_timeline->setCounts(
        m_model->expiryCountsByDay(today, today.addDays(kTimelineHorizonDays - 1)));
}

int ConnectionsPanel::currentSourceRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void ConnectionsPanel::onDaySelected(const QDate &day)
{
    m_proxy->setExpiryDay(day);
    m_dayFilterLabel->setText(
        day.isValid() ? tr("Expiring on %1 (UTC)").arg(day.toString(Qt::ISODate)) : QString());
    m_dayFilterLabel->setVisible(day.isValid());
    m_clearDay->setVisible(day.isValid());
}

void ConnectionsPanel::updateCount()
{
    updateEmptyState();
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (total == 0)
        m_count->setText(tr("No connections loaded yet"));
    else if (shown == total)
        m_count->setText(tr("%n connection(s)", nullptr, total));
    else
        m_count->setText(tr("Showing %1 of %n connection(s)", nullptr, total).arg(shown));
    m_count->setAccessibleName(m_count->text());
}

void ConnectionsPanel::updateDetail()
{
    const int row = currentSourceRow();
    m_reveal->setEnabled(row >= 0);
    if (m_actions)
        m_actions->updateState();
    updateReconnectButton();
    if (m_refreshSelected)
        updateLinkState();
    if (row < 0) {
        m_detail->setText(tr("Select a connection to see its details."));
        const QSignalBlocker block(m_reveal);
        m_reveal->setChecked(false);
        if (m_session) {
            m_summary->clear();
            m_balanceNote->hide();
            if (!m_historyFor.isEmpty() || m_history->count() == 0) {
                m_historyFor.clear();
                m_history->setPlaceholder(tr("Select a connection to see its history."));
                m_timelineRequest = 0;
                m_connectionTimeline->setPlaceholder(
                    tr("Select a connection to see its timeline."));
            }
        }
        return;
    }
    using M = ConnectionTableModel;
    const Connection &c = m_model->connection(row);
    const QString lastRefresh = c.lastRefresh.isValid()
        ? c.lastRefresh.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
        : tr("never");
    QStringList lines;
    lines
        << tr("Bank: %1").arg(m_model->displayText(row, M::BankColumn))
        << tr("Connection ID: %1").arg(m_model->displayText(row, M::ConnectionIdColumn))
        << tr("AeroPass user: %1").arg(m_model->displayText(row, M::AeroPassUserUuidColumn))
        << tr("Status: %1").arg(m_model->displayText(row, M::StatusColumn))
        << tr("Expires: %1 — %2")
               .arg(
                   m_model->index(row, M::ExpiryDateColumn).data(Qt::AccessibleTextRole).toString(),
                   ExpiryBandStyle::description(m_model->expiry(row).status))
        << tr("Last refresh: %1").arg(lastRefresh);
    if (m_live && m_live->health() && c.version > 0) // a team store: which version is shown
        lines << tr("Version: %1").arg(c.version);
    m_detail->setText(lines.join(QLatin1Char('\n')));
    const QSignalBlocker block(m_reveal);
    m_reveal->setChecked(m_model->isRevealed(row));
    m_reveal->setText(m_reveal->isChecked() ? tr("Hide ids") : tr("Reveal ids"));
    if (!m_session)
        return;
    m_summary->setText(accountSummaryText(c));
    const QString why = ConnectionActions::balanceUnavailableReason(c.accountSummary);
    m_balanceNote->setText(why);
    m_balanceNote->setVisible(!why.isEmpty());
    if (m_historyFor != m_model->normalizedId(c.connectionId))
        reloadHistory();
}

QString ConnectionsPanel::accountSummaryText(const Connection &c) const
{
    const QJsonObject &a = c.accountSummary;
    if (a.isEmpty())
        return tr("Account summary: not read yet — use Refresh details (F5).");
    // Only the last four digits of an account or routing number are ever shown.
    auto lastFour = [](const QString &number) {
        const QString digits = number.trimmed();
        return digits.size() > 4 ? QStringLiteral("••••") + digits.right(4)
                                 : QStringLiteral("••••");
    };
    QStringList lines;
    lines << tr("Account summary");
    const QString nickname = a.value(QStringLiteral("accountNickname")).toString();
    const QString type = a.value(QStringLiteral("accountType")).toString();
    if (!nickname.isEmpty() || !type.isEmpty())
        lines << tr("Account: %1")
                     .arg(QStringList { nickname, type }
                              .filter(QRegularExpression(QStringLiteral("\\S")))
                              .join(QStringLiteral(" · ")));
    const QString number = a.value(QStringLiteral("accountNumber")).toString();
    if (!number.isEmpty())
        lines << tr("Account number: %1").arg(lastFour(number));
    const QString routing = a.value(QStringLiteral("routingNumber")).toString();
    if (!routing.isEmpty())
        lines << tr("Routing number: %1").arg(lastFour(routing));
    const QString institution = a.value(QStringLiteral("institutionName")).toString();
    if (!institution.isEmpty())
        lines << tr("Institution: %1").arg(institution);
    const QJsonValue can = a.value(QStringLiteral("canFetchBalance"));
    if (!can.isUndefined())
        lines << tr("Balance: %1")
                     .arg(ConnectionActions::balanceUnavailableReason(a).isEmpty()
                              ? tr("can be fetched")
                              : tr("cannot be fetched"));
    return lines.join(QLatin1Char('\n'));
}

void ConnectionsPanel::reloadHistory()
{
    if (!m_session)
        return;
    const int row = currentSourceRow();
    if (row < 0)
        return;
    const QString id = m_model->connection(row).connectionId;
    m_historyFor = m_model->normalizedId(id);
    reloadTimeline(id);
    store::Store *db = m_session->store();
    if (!db) {
        m_history->setPlaceholder(tr("The local store is not open yet."));
        return;
    }
    // One connection's newest events: a few rows decrypted, like the single-row reads of
    // LinkRecorder; the bulk load runs on the StoreLoader's thread.
    auto events = db->history().forConnection(id, kHistoryRows);
    if (!events.ok()) {
        m_history->setPlaceholder(
            events.error().kind == store::StoreError::Kind::NotFound
                ? tr("This connection is not in the local store.")
                : tr("The history could not be read: %1").arg(events.error().message));
        return;
    }
    m_history->setEvents(events.value());
}

void ConnectionsPanel::reloadTimeline(const QString &connectionId)
{
    timeline::TimelineRecorder *recorder = m_session ? m_session->timeline() : nullptr;
    if (!recorder) {
        m_timelineRequest = 0;
        m_connectionTimeline->setPlaceholder(
            tr("The timeline shows once the local store is open."));
        return;
    }
    m_timelineRequest = recorder->load(connectionId, kTimelineRows);
}

void ConnectionsPanel::followTimeline()
{
    timeline::TimelineRecorder *recorder = m_session ? m_session->timeline() : nullptr;
    if (!recorder)
        return;
    connect(recorder, &timeline::TimelineRecorder::loaded, this,
            [this](quint64 request, const QString &, const QList<timeline::TimelineEntry> &steps) {
                if (request == m_timelineRequest)
                    m_connectionTimeline->setEntries(steps);
            });
    connect(recorder, &timeline::TimelineRecorder::recorded, this,
            [this](const QString &connectionId, const timeline::TimelineEntry &step) {
                if (!m_historyFor.isEmpty() && m_model->normalizedId(connectionId) == m_historyFor)
                    m_connectionTimeline->addEntry(step);
            });
    // A staff action on the shown connection (a reveal, an exported bundle) is a step of its
    // timeline through the audit log (AuditTimelineSource): read the timeline again.
    disconnect(m_auditFollow);
    if (audit::AuditTrail *trail = m_session->audit()) {
        m_auditFollow =
            connect(trail, &audit::AuditTrail::recorded, this,
                    [this, trail](const audit::AuditRecord &record) {
                        if (!m_historyFor.isEmpty() && !record.connectionRef.isEmpty() &&
                            record.connectionRef == trail->log().connectionRef(m_historyFor))
                            reloadTimeline(m_historyFor);
                    });
    }
    const int row = currentSourceRow();
    if (row >= 0)
        reloadTimeline(m_model->connection(row).connectionId);
}

bool ConnectionsPanel::selectConnection(const QString &connectionId)
{
    const int row = m_model->rowOf(connectionId);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_filter->clear();
        m_filterApply->stop(); // a program's change applies at once
        m_proxy->setFilterText(QString());
        m_bandFilter->setCurrentIndex(0);
        m_timeline->setSelectedDay(QDate());
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

QWidget *ConnectionsPanel::buildActionBar()
{
    // A tool bar, so that buttons that do not fit (a narrow window, a longer language) move into
    // its » menu instead of widening the whole window.
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("connectionActionBar"));
    bar->setAccessibleName(tr("Connection actions"));
    bar->setMovable(false);
    bar->setFloatable(false);
    if (auto *more = bar->findChild<QAbstractButton *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More actions"));
    return bar; // filled by buildLive() once the actions exist
}

QWidget *ConnectionsPanel::buildStatusRow()
{
    auto *row = new QWidget(this);
    m_loadingLabel = new QLabel(row);
    m_loadingLabel->setObjectName(QStringLiteral("connectionsLoading"));
    m_loadingBar = new QProgressBar(row);
    m_loadingBar->setObjectName(QStringLiteral("connectionsLoadingBar"));
    m_loadingBar->setAccessibleName(tr("Loading connections from the store"));
    m_loadingBar->setMaximumWidth(240);
    m_loadingBar->setTextVisible(false);
    m_loadingLabel->hide();
    m_loadingBar->hide();
    m_linkLoading = new QLabel(tr("Getting a widget token…"), row);
    m_linkLoading->setObjectName(QStringLiteral("linkLoading"));
    m_linkLoading->setAccessibleName(m_linkLoading->text());
    m_linkBusy = new QProgressBar(row);
    m_linkBusy->setObjectName(QStringLiteral("linkBusy"));
    m_linkBusy->setAccessibleName(tr("Opening the widget"));
    m_linkBusy->setRange(0, 0); // busy: no known length
    m_linkBusy->setMaximumWidth(120);
    m_linkBusy->setTextVisible(false);
    m_linkLoading->hide();
    m_linkBusy->hide();
    m_message = new NoticeLine(QStringLiteral("connectionsMessage"), tr("Last action"), row);
    m_message->setKeepsSpaceWhenEmpty(true);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_loadingLabel);
    layout->addWidget(m_loadingBar);
    layout->addWidget(m_linkLoading);
    layout->addWidget(m_linkBusy);
    layout->addWidget(m_message, 1);
    return row;
}

void ConnectionsPanel::buildLive()
{
    m_feed = new ConnectionStoreFeed(*m_session, *this, this);
    m_live = new ConnectionLiveUpdates(*m_session, *this, *m_feed, this);
    m_actions = new ConnectionActions(*m_session, *this, *m_feed, this);
    m_storeBanner =
        new StateBanner(QStringLiteral("storeHealthBanner"), tr("Team store status"), this);
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->insertWidget(1, m_storeBanner);
    const auto showHealth = [this] {
        const store::StoreHealth *health = m_live->health();
        const QString text = health ? health->statusText() : QString();
        m_storeBanner->setState(text);
        m_actions->updateState();
        if (m_importer)
            m_importer->updateState();
        updateLinkState();
        updateReconnectButton();
    };
    connect(m_live, &ConnectionLiveUpdates::healthChanged, this, showHealth);
    m_liveHistoryTimer.setSingleShot(true);
    m_liveHistoryTimer.setInterval(kLiveHistoryMs);
    connect(&m_liveHistoryTimer, &QTimer::timeout, this, &ConnectionsPanel::reloadHistory);
    connect(m_live, &ConnectionLiveUpdates::historyChanged, this, [this](const QString &id) {
        const int row = currentSourceRow();
        if (row >= 0 && m_model->connection(row).connectionId == id &&
            !m_liveHistoryTimer.isActive())
            m_liveHistoryTimer.start();
    });
    m_importer = new ConnectionImporter(*m_session, *this, *m_feed, this);

    m_linker = new ConnectionLinker(*m_session, *this, this);
    auto *bar = static_cast<QToolBar *>(m_actionBar);
    buildLinkAndRefresh(bar);
    for (QAction *action : m_actions->all()) {
        addAction(action); // shortcuts work wherever focus is inside the panel
        auto *button = new QToolButton(m_actionBar);
        button->setDefaultAction(action);
        button->setObjectName(
            action->objectName().replace(QLatin1String("Action"), QLatin1String("Button")));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAccessibleName(action->text().remove(QChar(0x2026)));
        bar->addWidget(button);
        if (action == m_actions->identity())
            bar->addSeparator();
    }
    bar->addSeparator();
    auto *import = new QToolButton(m_actionBar);
    import->setObjectName(QStringLiteral("importButton"));
    import->setText(tr("Import"));
    import->setAccessibleName(tr("Import connections"));
    import->setIcon(
        Icons::themed(QStringLiteral("action-import"), palette().color(QPalette::ButtonText)));
    import->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    import->setPopupMode(QToolButton::InstantPopup);
    import->setMenu(m_importer->menu());
    bar->addWidget(import);
    for (QAction *action : { m_refreshAll, m_refreshSelected }) {
        addAction(action);
        auto *button = new QToolButton(m_actionBar);
        button->setDefaultAction(action);
        button->setObjectName(
            action->objectName().replace(QLatin1String("Action"), QLatin1String("Button")));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAccessibleName(action->text());
        bar->addWidget(button);
    }
    m_tableStack->addWidget(buildEmptyState());
    auto importState = [import](bool available, const QString &why) {
        import->setEnabled(available);
        import->setToolTip(
            available ? tr("Import connections: from the sandbox listing, a file or a pasted id")
                      : tr("Import — unavailable: %1").arg(why));
    };
    connect(m_importer, &ConnectionImporter::availabilityChanged, import, importState);
    importState(m_importer->fromFile()->isEnabled(), tr("the local store is not open yet."));
    addAction(m_importer->pasteId());

    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (index.isValid())
            m_table->setCurrentIndex(index);
        auto *menu = new QMenu(this);
        menu->setObjectName(QStringLiteral("connectionContextMenu"));
        menu->setAccessibleName(tr("Connection actions"));
        menu->setToolTipsVisible(true);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        const QList<QAction *> actions = m_actions->all();
        menu->addActions(actions.mid(0, 4));
        menu->addAction(m_refreshSelected);
        menu->addSeparator();
        menu->addActions(actions.mid(4));
        menu->addSeparator();
        QAction *bundle =
            menu->addAction(tr("Escalation bundle…"), this, &ConnectionsPanel::openBundle);
        bundle->setObjectName(QStringLiteral("escalationBundleAction"));
        bundle->setEnabled(currentSourceRow() >= 0);
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });

    connect(m_actions, &ConnectionActions::reconnectRequested, this, &ConnectionsPanel::reconnect);
    connect(m_actions, &ConnectionActions::message, this, &ConnectionsPanel::showMessage);
    connect(m_importer, &ConnectionImporter::message, this, &ConnectionsPanel::showMessage);
    connect(m_feed, &ConnectionStoreFeed::historyChanged, this, [this](const QString &id) {
        const int row = currentSourceRow();
        if (row >= 0 &&
            m_model->normalizedId(m_model->connection(row).connectionId) ==
                m_model->normalizedId(id))
            reloadHistory();
    });
    connect(m_feed, &ConnectionStoreFeed::jobRecorded, this, [this](const jobs::JobResult &r) {
        QString type = api::jobTypeName(r.type);
        type[0] = type.at(0).toUpper();
        showMessage(tr("%1 job on %2: %3 — %4")
                        .arg(type, ConnectionTableModel::mask(r.connectionId),
                             jobs::jobOutcomeName(r.outcome), r.message),
                    r.outcome != jobs::JobOutcome::Completed);
    });
    auto showLoading = [this](qint64 delivered, qint64 expected) {
        m_loadingLabel->setText(
            tr("Loading %L1 connection(s)…", nullptr, int(expected)).arg(expected));
        m_loadingLabel->setAccessibleName(m_loadingLabel->text());
        m_loadingBar->setRange(0, int(std::max<qint64>(expected, 1)));
        m_loadingBar->setValue(int(std::min(delivered, expected)));
        m_loadingLabel->show();
        m_loadingBar->show();
    };
    connect(m_feed, &ConnectionStoreFeed::loadingStarted, this,
            [showLoading](qint64 expected) { showLoading(0, expected); });
    connect(m_feed, &ConnectionStoreFeed::loadingProgress, this, showLoading);
    connect(m_feed, &ConnectionStoreFeed::loadingFinished, this, [this](qint64) {
        m_loadingLabel->hide();
        m_loadingBar->hide();
        updateDetail();
        updateEmptyState();
    });
    connect(m_feed, &ConnectionStoreFeed::loadingFailed, this, [this](const QString &why) {
        m_loadingLabel->hide();
        m_loadingBar->hide();
        showMessage(tr("The connections could not be loaded from the store: %1").arg(why), true);
    });
    if (m_feed->isLoading())
        showLoading(0, m_feed->expected());
    if (!m_session->store() && !m_session->lastError().isEmpty())
        showMessage(m_session->lastError(), true);
    for (auto signal : { &session::Session::environmentChanged, &session::Session::storeChanged })
        connect(m_session, signal, this, &ConnectionsPanel::updateLinkState);
    connect(m_session, &session::Session::environmentFailed, this,
            &ConnectionsPanel::updateLinkState);
    connect(m_session, &session::Session::timelineChanged, this, &ConnectionsPanel::followTimeline);
    followTimeline();
    connect(m_importer, &ConnectionImporter::availabilityChanged, this,
            &ConnectionsPanel::updateLinkState);
    updateDetail();
    updateLinkState();
    updateEmptyState();
}

void ConnectionsPanel::buildLinkAndRefresh(QToolBar *bar)
{
    const QColor ink = palette().color(QPalette::ButtonText);
    m_linkAction = new QAction(tr("Link a bank…"), this);
    m_linkAction->setObjectName(QStringLiteral("linkBankAction"));
    m_linkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_linkAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_linkAction->setStatusTip(
        tr("Link a new bank connection through the Aerosync widget (a fresh widget token)"));
    m_linkAction->setIcon(Icons::themed(QStringLiteral("action-reconnect"), ink));
    addAction(m_linkAction);
    connect(m_linkAction, &QAction::triggered, this, &ConnectionsPanel::linkBank);
    auto *link = new QToolButton(bar);
    link->setDefaultAction(m_linkAction);
    link->setObjectName(QStringLiteral("linkBankButton"));
    link->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    link->setAccessibleName(tr("Link a bank"));
    bar->addWidget(link);
    bar->addSeparator();

    m_refreshAll = new QAction(tr("Refresh all"), this);
    m_refreshAll->setObjectName(QStringLiteral("refreshAllAction"));
    m_refreshAll->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_refreshAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAll->setStatusTip(tr("Read every tracked connection again (GET /accounts, a few at a "
                                  "time): bank, status and expiry"));
    m_refreshAll->setIcon(Icons::themed(QStringLiteral("action-refresh"), ink));
    m_refreshSelected = new QAction(tr("Refresh selected"), this);
    m_refreshSelected->setObjectName(QStringLiteral("refreshSelectedAction"));
    m_refreshSelected->setStatusTip(tr("Read the selected connections again (GET /accounts)"));
    m_refreshSelected->setIcon(Icons::themed(QStringLiteral("action-refresh"), ink));
    connect(m_refreshAll, &QAction::triggered, this, &ConnectionsPanel::refreshAll);
    connect(m_refreshSelected, &QAction::triggered, this, &ConnectionsPanel::refreshSelected);

    connect(m_linker, &ConnectionLinker::openingChanged, this, &ConnectionsPanel::updateLinkState);
    connect(m_linker, &ConnectionLinker::message, this, &ConnectionsPanel::showMessage);
    connect(m_bulk, &BulkRefreshBar::runningChanged, this, &ConnectionsPanel::updateLinkState);
    connect(m_bulk, &BulkRefreshBar::outcome, this,
            [this](const connections::RefreshOutcome &outcome) {
                using S = connections::RefreshOutcome::Status;
                if (outcome.status == S::Cancelled)
                    return;
                if (outcome.ok())
                    m_feed->refreshRow(outcome.connectionId);
                m_model->setRefreshOutcome(outcome.connectionId, outcome.ok(), outcome.message);
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConnectionsPanel::updateLinkState);
}

QWidget *ConnectionsPanel::buildEmptyState()
{
    m_emptyState = new QWidget(this);
    m_emptyState->setObjectName(QStringLiteral("connectionsEmptyState"));
    m_emptyState->setAccessibleName(tr("No connections yet: what to do first"));
    auto *title = new QLabel(tr("No connections are tracked yet"), m_emptyState);
    title->setObjectName(QStringLiteral("emptyStateTitle"));
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    title->setFont(bold);
    title->setWordWrap(true);
    auto *text = new QLabel(
        tr("Start with one of these:\n"
           "• Import the sandbox's connections — every connection the built-in sandbox knows, "
           "with its bank and expiry.\n"
           "• Link a bank — run the Aerosync widget and track the new connection.\n"
           "• Run a walkthrough — a guided tour of the test banks, step by step."),
        m_emptyState);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    m_emptyImport = new QPushButton(tr("Import the sandbox's connections"), m_emptyState);
    m_emptyImport->setObjectName(QStringLiteral("emptyImportSandbox"));
    m_emptyImport->setAccessibleName(tr("Import the sandbox's connections"));
    connect(m_emptyImport, &QPushButton::clicked, m_importer->fromSandbox(), &QAction::trigger);
    m_emptyLink = new QPushButton(tr("Link a bank…"), m_emptyState);
    m_emptyLink->setObjectName(QStringLiteral("emptyLinkBank"));
    m_emptyLink->setAccessibleName(tr("Link a bank"));
    connect(m_emptyLink, &QPushButton::clicked, this, &ConnectionsPanel::linkBank);
    auto *walkthrough = new QPushButton(tr("Run a walkthrough"), m_emptyState);
    walkthrough->setObjectName(QStringLiteral("emptyRunWalkthrough"));
    walkthrough->setAccessibleName(tr("Run a walkthrough"));
    walkthrough->setToolTip(tr("Open the Walkthroughs panel"));
    connect(walkthrough, &QPushButton::clicked, this, &ConnectionsPanel::walkthroughRequested);
    // One above the other: a longer language never makes the panel wider than the window.
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_emptyImport, 0, Qt::AlignLeft);
    buttons->addWidget(m_emptyLink, 0, Qt::AlignLeft);
    buttons->addWidget(walkthrough, 0, Qt::AlignLeft);
    auto *layout = new QVBoxLayout(m_emptyState);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return m_emptyState;
}

void ConnectionsPanel::updateEmptyState()
{
    if (!m_emptyState)
        return;
    const bool empty = m_model->rowCount() == 0 && !m_feed->isLoading() && m_session->store();
    m_tableStack->setCurrentWidget(empty ? m_emptyState : static_cast<QWidget *>(m_table));
    updateLinkState();
}

void ConnectionsPanel::updateLinkState()
{
    if (!m_linker || !m_refreshAll)
        return;
    const bool opening = m_linker->isOpening();
    // Offline first (a team store that cannot be reached): every action here writes to it.
    const QString offline = m_live ? m_live->writeRefusal() : QString();
    const QString linkBlocked = offline.isEmpty() ? m_linker->blockedBecause() : offline;
    m_linkAction->setEnabled(linkBlocked.isEmpty());
    m_linkAction->setText(opening ? tr("Getting a widget token…") : tr("Link a bank…"));
    m_linkAction->setToolTip(linkBlocked.isEmpty()
                                 ? m_linkAction->statusTip()
                                 : tr("Link a bank — unavailable: %1").arg(linkBlocked));
    m_linkLoading->setVisible(opening);
    m_linkBusy->setVisible(opening);
    if (m_emptyLink) {
        m_emptyLink->setEnabled(m_linkAction->isEnabled());
        m_emptyLink->setText(m_linkAction->text());
        m_emptyLink->setToolTip(m_linkAction->toolTip());
        m_emptyImport->setEnabled(m_importer->fromSandbox()->isEnabled());
        m_emptyImport->setToolTip(m_importer->fromSandbox()->toolTip());
    }
    QString bulkBlocked = offline.isEmpty() ? m_bulk->blockedBecause() : offline;
    QString all = bulkBlocked;
    if (all.isEmpty() && m_model->rowCount() == 0)
        all = tr("no connection is tracked yet.");
    m_refreshAll->setEnabled(all.isEmpty());
    m_refreshAll->setToolTip(all.isEmpty() ? m_refreshAll->statusTip()
                                           : tr("Refresh all — unavailable: %1").arg(all));
    if (bulkBlocked.isEmpty() && !m_table->selectionModel()->hasSelection())
        bulkBlocked = tr("select one or more connections in the table first.");
    m_refreshSelected->setEnabled(bulkBlocked.isEmpty());
    m_refreshSelected->setToolTip(bulkBlocked.isEmpty()
                                      ? m_refreshSelected->statusTip()
                                      : tr("Refresh selected — unavailable: %1").arg(bulkBlocked));
}

void ConnectionsPanel::updateReconnectButton()
{
    if (!m_detailReconnect)
        return;
    const int row = currentSourceRow();
    const ExpiryStatus band = row >= 0 ? m_model->expiry(row).status : ExpiryStatus::Unknown;
    const bool needed = band == ExpiryStatus::Within7Days || band == ExpiryStatus::Expired;
    m_detailReconnect->setVisible(needed);
    QString blocked = m_live ? m_live->writeRefusal() : QString();
    if (blocked.isEmpty() && m_linker)
        blocked = m_linker->blockedBecause();
    m_detailReconnect->setEnabled(needed && blocked.isEmpty());
    m_detailReconnect->setText(band == ExpiryStatus::Expired ? tr("Reconnect (expired)…")
                                                             : tr("Reconnect before it expires…"));
}

void ConnectionsPanel::linkBank()
{
    if (m_linker)
        m_linker->linkBank();
}

void ConnectionsPanel::reconnect(const QString &connectionId)
{
    if (!m_linker || connectionId.isEmpty())
        return;
    const QString blocked = m_linker->blockedBecause();
    if (!blocked.isEmpty()) {
        showMessage(tr("Reconnect is unavailable: %1").arg(blocked), true);
        return;
    }
    m_linker->reconnect(connectionId);
    if (audit::AuditTrail *trail = m_session ? m_session->audit() : nullptr)
        trail->record(audit::AuditAction::Reconnect, ConnectionTableModel::mask(connectionId),
                      audit::AuditOutcome::Ok, {}, connectionId);
    Q_EMIT reconnectRequested(connectionId);
}

void ConnectionsPanel::refreshAll()
{
    QStringList ids;
    ids.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.append(m_model->connection(row).connectionId);
    m_bulk->start(ids);
}

void ConnectionsPanel::refreshSelected()
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.append(m_model->connection(m_proxy->mapToSource(index).row()).connectionId);
    m_bulk->start(ids);
}

void ConnectionsPanel::showMessage(const QString &text, bool error)
{
    m_message->setNotice(error ? NoticeLine::Kind::Error : NoticeLine::Kind::Info, text);
}

void ConnectionsPanel::sessionStoreFailed(const QString &why)
{
    if (m_message)
        showMessage(tr("The local store could not be opened: %1").arg(why), true);
}

void ConnectionsPanel::refreshBandIcons()
{
    for (int i = 1; i < m_bandFilter->count(); ++i) {
        const auto band = static_cast<ExpiryStatus>(m_bandFilter->itemData(i).toInt());
        m_bandFilter->setItemIcon(i, ExpiryBandStyle::icon(band, palette()));
    }
}

void ConnectionsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::ApplicationPaletteChange) {
        refreshBandIcons();
        if (m_actions) {
            m_actions->refreshIcons();
            if (auto *import = findChild<QToolButton *>(QStringLiteral("importButton")))
                import->setIcon(Icons::themed(QStringLiteral("action-import"),
                                              palette().color(QPalette::ButtonText)));
        }
    }
}

BundlePreviewDialog *ConnectionsPanel::openBundle()
{
    const int row = currentSourceRow();
    if (row < 0 || !m_session)
        return nullptr;
    return BundleLauncher::openForConnection(*m_session, m_model->connection(row), this);
}

} // namespace aerodesk::ui
