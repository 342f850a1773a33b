#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/embedded/PartnerUserStore.h"
#include "core/embedded/UserCodeStore.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace aerodesk::store {
class PartnerUserRepository;
class Store;
struct StoreError;
} // namespace aerodesk::store

namespace aerodesk::embedded {

class PartnerUserStoreWorker;

/// Partner users AND their userCodes in the store's partner_users table (schema v7,
/// store::PartnerUserRepository) — team mode: every console of the desk opening the same team
/// store sees the same users and codes (docs/team.md). Sealed under the store's field key and
/// blind-indexed with its index key; the server sees neither an id nor a code.
///
/// Every call is done OFF the caller's thread, on a thread of its own with its own Store on
/// the same database (PartnerUserStoreWorker), in the order of the calls; the answer comes back
/// on the caller's thread. save() answers ok only after the row is committed. `scope` is the
/// environment (its keychain profile): one environment's users are not another's.
class TeamPartnerUserStore : public QObject, public PartnerUserStore, public UserCodeStore
{
    Q_OBJECT
public:
    using Done = PartnerUserStore::Done;

    /// Works on the store `store` was opened on (target, data key, password are copied).
    TeamPartnerUserStore(const store::Store &store, const QString &scope,
                         QObject *parent = nullptr);
    ~TeamPartnerUserStore() override;

    const QString &scope() const { return m_scope; }
    /// False from the moment the worker found the server gone until it opened its connection
    /// again (reachableChanged()); true at first.
    bool isReachable() const { return m_reachable; }

    // PartnerUserStore
    void readAll(Read done) override;
    void write(const PartnerUser &user, const QList<PartnerUser> &all, Done done) override;
    void whenWritten(Done done) override;
    /// Removes the user's row, userCode included.
    void remove(const QString &partnerUserId, Done done);

    // UserCodeStore
    void save(const QString &partnerUserId, const crypto::SecureBytes &userCode,
              Done done) override;
    void load(const QString &partnerUserId, Loaded done) override;
    void forget(const QString &partnerUserId, Done done) override;
    QString placeName() const override { return tr("the team store"); }

Q_SIGNALS:
    /// PostgreSQL: another console changed one of this scope's partner users (a record, a
    /// userCode stored or removed): read the list again. Never for this store's own writes.
    void changedElsewhere();
    /// The server went away (false) or is back (true): see isReachable(). Writes and reads
    /// made while it is away fail with "The team store failed: …"; nothing is queued.
    void reachableChanged(bool reachable);

private:
    /// Runs `job` on the worker's thread.
    void submit(std::function<void(store::PartnerUserRepository *, const store::StoreError &)> job);
    /// Runs `done` with `error` on this object's thread.
    void answer(const Done &done, const keychain::KeychainError &error);
    static keychain::KeychainError toError(const store::StoreError &error);

    QString m_scope;
    QThread m_thread;
    PartnerUserStoreWorker *m_worker = nullptr;
    /// The last write's error: read and written on the worker's thread only.
    std::shared_ptr<keychain::KeychainError> m_lastWrite;
    bool m_reachable = true;
};

} // namespace aerodesk::embedded
