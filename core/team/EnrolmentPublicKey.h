#pragma once

#include "core/team/TeamError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace aerodesk::team {

/// The public half of an agent's enrolment key, as the agent sends it to the lead:
/// armoured ("AERODESK ENROLMENT KEY") JSON
///   {"format":"aerodesk-enrolment-key","version":1,"algorithm":"X25519",
///    "publicKey":"<base64 of 32 bytes>","agent":"<name>","createdAt":"<ISO 8601 UTC>"}
/// Nothing in it is secret. Its id ("ek1-" + 32 hex digits of SHA-256 over a label and the
/// public key) is what a public-key export names as its recipient.
class EnrolmentPublicKey
{
public:
    static constexpr const char *kFormat = "aerodesk-enrolment-key";
    static constexpr int kVersion = 1;

    QByteArray publicKey; ///< 32 raw bytes
    QString agent; ///< who made it (free text, shown to the lead)
    QString createdAt; ///< ISO 8601 UTC

    QString keyId() const;
    static QString keyIdOf(const QByteArray &publicKey);
    QByteArray toArmoured() const;
    /// NotOurFormat / UnknownVersion / Corrupt / BadHeader, each with its sentence.
    static Result<EnrolmentPublicKey, TeamError> parse(QByteArrayView text);
};

} // namespace aerodesk::team
