#pragma once

#include "core/bundle/BundlePart.h"
#include "core/bundle/BundleRedactor.h"
#include "core/bundle/BundleSources.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <functional>

namespace aerodesk::bundle {

/// "An escalation bundle was written" — the seam for the audit log (issue 15: "the act is
/// audited"). Whoever writes a bundle (the preview dialog, `aerodesk-cli bundle`) calls
/// notify() after the ZIP is on disk; the process installs one hook at start-up (the lead wires
/// core/audit's log here). No secret is in the event, and no plain id but `connectionId` (for the
/// audit's blind index only): the subject's id is masked whatever the form, the files are the
/// manifest's list (names, sizes, SHA-256).
struct BundleWritten
{
    QDateTime at; ///< UTC
    QString path; ///< where the ZIP went
    BundleSources::Subject subject = BundleSources::Subject::Connection;
    QString subjectIdMasked;
    BundleRedactor::Form form = BundleRedactor::Form::Masked;
    QJsonArray files; ///< the manifest's "files"
    QString zipSha256; ///< of the whole ZIP
    /// The plain connectionId of a connection bundle (empty otherwise): ONLY for the audit
    /// record's blind index, so the export lands on the connection's timeline. Never shown or
    /// logged.
    QString connectionId;

    /// The event for `parts` (manifest first, as BundleBuilder makes them) just written to
    /// `path`: the manifest's subject, form and file list, the ZIP's SHA-256 read back.
    static BundleWritten describe(const QString &path, const QList<BundlePart> &parts,
                                  const QDateTime &at);
    /// The same, for the bundle of `sources` (a connection bundle keeps its connectionId).
    static BundleWritten describe(const QString &path, const QList<BundlePart> &parts,
                                  const QDateTime &at, const BundleSources &sources);

    using Hook = std::function<void(const BundleWritten &)>;
    /// Installs the hook (replacing any); an empty one removes it. Thread-safe.
    static void setHook(Hook hook);
    /// Calls the hook, if any, on the calling thread.
    static void notify(const BundleWritten &event);
};

} // namespace aerodesk::bundle
