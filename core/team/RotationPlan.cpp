#include "core/team/RotationPlan.h"

#include "core/team/TeamKey.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace aerodesk::team {

namespace {

TeamError refused(const QString &why)
{
    return TeamError::make(TeamError::Kind::BadHeader, why);
}

QJsonObject epochJson(const RotationPlan::Epoch &e)
{
    return { { QStringLiteral("epoch"), e.number }, { QStringLiteral("keyId"), e.keyId } };
}

std::optional<RotationPlan::Epoch> epochFrom(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    RotationPlan::Epoch e { o.value(QStringLiteral("epoch")).toInt(0),
                            o.value(QStringLiteral("keyId")).toString() };
    if (e.number < 1 || !TeamKey::isKeyId(e.keyId))
        return std::nullopt;
    return e;
}

const QList<std::pair<RotationPlan::Phase, QString>> &phaseNames()
{
    static const QList<std::pair<RotationPlan::Phase, QString>> names {
        { RotationPlan::Phase::Steady, QStringLiteral("steady") },
        { RotationPlan::Phase::Distributing, QStringLiteral("distributing") },
        { RotationPlan::Phase::ReEncrypting, QStringLiteral("re-encrypting") },
        { RotationPlan::Phase::Finished, QStringLiteral("finished") },
    };
    return names;
}

} // namespace

RotationPlan RotationPlan::steady(int epoch, const QString &keyId)
{
    RotationPlan plan;
    plan.m_from = { epoch, keyId };
    return plan;
}

QString RotationPlan::phaseName(Phase phase)
{
    for (const auto &[p, name] : phaseNames())
        if (p == phase)
            return name;
    return {};
}

int RotationPlan::writeEpoch() const
{
    return m_phase == Phase::ReEncrypting ? m_to.number : m_from.number;
}

QList<int> RotationPlan::liveEpochs() const
{
    if (m_phase == Phase::ReEncrypting)
        return { m_from.number, m_to.number };
    return { m_from.number };
}

Status<TeamError> RotationPlan::propose(const QString &newKeyId)
{
    if (m_phase != Phase::Steady && m_phase != Phase::Finished)
        return refused(QCoreApplication::translate("aerodesk::team::RotationPlan",
                                                   "A rotation is already under way (%1).")
                           .arg(phaseName(m_phase)));
    if (!TeamKey::isKeyId(newKeyId) || newKeyId == m_from.keyId)
        return refused(QCoreApplication::translate("aerodesk::team::RotationPlan",
                                                   "A rotation needs a new team key."));
    m_phase = Phase::Distributing;
    m_to = { m_from.number + 1, newKeyId };
    m_cursor = 0;
    m_rewritten = 0;
    return {};
}

Status<TeamError> RotationPlan::abort()
{
    if (m_phase != Phase::Distributing)
        return refused(QCoreApplication::translate(
            "aerodesk::team::RotationPlan",
            "Only a rotation whose re-encryption has not started can be "
            "abandoned; this one can only be finished."));
    m_phase = Phase::Steady;
    m_to = {};
    return {};
}

Status<TeamError> RotationPlan::startReEncrypting()
{
    if (m_phase != Phase::Distributing)
        return refused(QCoreApplication::translate(
            "aerodesk::team::RotationPlan", "Re-encryption starts after the new key is proposed."));
    m_phase = Phase::ReEncrypting;
    return {};
}

Status<TeamError> RotationPlan::recordBatch(qint64 lastRowId, qint64 rowsRewritten)
{
    if (m_phase != Phase::ReEncrypting)
        return refused(QCoreApplication::translate("aerodesk::team::RotationPlan",
                                                   "No re-encryption is under way."));
    if (rowsRewritten < 0 || lastRowId < 0)
        return refused(QCoreApplication::translate(
            "aerodesk::team::RotationPlan", "A batch cannot rewrite a negative number of rows."));
    if (lastRowId <= m_cursor)
        return {}; // a batch redone after a crash: already counted
    m_cursor = lastRowId;
    m_rewritten += rowsRewritten;
    return {};
}

Result<bool, TeamError> RotationPlan::finish(qint64 remainingOldRows)
{
    if (m_phase != Phase::ReEncrypting)
        return refused(QCoreApplication::translate("aerodesk::team::RotationPlan",
                                                   "No re-encryption is under way."));
    if (remainingOldRows > 0) {
        m_cursor = 0; // another pass for rows skipped while locked
        return false;
    }
    m_phase = Phase::Finished;
    m_from = m_to;
    m_to = {};
    m_cursor = 0;
    m_leaseHolder.clear();
    m_leaseExpires = {};
    return true;
}

bool RotationPlan::takeLease(const QString &console, const QDateTime &now)
{
    if (m_phase != Phase::ReEncrypting || console.isEmpty())
        return false;
    const bool free = m_leaseHolder.isEmpty() || m_leaseHolder == console ||
        !m_leaseExpires.isValid() || now >= m_leaseExpires;
    if (!free)
        return false;
    m_leaseHolder = console;
    m_leaseExpires = now.addSecs(kLeaseSeconds);
    return true;
}

RotationPlan::Access RotationPlan::accessFor(const QStringList &heldKeyIds) const
{
    Access access;
    const bool hasFrom = heldKeyIds.contains(m_from.keyId);
    const bool hasTo = !m_to.keyId.isEmpty() && heldKeyIds.contains(m_to.keyId);
    if (hasFrom)
        access.readableEpochs << m_from.number;
    if (m_phase == Phase::ReEncrypting && hasTo)
        access.readableEpochs << m_to.number;
    // Writes only under the write epoch's key: the old key alone never writes mid-rotation.
    access.canWrite = m_phase == Phase::ReEncrypting ? hasTo : hasFrom;
    return access;
}

QJsonObject RotationPlan::toJson() const
{
    QJsonObject o { { QStringLiteral("phase"), phaseName(m_phase) },
                    { QStringLiteral("from"), epochJson(m_from) },
                    { QStringLiteral("cursor"), double(m_cursor) },
                    { QStringLiteral("rewritten"), double(m_rewritten) } };
    if (m_phase == Phase::Distributing || m_phase == Phase::ReEncrypting)
        o.insert(QStringLiteral("to"), epochJson(m_to));
    if (!m_leaseHolder.isEmpty())
        o.insert(QStringLiteral("lease"),
                 QJsonObject { { QStringLiteral("holder"), m_leaseHolder },
                               { QStringLiteral("expires"),
                                 m_leaseExpires.toUTC().toString(Qt::ISODateWithMs) } });
    return o;
}

Result<RotationPlan, TeamError> RotationPlan::fromJson(const QJsonObject &o)
{
    RotationPlan plan;
    const QString phase = o.value(QStringLiteral("phase")).toString();
    bool known = false;
    for (const auto &[p, name] : phaseNames())
        if (name == phase) {
            plan.m_phase = p;
            known = true;
        }
    if (!known)
        return refused(QCoreApplication::translate("aerodesk::team::RotationPlan",
                                                   "Unknown rotation phase \"%1\".")
                           .arg(phase));
    auto from = epochFrom(o.value(QStringLiteral("from")));
    if (!from)
        return refused(QCoreApplication::translate(
            "aerodesk::team::RotationPlan", "The rotation state has no valid current epoch."));
    plan.m_from = *from;
    if (plan.m_phase == Phase::Distributing || plan.m_phase == Phase::ReEncrypting) {
        auto to = epochFrom(o.value(QStringLiteral("to")));
        if (!to || to->number != from->number + 1 || to->keyId == from->keyId)
            return refused(
                QCoreApplication::translate("aerodesk::team::RotationPlan",
                                            "The rotation's target must be the next epoch with "
                                            "another key."));
        plan.m_to = *to;
    }
    const double cursor = o.value(QStringLiteral("cursor")).toDouble(-1);
    const double rewritten = o.value(QStringLiteral("rewritten")).toDouble(-1);
    constexpr double kMaxCount = 9007199254740991.0; // 2^53 - 1: exact in a JSON number
    if (cursor < 0 || rewritten < 0 || cursor > kMaxCount || rewritten > kMaxCount)
        return refused(QCoreApplication::translate("aerodesk::team::RotationPlan",
                                                   "The rotation's progress is malformed."));
    plan.m_cursor = qint64(cursor);
    plan.m_rewritten = qint64(rewritten);
    const QJsonObject lease = o.value(QStringLiteral("lease")).toObject();
    plan.m_leaseHolder = lease.value(QStringLiteral("holder")).toString();
    plan.m_leaseExpires =
        QDateTime::fromString(lease.value(QStringLiteral("expires")).toString(), Qt::ISODateWithMs);
    if (!plan.m_leaseHolder.isEmpty() && !plan.m_leaseExpires.isValid())
        return refused(QCoreApplication::translate("aerodesk::team::RotationPlan",
                                                   "The rotation's lease has no valid expiry."));
    return plan;
}

} // namespace aerodesk::team
