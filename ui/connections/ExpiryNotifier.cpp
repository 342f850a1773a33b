#include "ui/connections/ExpiryNotifier.h"

#include "ui/common/Icons.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"

#include <QAction>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolButton>

namespace aerodesk::ui {

ExpiryNotifier::ExpiryNotifier(QStatusBar *fallback, QObject *parent)
    : QObject(parent)
    , m_fallback(fallback)
{
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        m_tray = new QSystemTrayIcon(Icons::appIcon(), this);
        m_tray->setToolTip(tr("AeroDesk"));
        m_tray->show();
    }
    // Gather the entries of one event-loop pass (a refreshExpiry over many rows) into one message.
    m_gather.setSingleShot(true);
    m_gather.setInterval(0);
    connect(&m_gather, &QTimer::timeout, this, &ExpiryNotifier::flush);

    m_reconnect = new QAction(tr("Reconnect…"), this);
    m_reconnect->setObjectName(QStringLiteral("expiryReconnectAction"));
    m_reconnect->setToolTip(tr("Renew the connection of this notice through the widget"));
    m_reconnect->setEnabled(false);
    connect(m_reconnect, &QAction::triggered, this, &ExpiryNotifier::reconnectLast);
    if (m_tray)
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &ExpiryNotifier::reconnectLast);
    if (m_fallback) {
        m_reconnectButton = new QToolButton(m_fallback);
        m_reconnectButton->setObjectName(QStringLiteral("expiryReconnect"));
        m_reconnectButton->setDefaultAction(m_reconnect);
        m_reconnectButton->setAccessibleName(tr("Reconnect the expiring connection"));
        m_fallback->addWidget(m_reconnectButton);
        m_reconnectButton->hide();
        // The button goes with the message it belongs to.
        connect(m_fallback, &QStatusBar::messageChanged, m_reconnectButton,
                [this](const QString &text) {
                    if (text.isEmpty() && m_reconnectButton)
                        m_reconnectButton->hide();
                });
    }
}

ExpiryNotifier::~ExpiryNotifier() = default;

void ExpiryNotifier::watch(ConnectionsPanel *panel)
{
    m_panel = panel;
    connect(panel, &ConnectionsPanel::connectionEnteredSevenDayBand, this,
            &ExpiryNotifier::connectionEnteredSevenDayBand);
    if (ConnectionStoreFeed *feed = panel->feed())
        connect(feed, &ConnectionStoreFeed::loadingFinished, this,
                &ExpiryNotifier::summariseFirstLoad);
}

void ExpiryNotifier::summariseFirstLoad()
{
    if (m_summarised || !m_panel)
        return;
    m_summarised = true;
    const ConnectionTableModel *model = m_panel->model();
    int within = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        within += model->expiry(row).status == connections::ExpiryStatus::Within7Days ? 1 : 0;
    if (within == 0)
        return;
    deliver(tr("%n connection(s) expire within 7 days", nullptr, within),
            tr("%n tracked connection(s) expire within 7 days. Filter the Connections panel by \"≤ "
               "7 days\" to see them.",
               nullptr, within));
}

void ExpiryNotifier::connectionEnteredSevenDayBand(const QString &connectionId)
{
    if (!m_pending.contains(connectionId))
        m_pending.append(connectionId);
    m_gather.start();
}

void ExpiryNotifier::flush()
{
    if (m_pending.isEmpty())
        return;
    const QStringList ids = std::exchange(m_pending, {});
    QString title;
    QString text;
    if (ids.size() == 1) {
        QString bank;
        QString days;
        if (m_panel) {
            const ConnectionTableModel *model = m_panel->model();
            if (const int row = model->rowOf(ids.first()); row >= 0) {
                bank = model->connection(row).bankName;
                days = model->displayText(row, ConnectionTableModel::DaysLeftColumn);
            }
        }
        title = tr("A connection expires within 7 days");
        text = tr("%1%2 expires in %3 day(s). Reconnect it before it expires (Reconnect…).")
                   .arg(bank.isEmpty() ? QString() : bank + QStringLiteral(" — "),
                        ConnectionTableModel::mask(ids.first()),
                        days.isEmpty() ? QStringLiteral("≤ 7") : days);
    } else {
        title = tr("%n connection(s) expire within 7 days", nullptr, int(ids.size()));
        text = tr("%n connection(s) entered the 7-day band. Filter the Connections panel by \"≤ 7 "
                  "days\" to see them.",
                  nullptr, int(ids.size()));
    }
    deliver(title, text, ids.size() == 1 ? ids.first() : QString());
}

void ExpiryNotifier::deliver(const QString &title, const QString &text, const QString &connectionId)
{
    m_lastTitle = title;
    m_lastMessage = text;
    m_reconnectId = connectionId;
    m_reconnect->setEnabled(!connectionId.isEmpty() && m_panel);
    if (m_reconnectButton)
        m_reconnectButton->setVisible(m_reconnect->isEnabled() && !m_tray);
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning);
    else if (m_fallback)
        m_fallback->showMessage(title + QStringLiteral(": ") + text, kStatusMessageMs);
    Q_EMIT notified(title, text);
}

void ExpiryNotifier::reconnectLast()
{
    if (m_reconnectId.isEmpty() || !m_panel)
        return;
    m_panel->selectConnection(m_reconnectId);
    m_panel->reconnect(m_reconnectId);
}

} // namespace aerodesk::ui
