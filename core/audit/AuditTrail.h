#pragma once

#include "core/audit/AuditEntry.h"
#include "core/audit/AuditLog.h"
#include "core/audit/AuditRecord.h"
#include "core/audit/AuditVerification.h"

#include <QObject>

#include <functional>
#include <memory>

namespace aerodesk {
class Clock;
}
namespace aerodesk::keychain {
class Keychain;
}
namespace aerodesk::store {
class Store;
}

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

    /// Appends one record; the head follows asynchronously. A failure is logged and returned.
    Result<AuditRecord, store::StoreError> record(const AuditEntry &entry);
    /// Shorthand for record(AuditEntry{...}).
    bool record(AuditAction action, const QString &object, AuditOutcome outcome = AuditOutcome::Ok,
                const QString &reason = {}, const QString &connectionId = {});

    /// Reads the keychain head (after any pending head write) and checks the log; `done` runs
    /// later on this thread.
    void verify(std::function<void(AuditVerification)> done);
    /// Runs `done` when every pending head write has finished (the CLI waits before exiting).
    void whenIdle(std::function<void()> done);

    AuditLog &log() { return m_log; }
    const AuditLog &log() const { return m_log; }
    store::Store &store() { return *m_store; }

Q_SIGNALS:
    void recorded(const aerodesk::audit::AuditRecord &record);
    /// The keychain head no longer fits the log (truncated or rewritten), or was not written.
    void headProblem(const QString &why);

private:
    std::shared_ptr<store::Store> m_store;
    AuditLog m_log;
    const Clock &m_clock;
    std::unique_ptr<AuditHeadStore> m_head;
    QString m_profile;
    QString m_osUser;
};

} // namespace aerodesk::audit
