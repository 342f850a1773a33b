#include "core/bundle/BundleManifest.h"

#include "core/api/JsonRead.h"
#include "core/util/CoreVersion.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>

namespace aerodesk::bundle {

BundleManifest::BundleManifest(QDateTime createdAt, BundleRedactor::Form form,
                               BundleSources::Subject subject, QString subjectIdShown,
                               QString environmentKind)
    : m_createdAt(std::move(createdAt))
    , m_form(form)
    , m_subject(subject)
    , m_subjectId(std::move(subjectIdShown))
    , m_environmentKind(std::move(environmentKind))
{
}

void BundleManifest::add(const BundlePart &part)
{
    m_files.append(QJsonObject { { QStringLiteral("name"), part.name },
                                 { QStringLiteral("mediaType"), part.mediaType },
                                 { QStringLiteral("size"), double(part.bytes.size()) },
                                 { QStringLiteral("sha256"), sha256Hex(part.bytes) } });
}

QJsonObject BundleManifest::toJson() const
{
    return QJsonObject {
        { QStringLiteral("format"), QLatin1String(kFormat) },
        { QStringLiteral("formatVersion"), kFormatVersion },
        { QStringLiteral("createdAt"), m_createdAt.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("form"), BundleRedactor::formName(m_form) },
        { QStringLiteral("subject"),
          QJsonObject { { QStringLiteral("kind"), BundleSources::subjectName(m_subject) },
                        { QStringLiteral("id"), m_subjectId } } },
        { QStringLiteral("application"), CoreVersion::application() },
        { QStringLiteral("qt"), CoreVersion::qtRuntime() },
        { QStringLiteral("openssl"), CoreVersion::openSslRuntime() },
        { QStringLiteral("environmentKind"), m_environmentKind },
        { QStringLiteral("files"), m_files },
    };
}

BundlePart BundleManifest::toPart() const
{
    return BundlePart { QLatin1String(kFileName),
                        QJsonDocument(toJson()).toJson(QJsonDocument::Indented),
                        QStringLiteral("application/json") };
}

QString BundleManifest::sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

std::optional<QString> BundleManifest::verify(const QJsonObject &manifest,
                                              const QList<BundlePart> &files)
{
    if (manifest.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return QStringLiteral("not an AeroDesk escalation bundle manifest");
    QSet<QString> listed;
    for (const QJsonValue &v : manifest.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString name = f.value(QStringLiteral("name")).toString();
        listed.insert(name);
        const BundlePart *found = nullptr;
        for (const BundlePart &p : files) {
            if (p.name == name)
                found = &p;
        }
        if (!found)
            return QStringLiteral("%1 is listed but missing").arg(name);
        const auto size = api::JsonRead::toInteger(f.value(QStringLiteral("size")).toDouble(-1), 0);
        if (!size || *size != found->bytes.size())
            return QStringLiteral("%1: the size differs").arg(name);
        if (f.value(QStringLiteral("sha256")).toString() != sha256Hex(found->bytes))
            return QStringLiteral("%1: the SHA-256 differs").arg(name);
    }
    for (const BundlePart &p : files) {
        if (p.name != QLatin1String(kFileName) && !listed.contains(p.name))
            return QStringLiteral("%1 is not listed").arg(p.name);
    }
    return std::nullopt;
}

QString BundleManifest::environmentKindName(api::Environment::Kind kind)
{
    switch (kind) {
    case api::Environment::Kind::BuiltInSandbox:
        return QStringLiteral("built-in-sandbox");
    case api::Environment::Kind::CustomSandbox:
        return QStringLiteral("custom-sandbox");
    case api::Environment::Kind::Production:
        return QStringLiteral("production");
    }
    return QStringLiteral("unknown");
}

} // namespace aerodesk::bundle
