#include "core/bundle/BundleWritten.h"

#include "core/bundle/BundleManifest.h"
#include "core/connections/IdMask.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

namespace aerodesk::bundle {

namespace {

struct HookState
{
    QMutex mutex;
    BundleWritten::Hook hook;
};

HookState &state()
{
    static HookState s;
    return s;
}

} // namespace

BundleWritten BundleWritten::describe(const QString &path, const QList<BundlePart> &parts,
                                      const QDateTime &at)
{
    BundleWritten e;
    e.at = at.toUTC();
    e.path = path;
    const QJsonObject manifest =
        parts.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(parts.first().bytes).object();
    const QJsonObject subject = manifest.value(QStringLiteral("subject")).toObject();
    if (subject.value(QStringLiteral("kind")).toString() == QLatin1String("partner-user"))
        e.subject = BundleSources::Subject::PartnerUser;
    // The manifest shows the id per the form; the audit record always masks it.
    e.subjectIdMasked = connections::IdMask::mask(subject.value(QStringLiteral("id")).toString());
    e.form = BundleRedactor::formFromName(manifest.value(QStringLiteral("form")).toString())
                 .value_or(BundleRedactor::Form::Masked);
    e.files = manifest.value(QStringLiteral("files")).toArray();
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        e.zipSha256 = BundleManifest::sha256Hex(f.readAll());
    return e;
}

BundleWritten BundleWritten::describe(const QString &path, const QList<BundlePart> &parts,
                                      const QDateTime &at, const BundleSources &sources)
{
    BundleWritten e = describe(path, parts, at);
    if (sources.subject == BundleSources::Subject::Connection)
        e.connectionId = sources.subjectId;
    return e;
}

void BundleWritten::setHook(Hook hook)
{
    QMutexLocker lock(&state().mutex);
    state().hook = std::move(hook);
}

void BundleWritten::notify(const BundleWritten &event)
{
    Hook hook;
    {
        QMutexLocker lock(&state().mutex);
        hook = state().hook;
    }
    if (hook)
        hook(event);
}

} // namespace aerodesk::bundle
