#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/team/RotationPlan.h"
#include "core/team/TeamKeychain.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace aerodesk::store {

class RotationWorker;
class Store;
class StoreJobs;

/// The console's side of a team key rotation (docs/team.md "Key rotation", "In the console"):
/// the lead's steps and the background re-encryption on the console's team store, none on the
/// UI thread. propose/start/abort run as store jobs (KeyRotation on the jobs' connection); the
/// re-encryption runs RotationWorker on a thread of its own with every key the console's store
/// holds, and at Finished makes the new key current in this keychain (TeamKeychain::promote).
/// The console's own store follows each step through the live channel like any other console's
/// (StoreLive re-reads its keys and takes a key the plan names from the keychain).
class RotationControl : public QObject
{
    Q_OBJECT
public:
    /// `store` is the console's (a team store, on this thread) and `jobs` its store jobs; both
    /// must outlive this object.
    RotationControl(Store &store, StoreJobs &jobs, QObject *parent = nullptr);
    /// Stops a running re-encryption after its batch (it resumes from the committed cursor).
    ~RotationControl() override;

    QString team() const;
    /// The plan as the last step (or the console's store) saw it.
    const team::RotationPlan &plan() const { return m_plan; }
    /// A step or the re-encryption is under way: the other steps wait.
    bool busy() const { return m_busy; }
    bool reEncrypting() const { return m_thread != nullptr; }
    /// The current epoch's team key id: the plan's, or before any rotation (when the plan names
    /// none) the id of the key the console's store was opened with.
    QString currentKeyId() const;
    /// Whether this console holds the key of the plan's next epoch (resume needs it).
    bool holdsNextKey() const;

public Q_SLOTS:
    /// Reads the plan again (a job), then planChanged().
    void refresh();
    /// Lead, Steady/Finished: a fresh team key for the next epoch, saved in this keychain
    /// first (never only named by the store), then proposed: Distributing.
    void propose();
    /// Lead, Distributing: writes move to the next epoch (ReEncrypting).
    void start();
    /// Lead, Distributing only: back to Steady; the next key's check is dropped.
    void abort();
    /// ReEncrypting: re-encrypts in the background until Finished, then promotes the new key in
    /// this keychain. `holder` names this console for the lease.
    void resume(const QString &holder);
    /// Stops the re-encryption after its current batch.
    void pause();
    /// A key of this rotation was just imported into this keychain: the console's store and
    /// its store jobs take every key the plan names that the keychain holds, then a key change
    /// is announced on the live channel so the console's listener (StoreLive) takes it too.
    void takeHeldKeys();

Q_SIGNALS:
    void planChanged();
    void busyChanged(bool busy);
    /// Rows re-encrypted so far in this rotation.
    void progress(qint64 rewritten);
    /// A step ended: ok, and a sentence to show (the error's own when it failed).
    void stepDone(bool ok, const QString &message);

private:
    using Step = std::function<Result<team::RotationPlan, StoreError>(Store &)>;
    void runStep(Step step, const QString &doneMessage);
    void setBusy(bool busy);
    /// Announces a key change on the live channel (a job), so listeners re-read their keys.
    void announceKeys();
    /// The console's store re-reads its keys and plan (adding `addKey` first, when given);
    /// m_plan and the store jobs follow it.
    void followStore(const crypto::SecureBytes *addKey = nullptr);
    void reEncryptionEnded(bool done, const QString &message, const QString &nextKeyId);

    Store &m_store;
    StoreJobs &m_jobs;
    team::RotationPlan m_plan;
    team::TeamKeychain m_keychain;
    bool m_busy = false;
    QThread *m_thread = nullptr;
    QPointer<RotationWorker> m_worker;
    std::shared_ptr<crypto::SecureBytes> m_pendingKey; ///< proposed: the console's store takes it
};

} // namespace aerodesk::store
