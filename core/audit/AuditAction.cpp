#include "core/audit/AuditAction.h"

#include <QCoreApplication>

namespace aerodesk::audit {

namespace {
struct Entry
{
    AuditAction action;
    const char *name;
    const char *label;
};

#define TR(text) QT_TRANSLATE_NOOP("aerodesk::audit::AuditActions", text)
constexpr Entry kEntries[] = {
    { AuditAction::RevealId, "reveal.id", TR("Reveal identifier") },
    { AuditAction::RevealUserCode, "reveal.userCode", TR("Reveal userCode") },
    { AuditAction::RevealSecret, "reveal.secret", TR("Reveal secret") },
    { AuditAction::Decrypt, "decrypt", TR("Decrypt payload") },
    { AuditAction::RetUrlAnswer, "retUrl.answer", TR("Answer retUrl") },
    { AuditAction::WebhookSecretSet, "webhookSecret.set", TR("Set webhook secret") },
    { AuditAction::WebhookSecretRotate, "webhookSecret.rotate", TR("Rotate webhook secret") },
    { AuditAction::Reconnect, "reconnect", TR("Reconnect") },
    { AuditAction::MfaRelaunch, "mfa.relaunch", TR("Relaunch after MFA") },
    { AuditAction::Remove, "remove", TR("Remove connection") },
    { AuditAction::Import, "import", TR("Import") },
    { AuditAction::Export, "export", TR("Export") },
    { AuditAction::Logout, "logout", TR("Log out partner user") },
    { AuditAction::EnvironmentSwitch, "environment.switch", TR("Switch environment") },
    { AuditAction::SettingsChange, "settings.change", TR("Change settings") },
};
#undef TR
} // namespace

QList<AuditAction> AuditActions::all()
{
    QList<AuditAction> result;
    for (const Entry &e : kEntries)
        result << e.action;
    return result;
}

QString AuditActions::name(AuditAction action)
{
    for (const Entry &e : kEntries) {
        if (e.action == action)
            return QString::fromLatin1(e.name);
    }
    return {};
}

std::optional<AuditAction> AuditActions::fromName(const QString &name)
{
    for (const Entry &e : kEntries) {
        if (name == QLatin1String(e.name))
            return e.action;
    }
    return std::nullopt;
}

QString AuditActions::label(AuditAction action)
{
    for (const Entry &e : kEntries) {
        if (e.action == action)
            return QCoreApplication::translate("aerodesk::audit::AuditActions", e.label);
    }
    return {};
}

bool AuditActions::isReveal(AuditAction action)
{
    return action == AuditAction::RevealId || action == AuditAction::RevealUserCode ||
        action == AuditAction::RevealSecret;
}

} // namespace aerodesk::audit
