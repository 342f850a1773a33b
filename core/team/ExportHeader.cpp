#include "core/team/ExportHeader.h"

#include "core/team/EnrolmentKeyPair.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeychain.h"

#include <QCoreApplication>
#include <QDateTime>

namespace aerodesk::team {

namespace {
constexpr const char *kWrapName = "x25519-hkdf-sha256-aes-256-gcm";

TeamError badField(const char *field, const QString &why)
{
    return TeamError::make(TeamError::Kind::BadHeader,
                           QCoreApplication::translate("aerodesk::team::ExportHeader",
                                                       "The export's header has a bad \"%1\": %2")
                               .arg(QLatin1String(field), why));
}

std::optional<QByteArray> base64Field(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isString())
        return std::nullopt;
    auto d = QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!d)
        return std::nullopt;
    return d.decoded;
}
} // namespace

QString ExportHeader::kindName(Kind kind)
{
    return kind == Kind::Passphrase ? QStringLiteral("passphrase") : QStringLiteral("x25519");
}

QJsonObject ExportHeader::toJson() const
{
    QJsonObject o {
        { QStringLiteral("version"), version },     { QStringLiteral("kind"), kindName(kind) },
        { QStringLiteral("team"), team },           { QStringLiteral("keyId"), keyId },
        { QStringLiteral("createdBy"), createdBy }, { QStringLiteral("createdAt"), createdAt }
    };
    if (kind == Kind::Passphrase) {
        QJsonObject kdf = scrypt.toJson();
        kdf.insert(QStringLiteral("salt"), QString::fromLatin1(salt.toBase64()));
        o.insert(QStringLiteral("kdf"), kdf);
    } else {
        o.insert(QStringLiteral("wrap"),
                 QJsonObject { { QStringLiteral("name"), QLatin1String(kWrapName) },
                               { QStringLiteral("ephemeralPublicKey"),
                                 QString::fromLatin1(ephemeralPublicKey.toBase64()) },
                               { QStringLiteral("recipientKeyId"), recipientKeyId } });
    }
    return o;
}

Result<ExportHeader, TeamError> ExportHeader::fromJson(const QJsonObject &o)
{
    ExportHeader h;
    h.version = o.value(QStringLiteral("version")).toInt(-1);
    if (h.version != kVersion)
        return badField("version",
                        QCoreApplication::translate("aerodesk::team::ExportHeader",
                                                    "it does not match the export's version."));
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == kindName(Kind::Passphrase))
        h.kind = Kind::Passphrase;
    else if (kind == kindName(Kind::PublicKey))
        h.kind = Kind::PublicKey;
    else
        return badField("kind",
                        QCoreApplication::translate("aerodesk::team::ExportHeader",
                                                    "expected \"passphrase\" or \"x25519\"."));
    h.team = o.value(QStringLiteral("team")).toString();
    if (auto problem = TeamKeychain::teamNameProblem(h.team))
        return badField("team", *problem);
    h.keyId = o.value(QStringLiteral("keyId")).toString();
    if (!TeamKey::isKeyId(h.keyId))
        return badField("keyId",
                        QCoreApplication::translate("aerodesk::team::ExportHeader",
                                                    "not a team key id (tk1-...)."));
    h.createdBy = o.value(QStringLiteral("createdBy")).toString();
    h.createdAt = o.value(QStringLiteral("createdAt")).toString();
    if (!QDateTime::fromString(h.createdAt, Qt::ISODate).isValid())
        return badField(
            "createdAt",
            QCoreApplication::translate("aerodesk::team::ExportHeader", "not an ISO 8601 time."));
    if (h.kind == Kind::Passphrase) {
        const QJsonObject kdf = o.value(QStringLiteral("kdf")).toObject();
        auto params = ScryptParams::fromJson(kdf);
        if (!params)
            return badField(
                "kdf",
                QCoreApplication::translate("aerodesk::team::ExportHeader",
                                            "not scrypt with whole N (a power of two), r, "
                                            "p and maxmem."));
        if (auto problem = params->problem())
            return badField("kdf", *problem);
        h.scrypt = *params;
        auto salt = base64Field(kdf, "salt");
        if (!salt || salt->size() < kSaltBytes)
            return badField(
                "kdf",
                QCoreApplication::translate("aerodesk::team::ExportHeader",
                                            "the salt must be at least %1 bytes of base64.")
                    .arg(kSaltBytes));
        h.salt = *salt;
    } else {
        const QJsonObject wrap = o.value(QStringLiteral("wrap")).toObject();
        if (wrap.value(QStringLiteral("name")).toString() != QLatin1String(kWrapName))
            return badField("wrap",
                            QCoreApplication::translate("aerodesk::team::ExportHeader",
                                                        "unknown key wrapping."));
        auto eph = base64Field(wrap, "ephemeralPublicKey");
        if (!eph || eph->size() != EnrolmentKeyPair::kKeyBytes)
            return badField("wrap",
                            QCoreApplication::translate("aerodesk::team::ExportHeader",
                                                        "the ephemeral key must be 32 bytes."));
        h.ephemeralPublicKey = *eph;
        h.recipientKeyId = wrap.value(QStringLiteral("recipientKeyId")).toString();
        if (!h.recipientKeyId.startsWith(QLatin1String("ek1-")) || h.recipientKeyId.size() != 36)
            return badField(
                "wrap",
                QCoreApplication::translate("aerodesk::team::ExportHeader",
                                            "no recipient enrolment key id (ek1-...)."));
    }
    return h;
}

} // namespace aerodesk::team
