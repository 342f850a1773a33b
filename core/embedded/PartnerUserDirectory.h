#pragma once

#include "core/embedded/PartnerUser.h"
#include "core/keychain/KeychainError.h"

#include <QList>
#include <QObject>

#include <functional>
#include <map>
#include <optional>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::embedded {

/// The partner users of one environment, kept as one keychain entry ("eb.partnerUsers": JSON,
/// ids and states, never a userCode). The list is read once (load()) and then kept in memory;
/// every change is written back at once, one write at a time, in order (a change made while a
/// write is under way is written right after it). Partner user ids are PII-adjacent, so they
/// go to the keychain, not to settings or a plain file.
class PartnerUserDirectory : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const keychain::KeychainError &)>;

    explicit PartnerUserDirectory(keychain::Keychain &keychain, QObject *parent = nullptr);

    /// Reads the list (a missing entry is an empty list). `done` runs later.
    void load(Done done = {});
    bool isLoaded() const { return m_loaded; }
    /// Why the list could not be read (empty when it was).
    QString loadError() const { return m_loadError; }

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

private:
    void persist(Done done);
    void startWrite();

    keychain::Keychain &m_keychain;
    std::map<QString, PartnerUser> m_users;
    bool m_loaded = false;
    bool m_loading = false;
    QString m_loadError;
    QList<Done> m_loadWaiters;
    bool m_writing = false;
    bool m_dirty = false;
    QList<Done> m_waiting;
};

} // namespace aerodesk::embedded
