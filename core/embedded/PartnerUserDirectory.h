#pragma once

#include "core/embedded/PartnerUser.h"
#include "core/embedded/PartnerUserStore.h"
#include "core/keychain/KeychainError.h"

#include <QList>
#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::embedded {

/// The partner users of one environment. Where they are kept is a PartnerUserStore: by default
/// one keychain entry (KeychainPartnerUserStore: "eb.partnerUsers", JSON, ids and states, never
/// a userCode); with a team store, the store's partner_users table (TeamPartnerUserStore,
/// useStore()). The list is read (load()) and then kept in memory; every change is written back
/// at once, in order.
class PartnerUserDirectory : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const keychain::KeychainError &)>;

    /// Kept in `keychain` (the local default).
    explicit PartnerUserDirectory(keychain::Keychain &keychain, QObject *parent = nullptr);
    ~PartnerUserDirectory() override;

    /// From now on the list is kept in `store` (null: the keychain again); the list in memory is
    /// dropped and read again from there (loaded()/changed() follow).
    void useStore(std::shared_ptr<PartnerUserStore> store);
    PartnerUserStore &store() const;

    /// Reads the list (a missing entry is an empty list). `done` runs later.
    void load(Done done = {});
    bool isLoaded() const { return m_loaded; }
    /// Why the list could not be read (empty when it was).
    QString loadError() const { return m_loadError; }

    /// False while the store's server cannot be reached (a team store during an outage, as its
    /// owner reports with setStoreReachable()); the list in memory is the last one read. True
    /// again after useStore().
    bool isStoreReachable() const { return m_reachable; }
    void setStoreReachable(bool reachable);

    QList<PartnerUser> users() const; ///< sorted by id
    std::optional<PartnerUser> find(const QString &id) const;

    /// Adds or replaces `user` and writes the list; `done` runs when the write finished.
    /// Refused (Kind::Other) until the list was read: a write would replace the unread list.
    void put(const PartnerUser &user, Done done = {});
    /// Runs `done` (later) once every change made so far is written (the last write's error),
    /// at once when none is under way: a short-lived process (aerodesk-cli) waits for it
    /// before it exits.
    void whenWritten(Done done);

Q_SIGNALS:
    void loaded();
    /// The in-memory list changed (before the write finishes).
    void changed();
    /// isStoreReachable() changed.
    void storeReachableChanged(bool reachable);

private:
    std::unique_ptr<PartnerUserStore> m_keychainStore;
    std::shared_ptr<PartnerUserStore> m_store; ///< null: m_keychainStore
    std::map<QString, PartnerUser> m_users;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_reachable = true;
    quint64 m_generation = 0; ///< +1 on useStore(): a read of the previous store is dropped
    QString m_loadError;
    QList<Done> m_loadWaiters;
};

} // namespace aerodesk::embedded
