#pragma once

#include "core/connections/Connection.h"
#include "core/store/StoreChange.h"
#include "core/store/StoreError.h"
#include "core/store/StoreHealth.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QThread;

namespace aerodesk::team {
class TeamKeychain;
}

namespace aerodesk::store {

class Store;
class StoreChangeListener;

/// A console's live link to its team store (docs/team.md, "Live updates", "When the database
/// goes away"), on the UI thread: owns a StoreChangeListener on a thread of its own and the
/// console's StoreHealth.
///
/// - rowChanged / rowRemoved / manyChanged: another console's committed writes, the row already
///   decrypted off this thread.
/// - The listener's connection lost → health Offline; reconnected → Recovering, the console's
///   own connection (`store`, which libpq never reconnects) is opened again, recovered() asks
///   the console to re-read what changed meanwhile, then Online.
/// - keysChanged: another console's key rotation step; the store has re-read its keys.
/// - reportFailure(): a write that found the server unreachable → Offline at once (the listener
///   probes; if only the console's connection broke, it is re-opened the same way).
///
/// On SQLite (one desktop) it does nothing: isActive() is false and health stays Online.
class StoreLive : public QObject
{
    Q_OBJECT
public:
    /// `store` (the console's, on this thread) must outlive this object.
    explicit StoreLive(Store &store, QObject *parent = nullptr);
    ~StoreLive() override;

    bool isActive() const { return m_listener != nullptr; }
    /// Subscribed to the change feed now (false before the first connection and while offline).
    bool isListening() const { return m_listening; }
    StoreHealth &health() { return m_health; }
    const StoreHealth &health() const { return m_health; }
    Store &store() const { return m_store; }
    /// A write failed: Unreachable marks the store Offline (anything else is ignored here).
    void reportFailure(const StoreError &error);

Q_SIGNALS:
    /// Listening (first time, or again after an outage).
    void subscribed();
    void rowChanged(const aerodesk::connections::Connection &row);
    /// `rowIndex` is the row's blind index (the connectionId is not in the change).
    void rowRemoved(const QByteArray &rowIndex);
    void manyChanged();
    /// Back after an outage: re-read the rows (changes made meanwhile were not announced here).
    void recovered();
    /// A key rotation step was committed by another console: the console's store has re-read
    /// its keys and plan (Store::refreshKeys), so its writes are sealed under the right epoch.
    /// Emitted again when a key the plan names was then found in this console's keychain and
    /// added (to the store and the listener): the console's other stores take it then
    /// (StoreJobs::takeKeys).
    void keysChanged();
    /// Another console recorded a history event or a timeline step for the connection with this
    /// blind index (`Store::blindIndex()` of its id in the connection domain): re-read its
    /// history and timeline if it is shown.
    void historyChanged(const QByteArray &rowIndex);

private:
    void onOnline(bool afterOutage);
    /// The plan names an epoch whose key the store lacks: read it from the team's keychain
    /// profile and add it (a key imported beside the current one, docs/team.md "Key rotation").
    void followHeldKeys();
    /// Hands the listener every key the console's store holds besides its data key.
    void shareKeysWithListener();

    Store &m_store;
    StoreHealth m_health;
    QThread *m_thread = nullptr;
    StoreChangeListener *m_listener = nullptr; ///< lives on m_thread
    bool m_listening = false;
    std::unique_ptr<team::TeamKeychain> m_teamKeychain; ///< for followHeldKeys, made when needed
};

} // namespace aerodesk::store
