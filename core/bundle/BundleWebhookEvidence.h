#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace aerodesk::bundle {

/// One webhook delivery as evidence for a bundle: the exact body received, the
/// X-Webhook-Signature header as it came (a signature is not a secret: it is kept), and the
/// verdict AeroDesk gave it. The bundle redacts the body like every other part.
struct BundleWebhookEvidence
{
    QDateTime receivedAt; ///< UTC
    QByteArray body; ///< raw bytes as received
    QByteArray signatureHeader; ///< "sha256=<hex>", or empty when the delivery had none
    QString verdict; ///< webhooks::verdictKindName ("valid", "no-secret-matched"...)
    QString verdictSecret; ///< webhooks::verdictSecretName ("current", "previous", "none")
    QString message; ///< the verdict's sentence
    int httpStatus = 0; ///< what the listener answered (0: not answered by the listener)
};

} // namespace aerodesk::bundle
