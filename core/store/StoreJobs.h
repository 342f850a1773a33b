#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/store/StoreTarget.h"
#include "core/util/Result.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace aerodesk::store {

class Store;

/// The console's own single writes, and the reads they depend on, off the UI thread (docs/team.md,
/// "The console's writes"): a thread of its own with its OWN Store on the same file or team
/// database — the same target, keys (every key, mid-rotation) and password as the console's —
/// opened at the first job, like StoreWorker. Jobs run one at a time, in the order given; each
/// one's result comes back on this object's thread. Its changes are announced under the
/// console's session id (Store::sessionId()), so the console's own listener does not take them
/// for another console's. On a team store a job that finds the server gone fails with
/// StoreError::Kind::Unreachable and the next job opens a new connection.
class StoreJobs : public QObject
{
    Q_OBJECT
public:
    explicit StoreJobs(const Store &store, QObject *parent = nullptr);
    /// Waits for the jobs given so far (a write asked for is written), then closes the store.
    ~StoreJobs() override;

    /// `work` runs on the jobs' thread with the jobs' Store — null, with `openError` saying why,
    /// when it could not be opened. Its result is handed to `done` on this object's thread,
    /// unless `context` was destroyed meanwhile.
    template<class R>
    void run(const QObject *context,
             std::function<R(Store *store, const StoreError &openError)> work,
             std::function<void(R result)> done)
    {
        QPointer<const QObject> guard(context);
        post([this, guard, work = std::move(work),
              done = std::move(done)](Store *store, const StoreError &openError) {
            auto result = std::make_shared<R>(work(store, openError));
            QMetaObject::invokeMethod(
                this,
                [guard, done, result] {
                    if (guard && done)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }

    /// Jobs given that have not run yet or are running (any thread).
    int pending() const { return m_pending.load(); }

    /// Key rotation: `store` (the console's, on this object's thread) now holds other keys or
    /// another plan. The jobs' store takes every key it holds and re-reads its keys and plan,
    /// as a job after those already given; later re-opens use them too.
    void takeKeys(const Store &store);

private:
    using Job = std::function<void(Store *store, const StoreError &openError)>;
    void post(Job job);
    /// On the jobs' thread.
    Status<StoreError> ensureOpen();

    StoreTarget m_target;
    crypto::SecureBytes m_key;
    crypto::SecureBytes m_password;
    std::vector<crypto::SecureBytes> m_otherKeys; ///< the jobs' thread only, after construction
    QString m_sessionId;
    std::unique_ptr<Store> m_store; ///< the jobs' thread only
    std::atomic<int> m_pending { 0 };
    QThreadPool
        m_pool; ///< one thread, kept for the object's life: the store's connection lives there
};

} // namespace aerodesk::store
