#pragma once

#include <QString>

namespace aerodesk::webhooks {

/// The outcome of checking one delivery's X-Webhook-Signature.
struct WebhookVerdict
{
    enum class Kind {
        Valid, ///< matched (see `secret`)
        HeaderMissing, ///< no X-Webhook-Signature header (or an empty one)
        WrongPrefix, ///< not "sha256=<hex>"
        BadHex, ///< the part after "sha256=" is not hex
        WrongLength, ///< hex, but not 32 bytes (64 digits)
        ReserialisedBody, ///< valid only for a re-serialised body: whitespace or key order changed
        NoSecretMatched, ///< neither the current nor the (in-window) previous secret matches
        PreviousExpired, ///< only the previous secret matches, and its overlap window has closed
        NoSecretConfigured, ///< no secret to check with
    };
    enum class Secret { None, Current, Previous };

    Kind kind = Kind::NoSecretMatched;
    Secret secret =
        Secret::None; ///< the secret that matched (also for ReserialisedBody/PreviousExpired)
    QString detail; ///< ReserialisedBody: which form ("compact", "sorted keys"...)
    QString message; ///< one human sentence

    bool ok() const { return kind == Kind::Valid; }
};

QString verdictKindName(WebhookVerdict::Kind kind);
QString verdictSecretName(WebhookVerdict::Secret secret);

} // namespace aerodesk::webhooks
