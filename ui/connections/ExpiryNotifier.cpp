#include "ui/connections/ExpiryNotifier.h"

#include "ui/common/Icons.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"

#include <QStatusBar>
#include <QSystemTrayIcon>

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
        text = tr("%1%2 expires in %3 day(s). Reconnect it before it expires.")
                   .arg(bank.isEmpty() ? QString() : bank + QStringLiteral(" — "),
                        ConnectionTableModel::mask(ids.first()),
                        days.isEmpty() ? QStringLiteral("≤ 7") : days);
    } else {
        title = tr("%n connection(s) expire within 7 days", nullptr, int(ids.size()));
        text = tr("%n connection(s) entered the 7-day band. Filter the Connections panel by \"≤ 7 "
                  "days\" to see them.",
                  nullptr, int(ids.size()));
    }
    deliver(title, text);
}

void ExpiryNotifier::deliver(const QString &title, const QString &text)
{
    m_lastTitle = title;
    m_lastMessage = text;
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning);
    else if (m_fallback)
        m_fallback->showMessage(title + QStringLiteral(": ") + text, kStatusMessageMs);
    Q_EMIT notified(title, text);
}

} // namespace aerodesk::ui
