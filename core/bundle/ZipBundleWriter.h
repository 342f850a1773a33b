#pragma once

#include "core/bundle/BundlePart.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace aerodesk::bundle {

/// Writes (and reads back) an escalation bundle as a ZIP, through libzip — no ZIP code of our
/// own. Entries are deflated, named in UTF-8, in the order given, each with `modified` as its
/// time. The archive is made in memory and then saved with QSaveFile (all or nothing: a failed
/// write leaves no half file), owner-only (0600).
class ZipBundleWriter
{
public:
    /// The ZIP's bytes, or why libzip refused.
    static Result<QByteArray, QString> toZip(const QList<BundlePart> &parts,
                                             const QDateTime &modified = {});
    /// Writes the ZIP to `path`; nullopt on success, else a translated sentence.
    static std::optional<QString> write(const QString &path, const QList<BundlePart> &parts,
                                        const QDateTime &modified = {});
    /// Every entry of the ZIP at `path` (libzip's read API), in archive order; media types
    /// are left empty.
    static Result<QList<BundlePart>, QString> read(const QString &path);
};

} // namespace aerodesk::bundle
