#include "core/webhooks/SignatureVerifier.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Hmac.h"
#include "core/crypto/HmacKey.h"

#include <QJsonDocument>

namespace aerodesk::webhooks {

namespace {
using K = WebhookVerdict::Kind;
using S = WebhookVerdict::Secret;

WebhookVerdict make(K kind, QString message, S secret = S::None, QString detail = {})
{
    WebhookVerdict v;
    v.kind = kind;
    v.secret = secret;
    v.message = std::move(message);
    v.detail = std::move(detail);
    return v;
}

// Drops whitespace outside strings; with `spaced`, writes ", " and ": " (Python's default).
QByteArray rewriteSpacing(const QByteArray &in, bool spaced)
{
    QByteArray out;
    out.reserve(in.size());
    bool inString = false;
    bool escape = false;
    for (const char c : in) {
        if (inString) {
            out.append(c);
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        out.append(c);
        if (c == '"')
            inString = true;
        else if (spaced && (c == ',' || c == ':'))
            out.append(' ');
    }
    return out;
}
} // namespace

QByteArray SignatureVerifier::sign(const QByteArray &rawBody, QByteArrayView secret)
{
    return "sha256=" + crypto::Hex::encode(crypto::Hmac::sha256(secret, rawBody));
}

QList<QPair<QString, QByteArray>> SignatureVerifier::reserialisations(const QByteArray &rawBody)
{
    QList<QPair<QString, QByteArray>> forms;
    auto add = [&](const QString &label, const QByteArray &bytes) {
        if (bytes.isEmpty() || bytes == rawBody)
            return;
        for (const auto &f : forms) {
            if (f.second == bytes)
                return;
        }
        forms.append({ label, bytes });
    };
    add(QStringLiteral("whitespace removed"), rewriteSpacing(rawBody, false));
    add(QStringLiteral("spaced separators"), rewriteSpacing(rawBody, true));
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(rawBody, &err);
    if (err.error == QJsonParseError::NoError && !doc.isNull()) {
        // QJsonObject keeps keys sorted: these are sorted-key forms.
        add(QStringLiteral("sorted keys, compact"), doc.toJson(QJsonDocument::Compact));
        add(QStringLiteral("sorted keys, indented"), doc.toJson(QJsonDocument::Indented));
        add(QStringLiteral("sorted keys, spaced separators"),
            rewriteSpacing(doc.toJson(QJsonDocument::Compact), true));
    }
    return forms;
}

WebhookVerdict SignatureVerifier::verify(const QByteArray &rawBody,
                                         const QList<QPair<QByteArray, QByteArray>> &headers,
                                         const SecretRing &ring)
{
    for (const auto &h : headers) {
        if (h.first.compare(kHeaderName, Qt::CaseInsensitive) == 0)
            return verify(rawBody, h.second, ring);
    }
    return verify(rawBody, std::nullopt, ring);
}

WebhookVerdict SignatureVerifier::verify(const QByteArray &rawBody,
                                         const std::optional<QByteArray> &header,
                                         const SecretRing &ring)
{
    if (!header || QByteArrayView(*header).trimmed().isEmpty())
        return make(
            K::HeaderMissing,
            QStringLiteral("The delivery has no X-Webhook-Signature header: reject it (Aerosync "
                           "sends one whenever a secret is set)."));
    // Views, not copies: a valid delivery costs one allocation (the decoded MAC) besides the HMAC.
    const QByteArrayView value = QByteArrayView(*header).trimmed();
    if (!value.startsWith("sha256="))
        return make(
            K::WrongPrefix,
            QStringLiteral("The signature header does not start with \"sha256=\" (it starts "
                           "with \"%1\").")
                .arg(QString::fromUtf8(value.first(qMin<qsizetype>(12, value.size())))));
    // The common case, 64 hex digits, decodes on the stack; anything else goes through
    // Hex::decode, which says what is wrong.
    unsigned char fixed[32];
    const bool fixedOk = crypto::Hex::decodeInto(value.sliced(7), fixed, qsizetype(sizeof fixed));
    const auto mac = fixedOk ? Result<QByteArray, crypto::CryptoError>(QByteArray())
                             : crypto::Hex::decode(value.sliced(7));
    if (!mac.ok())
        return make(K::BadHex,
                    QStringLiteral("The signature after \"sha256=\" is not valid hex: %1")
                        .arg(mac.error().message));
    if (!fixedOk && mac->size() != 32)
        return make(
            K::WrongLength,
            QStringLiteral("The signature is %1 bytes long; an HMAC-SHA256 is 32 bytes (64 hex "
                           "digits).")
                .arg(mac->size()));
    if (ring.current().isEmpty() && ring.previous().isEmpty())
        return make(K::NoSecretConfigured,
                    QStringLiteral("No webhook secret is set for this environment: set one in "
                                   "Settings to verify deliveries."));

    // The ring's keyed contexts: each check hashes the body only (no key set-up per call).
    const QByteArrayView expected = fixedOk
        ? QByteArrayView(reinterpret_cast<const char *>(fixed), qsizetype(sizeof fixed))
        : QByteArrayView(*mac);
    auto matches = [&](const crypto::HmacKey *key, const QByteArray &body) {
        return key && key->verify(body, expected);
    };
    if (matches(ring.currentMac(), rawBody))
        return make(K::Valid, QStringLiteral("Signature valid (current secret)."), S::Current);
    // Only now read the clock (the previous secret's window): not on the common path.
    const bool previousActive = ring.previousActive();
    if (previousActive && matches(ring.previousMac(), rawBody))
        return make(K::Valid,
                    QStringLiteral(
                        "Signature valid with the previous secret (rotated %1; accepted until %2).")
                        .arg(ring.rotatedAt().toString(Qt::ISODate),
                             ring.previousValidUntil().toString(Qt::ISODate)),
                    S::Previous);
    for (const auto &form : reserialisations(rawBody)) {
        const S which = matches(ring.currentMac(), form.second) ? S::Current
            : matches(ring.previousMac(), form.second)          ? S::Previous
                                                                : S::None;
        if (which != S::None)
            return make(K::ReserialisedBody,
                        QStringLiteral("The signature matches the body only after re-serialising "
                                       "it (%1): the raw bytes "
                                       "were changed on the way (whitespace or key order). Verify "
                                       "the exact bytes received.")
                            .arg(form.first),
                        which, form.first);
    }
    if (matches(ring.previousMac(), rawBody))
        return make(
            K::PreviousExpired,
            QStringLiteral("Only the previous secret matches, and its overlap window closed at %1.")
                .arg(ring.previousValidUntil().toString(Qt::ISODate)),
            S::Previous);
    return make(K::NoSecretMatched,
                QStringLiteral("The signature matches neither the current secret%1: the body was "
                               "altered or the sender uses another secret.")
                    .arg(previousActive ? QStringLiteral(" nor the previous one") : QString()));
}

} // namespace aerodesk::webhooks
