#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace aerodesk::audit {

/// A staff action the audit log records (issue 15). Each has a stable name, written into the
/// record and covered by its hash: never rename one (add a new action instead).
enum class AuditAction {
    RevealId, ///< an identifier (connectionId, aeroPassUserUuid, partner user id) shown unmasked
    RevealUserCode, ///< an embedded-banking userCode shown
    RevealSecret, ///< any other secret shown (API secret, webhook secret)
    Decrypt, ///< an embedded-banking payload decrypted
    RetUrlAnswer, ///< a retUrl answered for a partner user
    WebhookSecretSet, ///< a webhook signing secret written locally
    WebhookSecretRotate, ///< the webhook signing secret rotated (subscription API + local)
    Reconnect, ///< a connection's Reconnect (widget launched for it)
    MfaRelaunch, ///< a job relaunched after MFA
    Remove, ///< a connection removed from the store
    Import, ///< connections or a key imported
    Export, ///< something exported (walkthrough, audit CSV)
    Logout, ///< an embedded-banking partner user logged out
    EnvironmentSwitch, ///< the active environment changed
    SettingsChange, ///< an environment's settings saved
};

/// Stable names ("reveal.id", "webhookSecret.rotate"...) and translated labels of AuditAction.
class AuditActions
{
public:
    static QList<AuditAction> all();
    static QString name(AuditAction action);
    static std::optional<AuditAction> fromName(const QString &name);
    /// Translated, for the audit view.
    static QString label(AuditAction action);
    /// True for the reveals, which ask the staff member for a reason first.
    static bool isReveal(AuditAction action);
};

} // namespace aerodesk::audit
