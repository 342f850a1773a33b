#include "core/timeline/AuditTimelineSource.h"

#include "core/audit/AuditTrail.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace aerodesk::timeline {

AuditTimelineSource::AuditTimelineSource(audit::AuditTrail *trail)
    : m_trail(trail)
{
}

TimelineEntry AuditTimelineSource::entryOf(const audit::AuditRecord &r)
{
    TimelineEntry e;
    e.at = QDateTime::fromMSecsSinceEpoch(r.atMs, Qt::UTC);
    e.kind = TimelineKind::StaffAction;
    const QString object = r.intact
        ? r.object
        : QCoreApplication::translate("Timeline", "(unreadable: edited outside AeroDesk)");
    e.summary = QCoreApplication::translate("Timeline", "%1: %2 — %3 (%4, %5)")
                    .arg(audit::AuditActions::label(r.action), object,
                         audit::AuditOutcomes::label(r.outcome), r.osUser, r.profile);
    e.fields = QJsonObject { { QStringLiteral("action"), audit::AuditActions::name(r.action) },
                             { QStringLiteral("actor"), r.osUser },
                             { QStringLiteral("profile"), r.profile },
                             { QStringLiteral("object"), object },
                             { QStringLiteral("outcome"), audit::AuditOutcomes::name(r.outcome) },
                             { QStringLiteral("seq"), r.seq },
                             { QStringLiteral("intact"), r.intact } };
    if (!r.reason.isEmpty())
        e.fields.insert(QStringLiteral("reason"), r.reason);
    return e;
}

QList<TimelineEntry> AuditTimelineSource::entriesFor(const QString &connectionId) const
{
    QList<TimelineEntry> out;
    if (!m_trail)
        return out;
    auto records = m_trail->log().forConnection(connectionId);
    if (!records) {
        qCWarning(aerodesk::log::connections).noquote()
            << "timeline: the audit log could not be read:" << records.error().message;
        return out;
    }
    for (const audit::AuditRecord &r : records.value())
        out.append(entryOf(r));
    return out;
}

} // namespace aerodesk::timeline
