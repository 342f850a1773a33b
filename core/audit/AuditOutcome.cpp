#include "core/audit/AuditOutcome.h"

#include <QCoreApplication>

namespace aerodesk::audit {

QString AuditOutcomes::name(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Ok:
        return QStringLiteral("ok");
    case AuditOutcome::Failed:
        return QStringLiteral("failed");
    case AuditOutcome::Cancelled:
        return QStringLiteral("cancelled");
    case AuditOutcome::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

std::optional<AuditOutcome> AuditOutcomes::fromName(const QString &name)
{
    for (AuditOutcome o : { AuditOutcome::Ok, AuditOutcome::Failed, AuditOutcome::Cancelled,
                            AuditOutcome::Refused }) {
        if (AuditOutcomes::name(o) == name)
            return o;
    }
    return std::nullopt;
}

QString AuditOutcomes::label(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Ok:
        return QCoreApplication::translate("aerodesk::audit::AuditOutcomes", "OK");
    case AuditOutcome::Failed:
        return QCoreApplication::translate("aerodesk::audit::AuditOutcomes", "Failed");
    case AuditOutcome::Cancelled:
        return QCoreApplication::translate("aerodesk::audit::AuditOutcomes", "Cancelled");
    case AuditOutcome::Refused:
        return QCoreApplication::translate("aerodesk::audit::AuditOutcomes", "Refused");
    }
    return {};
}

} // namespace aerodesk::audit
