#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/store/StoreTarget.h"
#include "core/util/Result.h"

#include <QObject>

class QTimer;

#include <functional>
#include <memory>

namespace aerodesk::store {
class PartnerUserRepository;
class Store;
} // namespace aerodesk::store

namespace aerodesk::embedded {

/// The store work of TeamPartnerUserStore, on its own thread: it opens its OWN Store on the
/// same team database (or file) at the first job, like store::StoreWorker, and never creates a
/// store file. Jobs run one at a time, in the order they were queued.
///
/// On PostgreSQL its connection also listens to the store's change feed (docs/team.md, "Live
/// updates"): another console's change to `scope`'s partner users emits changedElsewhere().
/// A team store's server that goes away is noticed before the next job or within kWatchMs
/// (a `SELECT 1`); the connection is opened again by itself once the server is back (libpq
/// never reconnects), listens again, and emits changedElsewhere() so the list is read again
/// for what changed meanwhile.
class PartnerUserStoreWorker : public QObject
{
    Q_OBJECT
public:
    /// `repository` is null when the store could not be opened; then `openError` says why.
    using Job = std::function<void(store::PartnerUserRepository *repository,
                                   const store::StoreError &openError)>;

    PartnerUserStoreWorker(store::StoreTarget target, crypto::SecureBytes dataKey,
                           crypto::SecureBytes password, QString scope);
    ~PartnerUserStoreWorker() override;

    /// On the worker's thread.
    void run(const Job &job);
    static constexpr int kWatchMs = 5000;

    /// On the worker's thread: closes its database connection and stops watching it (before
    /// the thread ends).
    void close();

Q_SIGNALS:
    /// Another console changed a partner user of this worker's scope (committed).
    void changedElsewhere();
    /// PostgreSQL: false when the server went away (a job or the watch found it gone), true
    /// when the connection was opened again after that. Only on a change.
    void reachableChanged(bool reachable);

private:
    Status<store::StoreError> ensureOpen();
    void listen();
    void onNotification(const QString &name, const QVariant &payload);
    /// PostgreSQL: false when the connection's server cannot be reached (SELECT 1).
    bool reachable();
    /// Drops a connection whose server went away; the next job or watch() opens a new one.
    void lose();
    /// Every kWatchMs: notices an outage without a job, and recovers from one.
    void watch();
    /// ensureOpen(), and after an outage the catch-up signal.
    Status<store::StoreError> reopen();

    store::StoreTarget m_target;
    crypto::SecureBytes m_key;
    crypto::SecureBytes m_password;
    QString m_scope;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<store::PartnerUserRepository> m_repository;
    QTimer *m_watch = nullptr; ///< PostgreSQL only, on the worker's thread
    bool m_lost = false; ///< the server went away; not open again yet
};

} // namespace aerodesk::embedded
