#include "core/bundle/BundleBuilder.h"

#include "core/bundle/BundleManifest.h"
#include "core/util/Clock.h"
#include "core/util/CoreVersion.h"
#include "core/util/DiagnosticLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

#include <openssl/opensslv.h>

namespace aerodesk::bundle {

namespace {

const QString kJson = QStringLiteral("application/json");

BundlePart jsonPart(const QString &name, const QJsonObject &object)
{
    return { name, QJsonDocument(object).toJson(QJsonDocument::Indented), kJson };
}

QJsonObject webhookJson(const BundleWebhookEvidence &w, const BundleRedactor &redactor)
{
    QJsonObject o {
        { QStringLiteral("receivedAt"),
          w.receivedAt.isValid() ? QJsonValue(w.receivedAt.toUTC().toString(Qt::ISODateWithMs))
                                 : QJsonValue() },
        { QStringLiteral("verdict"), w.verdict },
        { QStringLiteral("verdictSecret"), w.verdictSecret },
        { QStringLiteral("message"), redactor.redactText(w.message) },
        { QStringLiteral("httpStatus"), w.httpStatus },
        // A signature is an HMAC of the body, not a secret: kept as received, so the provider
        // can match it against their delivery log.
        { QStringLiteral("signatureHeader"), QString::fromLatin1(w.signatureHeader) },
        { QStringLiteral("bodySize"), double(w.body.size()) },
        { QStringLiteral("bodySha256"), BundleManifest::sha256Hex(w.body) },
    };
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(w.body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject())
        o.insert(QStringLiteral("body"), redactor.redact(doc.object()));
    else if (error.error == QJsonParseError::NoError && doc.isArray())
        o.insert(QStringLiteral("body"), redactor.redact(doc.array()));
    else
        o.insert(QStringLiteral("bodyText"), redactor.redactText(QString::fromUtf8(w.body)));
    return o;
}

} // namespace

BundleBuilder::BundleBuilder(const Clock &clock)
    : m_clock(clock)
{
}

QString BundleBuilder::stateFileName(BundleSources::Subject subject)
{
    return subject == BundleSources::Subject::PartnerUser ? QStringLiteral("partner-user.json")
                                                          : QStringLiteral("connection.json");
}

QList<BundlePart> BundleBuilder::build(const BundleSources &sources,
                                       BundleRedactor::Form form) const
{
    QStringList ids { sources.subjectId };
    ids << sources.relatedIds;
    const BundleRedactor redactor(form, ids);
    QList<BundlePart> parts;

    // The state.
    const QJsonObject state = sources.state ? sources.state() : QJsonObject();
    parts << jsonPart(stateFileName(sources.subject), redactor.redact(state));

    // The timeline.
    QJsonArray entries;
    if (sources.timeline) {
        for (const QJsonObject &entry : sources.timeline())
            entries.append(redactor.redact(entry));
    }
    parts << jsonPart(QStringLiteral("timeline.json"),
                      { { QStringLiteral("subject"), redactor.id(sources.subjectId) },
                        { QStringLiteral("entries"), entries } });

    // Webhook evidence.
    QJsonArray deliveries;
    if (sources.webhooks) {
        for (const BundleWebhookEvidence &w : sources.webhooks())
            deliveries.append(webhookJson(w, redactor));
    }
    parts << jsonPart(QStringLiteral("webhooks.json"),
                      { { QStringLiteral("deliveries"), deliveries } });

    // Versions.
    parts << jsonPart(QStringLiteral("versions.json"),
                      { { QStringLiteral("application"), CoreVersion::application() },
                        { QStringLiteral("qtRuntime"), CoreVersion::qtRuntime() },
                        { QStringLiteral("qtBuild"), QStringLiteral(QT_VERSION_STR) },
                        { QStringLiteral("opensslRuntime"), CoreVersion::openSslRuntime() },
                        { QStringLiteral("opensslBuild"), QStringLiteral(OPENSSL_VERSION_TEXT) },
                        { QStringLiteral("os"), QSysInfo::prettyProductName() },
                        { QStringLiteral("kernel"), QSysInfo::kernelVersion() },
                        { QStringLiteral("cpu"), QSysInfo::currentCpuArchitecture() },
                        { QStringLiteral("environmentKind"), sources.environmentKind } });

    // The diagnostic log excerpt.
    QStringList lines =
        sources.diagnosticLog ? sources.diagnosticLog() : DiagnosticLog::tail(kLogLines);
    if (lines.size() > kLogLines)
        lines = lines.mid(lines.size() - kLogLines);
    QByteArray log;
    for (const QString &line : lines)
        log += redactor.redactText(line).toUtf8() + '\n';
    parts << BundlePart { QStringLiteral("diagnostic-log.txt"), log,
                          QStringLiteral("text/plain; charset=utf-8") };

    BundleManifest manifest(m_clock.nowUtc(), form, sources.subject, redactor.id(sources.subjectId),
                            sources.environmentKind);
    for (const BundlePart &p : parts)
        manifest.add(p);
    parts.prepend(manifest.toPart());
    return parts;
}

} // namespace aerodesk::bundle
