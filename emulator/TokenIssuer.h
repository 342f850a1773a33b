#pragma once

#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace aerodesk::emulator {

/// Issues and checks the sandbox's JWTs (HS256, the documented claim names) for API tokens and
/// widget tokens. The signing key is random per sandbox process.
class TokenIssuer
{
public:
    enum class Check { Valid, Missing, Malformed, BadSignature, Expired };

    TokenIssuer();

    /// An API token (claims jti, exp, ClientId, ClientName) valid for `ttlSeconds`.
    QByteArray issueApiToken(const QString &clientId, const QString &clientName, qint64 ttlSeconds);
    /// A widget token (claims jti, exp, userId, ClientId, ClientName, sessionId), 30 min.
    QByteArray issueWidgetToken(const QString &clientId, const QString &clientName,
                                const QString &userId);

    /// Checks a bearer token (the text after "Bearer "); `claims` gets its payload when valid.
    Check check(const QByteArray &token, QJsonObject *claims = nullptr) const;
    /// A widget token may launch one widget session: true the first time, false after.
    bool consumeWidgetToken(const QByteArray &token);

    /// Makes every API token issued so far expire now (fault injection: "token expires mid-job").
    void expireAllNow() { ++m_generation; }

private:
    QByteArray sign(const QJsonObject &claims) const;
    crypto::SecureBytes m_key;
    QSet<QByteArray> m_usedWidgetTokens;
    int m_generation = 0; ///< API tokens of an older generation are treated as expired
};

} // namespace aerodesk::emulator
