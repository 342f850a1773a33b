#pragma once

#include "core/crypto/RsaPublicKey.h"
#include "core/crypto/SecureBytes.h"
#include "core/embedded/PayloadError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace aerodesk::embedded {

/// The JSON body a partner POSTs to an event's retUrl.
///  - connect:     {"status": "OK"}, or another status with an optional "reason"
///  - silent auth: {"payload": hex(RSA-OAEP-SHA-1(providerPublicKey, {"attemptId","userCode"})),
///                  "status": "OK"}
/// The body holds no secret in clear (the userCode is only inside the encrypted payload); the
/// plaintext JSON is built in wiping memory and wiped.
class RetUrlReply
{
public:
    static RetUrlReply connect(const QString &status = QStringLiteral("OK"),
                               const QString &reason = {});
    /// A reply that carries no payload: {"status": <status>} plus an optional "reason" — a
    /// connect answer, or a silent-authentication answer whose payload could not be built.
    static RetUrlReply statusOnly(const QString &status, const QString &reason = {});
    static Result<RetUrlReply, PayloadError>
    silentAuth(const crypto::RsaPublicKey &providerKey, const QString &attemptId,
               const crypto::SecureBytes &userCode, const QString &status = QStringLiteral("OK"));

    const QJsonObject &body() const { return m_body; }
    QByteArray toJson() const; ///< compact
    QString status() const { return m_body.value(QLatin1String("status")).toString(); }

private:
    QJsonObject m_body;
};

} // namespace aerodesk::embedded
