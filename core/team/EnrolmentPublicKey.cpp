#include "core/team/EnrolmentPublicKey.h"

#include "core/team/Armour.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace aerodesk::team {

QString EnrolmentPublicKey::keyIdOf(const QByteArray &publicKey)
{
    const QByteArray digest = QCryptographicHash::hash(
        QByteArrayLiteral("aerodesk enrolment key id v1") + publicKey, QCryptographicHash::Sha256);
    return QStringLiteral("ek1-") + QString::fromLatin1(digest.left(16).toHex());
}

QString EnrolmentPublicKey::keyId() const
{
    return keyIdOf(publicKey);
}

QByteArray EnrolmentPublicKey::toArmoured() const
{
    const QJsonObject o { { QStringLiteral("format"), QLatin1String(kFormat) },
                          { QStringLiteral("version"), kVersion },
                          { QStringLiteral("algorithm"), QStringLiteral("X25519") },
                          { QStringLiteral("publicKey"),
                            QString::fromLatin1(publicKey.toBase64()) },
                          { QStringLiteral("keyId"), keyId() },
                          { QStringLiteral("agent"), agent },
                          { QStringLiteral("createdAt"), createdAt } };
    return Armour::encode(Armour::kEnrolmentKeyLabel,
                          QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<EnrolmentPublicKey, TeamError> EnrolmentPublicKey::parse(QByteArrayView text)
{
    auto payload = Armour::decode(Armour::kEnrolmentKeyLabel, text);
    if (!payload)
        return payload.error();
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(payload.value(), &jsonError);
    if (!doc.isObject())
        return TeamError::make(TeamError::Kind::Corrupt,
                               QCoreApplication::translate("aerodesk::team::EnrolmentPublicKey",
                                                           "The enrolment key's JSON is damaged."));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return TeamError::make(
            TeamError::Kind::NotOurFormat,
            QCoreApplication::translate("aerodesk::team::EnrolmentPublicKey",
                                        "This is not an AeroDesk enrolment key."));
    if (o.value(QStringLiteral("version")).toInt(-1) != kVersion)
        return TeamError::make(
            TeamError::Kind::UnknownVersion,
            QCoreApplication::translate(
                "aerodesk::team::EnrolmentPublicKey",
                "This enrolment key is of version %1; this AeroDesk reads version %2.")
                .arg(o.value(QStringLiteral("version")).toVariant().toString())
                .arg(kVersion));
    EnrolmentPublicKey key;
    auto raw =
        QByteArray::fromBase64Encoding(o.value(QStringLiteral("publicKey")).toString().toLatin1(),
                                       QByteArray::AbortOnBase64DecodingErrors);
    if (o.value(QStringLiteral("algorithm")).toString() != QLatin1String("X25519") || !raw ||
        raw.decoded.size() != 32)
        return TeamError::make(
            TeamError::Kind::BadHeader,
            QCoreApplication::translate("aerodesk::team::EnrolmentPublicKey",
                                        "The enrolment key is not a 32-byte X25519 key."));
    key.publicKey = raw.decoded;
    const QString id = o.value(QStringLiteral("keyId")).toString();
    if (!id.isEmpty() && id != key.keyId())
        return TeamError::make(
            TeamError::Kind::BadHeader,
            QCoreApplication::translate("aerodesk::team::EnrolmentPublicKey",
                                        "The enrolment key's id does not match its key."));
    key.agent = o.value(QStringLiteral("agent")).toString();
    key.createdAt = o.value(QStringLiteral("createdAt")).toString();
    return key;
}

} // namespace aerodesk::team
