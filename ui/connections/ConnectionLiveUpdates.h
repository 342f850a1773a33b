#pragma once

#include "core/store/StoreError.h"

#include <QObject>

#include <memory>

namespace aerodesk::session {
class Session;
}
namespace aerodesk::store {
class StoreHealth;
class StoreLive;
class Store;
} // namespace aerodesk::store

namespace aerodesk::ui {

class ConnectionsPanel;
class ConnectionStoreFeed;

/// Keeps the Connections panel live on a team store (docs/team.md, "Live updates", "When the
/// database goes away"): follows the session's store with a store::StoreLive and applies each
/// change another console made to ONE row of the panel's model (update, insert or remove; the
/// row was decrypted on the listener's thread) — never a reload of the list. A batch write by
/// another console (an import) and the end of an outage re-read the store in the background
/// (ConnectionStoreFeed::reload(false): rows updated in place, the list stays visible).
///
/// health() (null on SQLite) is what the panel's banner and ConnectionActions show; the rules
/// are store::StoreHealth's.
class ConnectionLiveUpdates : public QObject
{
    Q_OBJECT
public:
    ConnectionLiveUpdates(session::Session &session, ConnectionsPanel &panel,
                          ConnectionStoreFeed &feed, QObject *parent = nullptr);
    ~ConnectionLiveUpdates() override;

    /// Null unless the session's store is a team store.
    store::StoreLive *live() const { return m_live.get(); }
    store::StoreHealth *health() const;
    /// Why writing is refused now (StoreHealth::refusal), or empty.
    QString writeRefusal() const;
    /// A write failed: an unreachable server turns the console read-only at once.
    void reportFailure(const store::StoreError &error);

Q_SIGNALS:
    /// The health changed (or a new store was followed): re-read health().
    void healthChanged();
    /// One row was applied from another console's change (tests, status).
    void rowApplied(const QString &connectionId);
    /// Another console recorded a history event for this shown connection.
    void historyChanged(const QString &connectionId);
    /// A key rotation step elsewhere, or a key this console holds taken for it: the store and
    /// the store jobs re-read their keys (the panel refreshes its actions).
    void keysChanged();

private:
    void follow();
    void removeByIndex(const QByteArray &rowIndex);
    /// The shown connection whose blind index is `rowIndex`, or empty. `selectedOnly`: only the
    /// selected row is tried; otherwise every row (a linear search: one HMAC per row).
    QString idOfIndex(const QByteArray &rowIndex, bool selectedOnly) const;

    session::Session &m_session;
    ConnectionsPanel &m_panel;
    ConnectionStoreFeed &m_feed;
    store::Store *m_followed = nullptr;
    std::unique_ptr<store::StoreLive> m_live;
};

} // namespace aerodesk::ui
