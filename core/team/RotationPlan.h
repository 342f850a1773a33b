#pragma once

#include "core/team/TeamError.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace aerodesk::team {

/// Key rotation's state machine (docs/team.md, "Key rotation"), without the store: what the
/// store's metadata will keep, and every rule about moving between phases, resuming after a
/// crash, who drives the re-encryption, and what a console may do with the keys it holds.
///
///   Steady(N) --propose(id)--> Distributing(N→N+1) --start--> ReEncrypting --finish(0)-->
///   Finished(N+1)
///                 ^----------------abort------------------'
/// Finished behaves as Steady on the new epoch and may propose the next rotation.
class RotationPlan
{
public:
    enum class Phase { Steady, Distributing, ReEncrypting, Finished };
    struct Epoch
    {
        int number = 0;
        QString keyId;
    };
    /// What a console holding some keys may do now.
    struct Access
    {
        QList<int> readableEpochs; ///< rows of these epochs can be read
        bool canWrite = false; ///< only under writeEpoch(), and only with its key
        bool none() const { return readableEpochs.isEmpty() && !canWrite; }
    };
    static constexpr int kLeaseSeconds = 60;

    static RotationPlan steady(int epoch, const QString &keyId);

    Phase phase() const { return m_phase; }
    static QString phaseName(Phase phase);
    Epoch current() const { return m_from; } ///< the epoch every row is in when not rotating
    Epoch next() const { return m_to; } ///< the target epoch (Distributing, ReEncrypting)
    /// The epoch new writes are sealed under: N until re-encryption starts, N+1 from then on.
    int writeEpoch() const;
    /// Epochs whose rows may exist now (and whose blind indexes a lookup must compute).
    QList<int> liveEpochs() const;
    qint64 cursor() const { return m_cursor; }
    qint64 rewritten() const { return m_rewritten; }

    Status<TeamError> propose(const QString &newKeyId);
    Status<TeamError> abort();
    Status<TeamError> startReEncrypting();
    /// One committed batch: rows up to `lastRowId` rewritten. A cursor at or below the current
    /// one (a batch redone after a crash) changes nothing, so resuming is idempotent.
    Status<TeamError> recordBatch(qint64 lastRowId, qint64 rowsRewritten);
    /// True (Finished) when no row of the old epoch is left; false when some are: the cursor
    /// goes back to 0 for another pass (rows skipped while locked are picked up then).
    Result<bool, TeamError> finish(qint64 remainingOldRows);

    /// Takes (or renews) the right to drive re-encryption: free, expired, or already `console`'s.
    bool takeLease(const QString &console, const QDateTime &now);
    QString leaseHolder() const { return m_leaseHolder; }

    Access accessFor(const QStringList &heldKeyIds) const;

    QJsonObject toJson() const;
    /// BadHeader (naming what) for a state that is malformed or impossible.
    static Result<RotationPlan, TeamError> fromJson(const QJsonObject &o);

private:
    Phase m_phase = Phase::Steady;
    Epoch m_from;
    Epoch m_to;
    qint64 m_cursor = 0;
    qint64 m_rewritten = 0;
    QString m_leaseHolder;
    QDateTime m_leaseExpires;
};

} // namespace aerodesk::team
