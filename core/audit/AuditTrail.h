#pragma once

#include "core/audit/AuditEntry.h"
#include "core/audit/AuditLog.h"
#include "core/audit/AuditRecord.h"
#include "core/audit/AuditVerification.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace aerodesk {
class Clock;
}
namespace aerodesk::keychain {
class Keychain;
}
namespace aerodesk::store {
class Store;
class StoreJobs;
} // namespace aerodesk::store

namespace aerodesk::audit {

class AuditHeadStore;

/// The one place UI and CLI code records staff actions (issue 15): record() appends to the
/// store's audit log with the time, the OS user and the active profile, then moves the chain's
/// head in the keychain (asynchronously, never blocking the caller). verify() reads the head
/// and checks the whole log. Lives on the thread of its Store (the UI thread in the console).
class AuditTrail : public QObject
{
    Q_OBJECT
public:
    /// `headKeychain`: the keychain of the store's profile (the head is kept next to the store's
    /// data key). Both must outlive the trail.
    AuditTrail(std::shared_ptr<store::Store> store, keychain::Keychain &headKeychain,
               const Clock &clock, QObject *parent = nullptr);
    ~AuditTrail() override;

    /// The environment's keychain profile written into each record ("Built-in sandbox"...).
    void setProfile(const QString &profile) { m_profile = profile; }
    QString profile() const { return m_profile; }
    /// The OS account (USER / USERNAME); tests may override it.
    void setOsUser(const QString &osUser) { m_osUser = osUser; }
    QString osUser() const { return m_osUser; }
    static QString currentOsUser();

    /// The console's store jobs (docs/team.md, "The console's writes"): when set, the console's
    /// records are appended there — off the UI thread, in the order given, one chain — instead of
    /// on this thread's connection (a round trip to a team store's server each).
    void setJobs(store::StoreJobs *jobs);

    /// Appends one record now, on this thread; the head follows asynchronously. A failure is
    /// logged and returned. (The CLI's way, and tests'.)
    Result<AuditRecord, store::StoreError> record(const AuditEntry &entry);
    using RecordDone = std::function<void(Result<AuditRecord, store::StoreError>)>;
    /// Appends one record as a store job when jobs are set (else as record() does); `done`
    /// runs later on this thread with the outcome, unless this trail is gone.
    void record(const AuditEntry &entry, RecordDone done);
    /// Records without waiting: as a store job when jobs are set (true: given to them; a
    /// failure is logged), else at once (false: not written).
    bool record(AuditAction action, const QString &object, AuditOutcome outcome = AuditOutcome::Ok,
                const QString &reason = {}, const QString &connectionId = {});

    /// Reads the keychain head (after any pending head write) and checks the log; `done` runs
    /// later on this thread.
    void verify(std::function<void(AuditVerification)> done);
    /// Runs `done` when every record given to the jobs is written and every pending head write
    /// has finished (the CLI waits before exiting).
    void whenIdle(std::function<void()> done);

    AuditLog &log() { return m_log; }
    const AuditLog &log() const { return m_log; }
    store::Store &store() { return *m_store; }

Q_SIGNALS:
    void recorded(const aerodesk::audit::AuditRecord &record);
    /// The keychain head no longer fits the log (truncated or rewritten), or was not written.
    void headProblem(const QString &why);

private:
    /// A record written (here or by the jobs): the head follows, then recorded().
    void written(const AuditRecord &record);
    void failed(const AuditEntry &entry, const store::StoreError &error) const;

    std::shared_ptr<store::Store> m_store;
    QPointer<store::StoreJobs> m_jobs;
    int m_pendingAppends = 0;
    std::vector<std::function<void()>> m_idleWaiters; ///< whenIdle() while appends are pending
    AuditLog m_log;
    const Clock &m_clock;
    std::unique_ptr<AuditHeadStore> m_head;
    QString m_profile;
    QString m_osUser;
};

} // namespace aerodesk::audit
