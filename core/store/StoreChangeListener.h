#pragma once

#include "core/connections/Connection.h"
#include "core/crypto/SecureBytes.h"
#include "core/store/StoreChange.h"
#include "core/store/StoreTarget.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

#include <memory>
#include <vector>

namespace aerodesk::store {

class Store;

/// Follows a team store's change feed (docs/team.md, "Live updates") on a thread of its own
/// (StoreLive owns the thread; nothing here may run on the UI thread: opening blocks).
///
/// It opens its OWN Store — its own QPSQL connection, with clones of the key and password —
/// LISTENs on StoreChange::kChannel (QSqlDriver::subscribeToNotification; the driver's socket
/// notifier delivers), and for each change from another console re-reads that one row here,
/// decrypting it off the UI thread, and emits it. Its own console's echoes (same session id)
/// are dropped.
///
/// Its connection is also the console's health probe: a `SELECT 1` every kHeartbeatMs; a
/// failure (or a failed re-read) emits offline() and starts the reconnect loop, which retries
/// after kBackoffSeconds (1, 2, 5, 10, 20, then every 30 s) and, once the server answers and the
/// subscription is back, emits online(true) so the console re-reads what changed meanwhile.
class StoreChangeListener : public QObject
{
    Q_OBJECT
public:
    static constexpr int kHeartbeatMs = 1000;
    static constexpr int kBackoffSeconds[] = { 1, 2, 5, 10, 20, 30 };

    /// `otherKeys`: the console's keys besides `dataKey` (mid-rotation), added at every open.
    StoreChangeListener(StoreTarget target, crypto::SecureBytes dataKey,
                        crypto::SecureBytes password, QString ownSession,
                        std::vector<crypto::SecureBytes> otherKeys = {});
    ~StoreChangeListener() override;

    /// On the listener's thread: connect and subscribe (or start retrying).
    void start();
    /// On the listener's thread: close the connection, stop every timer.
    void stop();
    /// On the listener's thread: probe the server now (after a write found it unreachable).
    void probe();
    /// On the listener's thread: another team key the console now holds (a key rotation's next
    /// epoch), so the rows written under it are read too; kept for every later re-open.
    void addKey(const crypto::SecureBytes &key);

Q_SIGNALS:
    /// Subscribed. `afterOutage`: the connection had been lost (or the console's writes found
    /// the server unreachable): changes may have been missed.
    void online(bool afterOutage);
    void offline(const QString &reason);
    /// The next attempt to reconnect is in `seconds`.
    void retrying(int seconds);
    /// Another console wrote this row; `row` is decrypted and carries its version.
    void rowChanged(const aerodesk::store::StoreChange &change,
                    const aerodesk::connections::Connection &row);
    void rowRemoved(const aerodesk::store::StoreChange &change);
    /// Another console wrote many rows at once (an import): re-read in the background.
    void manyChanged(const aerodesk::store::StoreChange &change);
    /// Another console changed the store's keys or rotation plan (KeyEpochs::announceKeys).
    void keysChanged();
    /// Another console recorded a history event or a timeline step for the connection with this
    /// blind index.
    void historyChanged(const QByteArray &rowIndex);

private:
    void tryOpen();
    void lose(const QString &reason);
    void loseLater(const QString &reason);
    /// SELECT 1 on the listener's connection: empty when it answered, else why not.
    QString ping();
    void heartbeat();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload);

    StoreTarget m_target;
    crypto::SecureBytes m_key;
    crypto::SecureBytes m_password;
    QString m_ownSession;
    std::vector<crypto::SecureBytes> m_otherKeys;
    std::unique_ptr<Store> m_store;
    QTimer *m_heartbeat = nullptr; ///< children, so they live on this object's thread
    QTimer *m_retry = nullptr;
    int m_attempt = 0;
    bool m_lost = false; ///< an outage began: the next online() is afterOutage
    bool m_stopped = false;
};

} // namespace aerodesk::store
