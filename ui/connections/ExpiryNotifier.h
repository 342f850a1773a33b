#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QToolButton>

class QAction;
class QStatusBar;

class QSystemTrayIcon;

namespace aerodesk::ui {

class ConnectionsPanel;

/// Tells the support person when a tracked connection enters the 7-day expiry band
/// (ConnectionsPanel::connectionEnteredSevenDayBand): a desktop notification through
/// QSystemTrayIcon::showMessage when a system tray is available, otherwise a message in the
/// given status bar (and, always, the notified() signal). Entries that arrive together (the
/// minute tick moving many rows at once) are gathered into one message. Ids are shown masked,
/// with the bank, never in full. A first load does not count as entering the band, so once the
/// panel's first load from the store has finished, one summary says how many connections are
/// already within 7 days (nothing when none is).
///
/// A notice about ONE connection offers Reconnect (reconnectAction(): the watched panel's
/// ConnectionsPanel::reconnect on that connection) — a "Reconnect…" button beside the status-bar
/// message, or a click on the tray message. A notice about several has no single connection to
/// renew: the action is then disabled (the panel's 7-day band and its row Reconnect serve).
///
///   auto *notifier = new ExpiryNotifier(window.statusBar(), &window);
///   notifier->watch(connectionsPanel);
class ExpiryNotifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int kStatusMessageMs = 15000;

    /// `fallback` may be null (then only notified() is emitted when there is no tray).
    explicit ExpiryNotifier(QStatusBar *fallback, QObject *parent = nullptr);
    ~ExpiryNotifier() override;

    void watch(ConnectionsPanel *panel);
    /// Whether messages go to the system tray (false: the status bar).
    bool usesTray() const { return m_tray != nullptr; }
    QString lastTitle() const { return m_lastTitle; }
    QString lastMessage() const { return m_lastMessage; }
    /// Reconnect the connection of the last notice (enabled only when it named one).
    QAction *reconnectAction() const { return m_reconnect; }
    /// The connection the last notice was about ("" when it was about several or none).
    QString reconnectTarget() const { return m_reconnectId; }
    /// The status-bar button of the fallback (null without a status bar).
    QToolButton *reconnectButton() const { return m_reconnectButton; }

public Q_SLOTS:
    void connectionEnteredSevenDayBand(const QString &connectionId);

Q_SIGNALS:
    void notified(const QString &title, const QString &message);

private:
    void flush();
    void summariseFirstLoad();
    void deliver(const QString &title, const QString &text, const QString &connectionId = {});
    void reconnectLast();

    QPointer<QStatusBar> m_fallback;
    QPointer<ConnectionsPanel> m_panel;
    QSystemTrayIcon *m_tray = nullptr;
    QStringList m_pending;
    QTimer m_gather;
    QString m_lastTitle;
    QString m_lastMessage;
    bool m_summarised = false;
    QAction *m_reconnect = nullptr;
    QPointer<QToolButton> m_reconnectButton;
    QString m_reconnectId;
};

} // namespace aerodesk::ui
