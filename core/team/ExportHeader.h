#pragma once

#include "core/team/ScryptParams.h"
#include "core/team/TeamError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace aerodesk::team {

/// The authenticated header of a team-key export (docs/team.md, "Enrolment"). Its exact JSON
/// bytes are the AES-256-GCM associated data, so any edit makes the unwrap fail.
///   {"version":1,"kind":"passphrase"|"x25519","team":..,"keyId":"tk1-..","createdBy":..,
///    "createdAt":"<ISO 8601 UTC>",
///    "kdf":{"name":"scrypt","N":..,"r":..,"p":..,"maxmem":..,"salt":"<b64, 16 bytes>"}   or
///    "wrap":{"name":"x25519-hkdf-sha256-aes-256-gcm","ephemeralPublicKey":"<b64, 32 bytes>",
///            "recipientKeyId":"ek1-.."}}
struct ExportHeader
{
    enum class Kind { Passphrase, PublicKey };
    static constexpr int kVersion = 1;
    static constexpr int kSaltBytes = 16;

    int version = kVersion;
    Kind kind = Kind::Passphrase;
    QString team;
    QString keyId;
    QString createdBy;
    QString createdAt;
    // Passphrase
    ScryptParams scrypt;
    QByteArray salt;
    // PublicKey
    QByteArray ephemeralPublicKey;
    QString recipientKeyId;

    QJsonObject toJson() const;
    /// BadHeader (naming the field) for any missing, malformed or out-of-bounds field.
    static Result<ExportHeader, TeamError> fromJson(const QJsonObject &o);
    static QString kindName(Kind kind);
};

} // namespace aerodesk::team
