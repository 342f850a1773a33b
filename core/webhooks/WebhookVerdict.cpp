#include "core/webhooks/WebhookVerdict.h"

namespace aerodesk::webhooks {

QString verdictKindName(WebhookVerdict::Kind kind)
{
    using K = WebhookVerdict::Kind;
    switch (kind) {
    case K::Valid:
        return QStringLiteral("valid");
    case K::HeaderMissing:
        return QStringLiteral("header-missing");
    case K::WrongPrefix:
        return QStringLiteral("wrong-prefix");
    case K::BadHex:
        return QStringLiteral("bad-hex");
    case K::WrongLength:
        return QStringLiteral("wrong-length");
    case K::ReserialisedBody:
        return QStringLiteral("reserialised-body");
    case K::NoSecretMatched:
        return QStringLiteral("no-secret-matched");
    case K::PreviousExpired:
        return QStringLiteral("previous-expired");
    case K::NoSecretConfigured:
        return QStringLiteral("no-secret-configured");
    }
    return QStringLiteral("unknown");
}

QString verdictSecretName(WebhookVerdict::Secret secret)
{
    switch (secret) {
    case WebhookVerdict::Secret::None:
        return QStringLiteral("none");
    case WebhookVerdict::Secret::Current:
        return QStringLiteral("current");
    case WebhookVerdict::Secret::Previous:
        return QStringLiteral("previous");
    }
    return QStringLiteral("none");
}

} // namespace aerodesk::webhooks
