#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreTarget.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <vector>

namespace aerodesk::store {

/// Drives team key rotation's re-encryption off the UI thread (docs/team.md "Key rotation").
/// Move it to a QThread and invoke run() there: it opens its own Store on `target` with every
/// key it was given, runs ReEncryptor::step() until the plan is Finished (or another console
/// holds the lease, or cancel()), sleeps `pauseMs` between batches so users' writes get the
/// database, and reports each committed batch with progress(). run() may also be called
/// directly (blocking; the CLI does).
class RotationWorker : public QObject
{
    Q_OBJECT
public:
    RotationWorker(StoreTarget target, std::vector<crypto::SecureBytes> keys,
                   crypto::SecureBytes password, QString holder, int pauseMs = 50,
                   int batchSize = 200);

    /// Asks run() to stop after the current batch (thread-safe).
    void cancel() { m_cancelled = true; }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    /// After each committed batch: rows rewritten so far (this rotation) and the cursor.
    void progress(qint64 rewritten, qint64 cursor);
    /// `done`: the rotation is Finished. Otherwise `message` says why it stopped (an error,
    /// the lease held by another console, cancelled).
    void finished(bool done, const QString &message);

private:
    StoreTarget m_target;
    std::vector<crypto::SecureBytes> m_keys;
    crypto::SecureBytes m_password;
    QString m_holder;
    int m_pauseMs;
    int m_batchSize;
    std::atomic<bool> m_cancelled { false };
};

} // namespace aerodesk::store
