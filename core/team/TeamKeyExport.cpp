#include "core/team/TeamKeyExport.h"

#include "core/team/Armour.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace aerodesk::team {

namespace {
TeamError corruptExport(const QString &what)
{
    return TeamError::make(TeamError::Kind::Corrupt,
                           QCoreApplication::translate("aerodesk::team::TeamKeyExport",
                                                       "The team-key export is damaged: %1")
                               .arg(what));
}
} // namespace

QByteArray TeamKeyExport::toArmoured() const
{
    const QJsonObject o { { QStringLiteral("format"), QLatin1String(kFormat) },
                          { QStringLiteral("version"), ExportHeader::kVersion },
                          { QStringLiteral("header"), QString::fromLatin1(headerBytes.toBase64()) },
                          { QStringLiteral("sealed"), QString::fromLatin1(sealed.toBase64()) } };
    return Armour::encode(Armour::kTeamKeyLabel, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<TeamKeyExport, TeamError> TeamKeyExport::parse(QByteArrayView text)
{
    auto payload = Armour::decode(Armour::kTeamKeyLabel, text);
    if (!payload)
        return payload.error();
    const QJsonDocument doc = QJsonDocument::fromJson(payload.value());
    if (!doc.isObject())
        return corruptExport(QCoreApplication::translate("aerodesk::team::TeamKeyExport",
                                                         "its JSON does not parse."));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return TeamError::make(
            TeamError::Kind::NotOurFormat,
            QCoreApplication::translate("aerodesk::team::TeamKeyExport",
                                        "This AeroDesk block is not a team-key export."));
    const QJsonValue version = o.value(QStringLiteral("version"));
    if (version.toInt(-1) != ExportHeader::kVersion)
        return TeamError::make(
            TeamError::Kind::UnknownVersion,
            QCoreApplication::translate(
                "aerodesk::team::TeamKeyExport",
                "This team-key export is of version %1; this AeroDesk reads version "
                "%2. Update AeroDesk, or ask for a version %2 export.")
                .arg(version.toVariant().toString())
                .arg(ExportHeader::kVersion));
    const auto field = [&o](const char *name) {
        return QByteArray::fromBase64Encoding(o.value(QLatin1String(name)).toString().toLatin1(),
                                              QByteArray::AbortOnBase64DecodingErrors);
    };
    auto headerBytes = field("header");
    auto sealed = field("sealed");
    if (!headerBytes || headerBytes.decoded.isEmpty())
        return corruptExport(QCoreApplication::translate("aerodesk::team::TeamKeyExport",
                                                         "its header is missing or not base64."));
    if (!sealed || sealed.decoded.isEmpty())
        return corruptExport(QCoreApplication::translate(
            "aerodesk::team::TeamKeyExport", "its sealed key is missing or not base64."));
    const QJsonDocument headerDoc = QJsonDocument::fromJson(headerBytes.decoded);
    if (!headerDoc.isObject())
        return corruptExport(QCoreApplication::translate("aerodesk::team::TeamKeyExport",
                                                         "its header's JSON does not parse."));
    auto header = ExportHeader::fromJson(headerDoc.object());
    if (!header)
        return header.error();
    TeamKeyExport out;
    out.header = std::move(header).value();
    out.headerBytes = std::move(headerBytes.decoded);
    out.sealed = std::move(sealed.decoded);
    return out;
}

} // namespace aerodesk::team
