#include "core/audit/BundleAudit.h"

#include "core/audit/AuditTrail.h"
#include "core/bundle/BundleWritten.h"
#include "core/util/LogCategories.h"

#include <QPointer>
#include <QThread>

namespace aerodesk::audit {

AuditEntry BundleAudit::entryOf(const bundle::BundleWritten &event)
{
    AuditEntry entry;
    entry.action = AuditAction::Export;
    const QString what = event.subject == bundle::BundleSources::Subject::PartnerUser
        ? QStringLiteral("escalation bundle, partner user %1 (%2)")
        : QStringLiteral("escalation bundle %1 (%2)");
    entry.object = what.arg(event.subjectIdMasked, bundle::BundleRedactor::formName(event.form));
    if (!event.zipSha256.isEmpty())
        entry.object += QStringLiteral(", SHA-256 %1").arg(event.zipSha256.left(16));
    entry.connectionId = event.connectionId;
    return entry;
}

void BundleAudit::install(std::function<AuditTrail *()> trailOf)
{
    bundle::BundleWritten::setHook([trailOf = std::move(trailOf)](const bundle::BundleWritten &e) {
        QPointer<AuditTrail> trail = trailOf ? trailOf() : nullptr;
        if (!trail) {
            qCWarning(aerodesk::log::store)
                << "audit: a bundle was written without an audit log to record it in";
            return;
        }
        const AuditEntry entry = entryOf(e);
        if (trail->thread() == QThread::currentThread()) {
            trail->record(entry);
            return;
        }
        QMetaObject::invokeMethod(
            trail.data(),
            [trail, entry] {
                if (trail)
                    trail->record(entry);
            },
            Qt::QueuedConnection);
    });
}

void BundleAudit::uninstall()
{
    bundle::BundleWritten::setHook({});
}

} // namespace aerodesk::audit
