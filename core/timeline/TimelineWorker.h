#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/store/StoreTarget.h"
#include "core/timeline/TimelineEntry.h"
#include "core/util/Result.h"

#include <QList>
#include <QObject>

#include <memory>

namespace aerodesk::store {
class Store;
}

namespace aerodesk::timeline {

class TimelineRepository;

/// The timeline's store work, on its own thread (TimelineRecorder owns the thread): it opens
/// its OWN Store on the same file at the first request (never creating one), like
/// store::StoreWorker. Every method runs on the worker's thread, in the order it was queued.
/// A team store's server that went away and came back leaves the connection dead (libpq never
/// reconnects): a call that finds it Unreachable drops it and runs once more on a new one.
class TimelineWorker : public QObject
{
    Q_OBJECT
public:
    /// A SQLite file (a path converts) or a team store with its PostgreSQL password.
    TimelineWorker(store::StoreTarget target, crypto::SecureBytes dataKey,
                   crypto::SecureBytes password = crypto::SecureBytes());
    ~TimelineWorker() override;

    void append(const QString &connectionId, const aerodesk::timeline::TimelineEntry &entry,
                const QString &entryKey);
    void load(quint64 request, const QString &connectionId, int latest);
    void setFlow(const QString &connectionId, const QString &correlationId, const QDateTime &at);
    /// The stored current flow ("" when none, or when the connection is not in the store).
    QString flow(const QString &connectionId);
    /// Closes the database connection (before the thread ends).
    /// Announces this worker's team store writes under `sessionId` (the console's Store's):
    /// the console that recorded a step is not told about it by its own listener.
    void setSessionId(const QString &sessionId);
    void close();

Q_SIGNALS:
    /// Every append ends here: `stored` false when its key was already there or it failed
    /// (then failed() came first).
    void appended(const QString &connectionId, const aerodesk::timeline::TimelineEntry &entry,
                  bool stored);
    void loaded(quint64 request, const QString &connectionId,
                const QList<aerodesk::timeline::TimelineEntry> &entries);
    void failed(const QString &connectionId, const aerodesk::store::StoreError &error);

private:
    Status<store::StoreError> ensureOpen();
    /// `call(repository)` on an open store; once more on a new connection after Unreachable.
    template<typename Call> auto attempt(const Call &call);

    store::StoreTarget m_target;
    crypto::SecureBytes m_key;
    QString m_sessionId;
    crypto::SecureBytes m_password;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<TimelineRepository> m_repository;
};

} // namespace aerodesk::timeline
