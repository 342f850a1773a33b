#pragma once

#include "core/webhooks/SecretRing.h"
#include "core/webhooks/WebhookVerdict.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace aerodesk::webhooks {

/// Verifies `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>` over the exact raw
/// body bytes, against the ring's current secret and, inside its overlap window, the previous
/// one. When nothing matches, it tells why: no header, wrong prefix, bad hex, wrong length, a
/// signature valid only for a re-serialised body (compact / sorted keys / spaced forms of the
/// parsed JSON: the body was changed in transit or by a framework), or no secret matched
/// (PreviousExpired when only the expired previous secret matches). Comparisons are
/// constant-time.
class SignatureVerifier
{
public:
    static constexpr const char *kHeaderName = "X-Webhook-Signature";

    static WebhookVerdict verify(const QByteArray &rawBody, const std::optional<QByteArray> &header,
                                 const SecretRing &ring);
    /// Finds the header (case-insensitively) among raw header pairs and verifies.
    static WebhookVerdict verify(const QByteArray &rawBody,
                                 const QList<QPair<QByteArray, QByteArray>> &headers,
                                 const SecretRing &ring);
    /// "sha256=<lowercase hex>" for `rawBody` under `secret` (for tests and the CLI).
    static QByteArray sign(const QByteArray &rawBody, QByteArrayView secret);
    /// Re-serialised forms tried for ReserialisedBody, labelled ("minified", "sorted keys"...).
    static QList<QPair<QString, QByteArray>> reserialisations(const QByteArray &rawBody);
};

} // namespace aerodesk::webhooks
