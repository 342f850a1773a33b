#pragma once

#include "core/bundle/BundlePart.h"
#include "core/bundle/BundleRedactor.h"
#include "core/bundle/BundleSources.h"

#include <QList>

namespace aerodesk {
class Clock;
}

namespace aerodesk::bundle {

/// Makes the files of an escalation bundle from its sources, every one through a
/// BundleRedactor of the chosen form:
///
///   manifest.json       BundleManifest: versions, environment kind, form, every other file
///                       with its size and SHA-256
///   connection.json     the subject's state (partner-user.json for a partner user)
///   timeline.json       { "entries": [...] } oldest first
///   webhooks.json       { "deliveries": [ { receivedAt, verdict, verdictSecret, message,
///                       httpStatus, signatureHeader (kept), bodySha256 (of the body as
///                       received), body (redacted JSON, or redacted text) } ] }
///   versions.json       app, Qt (runtime and build), OpenSSL (runtime and build), OS,
///                       environment kind
///   diagnostic-log.txt  the last kLogLines lines of the diagnostic log, redacted
///
/// Pure: no file is written (ZipBundleWriter does that), and it may run on any thread as long
/// as the sources' providers may.
class BundleBuilder
{
public:
    static constexpr int kLogLines = 200;

    explicit BundleBuilder(const Clock &clock);

    /// manifest.json first, then the others in the order above.
    QList<BundlePart> build(const BundleSources &sources, BundleRedactor::Form form) const;

    /// The name of the state file for `subject`.
    static QString stateFileName(BundleSources::Subject subject);

private:
    const Clock &m_clock;
};

} // namespace aerodesk::bundle
