#include "core/keychain/KeychainLabel.h"

#include "core/keychain/KeychainEntries.h"

#include <QCoreApplication>

namespace aerodesk::keychain {

namespace {
QString describe(const QString &name)
{
    namespace e = entries;
    const struct
    {
        const char *name;
        const char *text;
    } known[] = {
        { e::kApiKey, QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "API key") },
        { e::kApiSecret, QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "API secret") },
        { e::kWebhookSecretCurrent,
          QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "webhook secret (current)") },
        { e::kWebhookSecretPrevious,
          QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "webhook secret (previous)") },
        { e::kPartnerPrivateKey,
          QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel",
                            "embedded-banking partner private key") },
        { e::kProviderPublicKey,
          QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel",
                            "embedded-banking provider public key") },
        { e::kPartnerUsers,
          QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel",
                            "embedded-banking partner users") },
        { e::kStoreKey, QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "store data key") },
        { e::kAuditHead,
          QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "audit log chain head") },
        { e::kTeamStorePassword,
          QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "team store password") },
        { e::kTeamKey, QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "team data key") },
        { e::kTeamEnrolmentKey,
          QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "team enrolment private key") },
        { e::kSelfTestProbe,
          QT_TRANSLATE_NOOP("aerodesk::keychain::KeychainLabel", "self-test probe") },
    };
    for (const auto &k : known)
        if (name == QLatin1String(k.name))
            return KeychainLabel::tr(k.text);
    const QLatin1String userCode(e::kUserCodePrefix);
    if (name.startsWith(userCode))
        return KeychainLabel::tr("userCode of partner user %1").arg(name.mid(userCode.size()));
    const QLatin1String otherTeamKey(e::kTeamKeyOtherPrefix);
    if (name.startsWith(otherTeamKey))
        return KeychainLabel::tr("team data key %1").arg(name.mid(otherTeamKey.size()));
    return name; // entry names are never secrets
}
} // namespace

QString KeychainLabel::forEntry(const QString &profile, const QString &name)
{
    return tr("AeroDesk — %1: %2").arg(profile, describe(name));
}

} // namespace aerodesk::keychain
