#include "emulator/TokenIssuer.h"

#include "core/crypto/Hmac.h"
#include "core/crypto/Random.h"
#include "emulator/IssuedSecretsLog.h"

#include <QJsonDocument>
#include <QUuid>

namespace aerodesk::emulator {

namespace {
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray header()
{
    return QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})").toBase64(kB64);
}
} // namespace

TokenIssuer::TokenIssuer()
    : m_key(crypto::Random::secretBytes(32))
{
}

QByteArray TokenIssuer::sign(const QJsonObject &claims) const
{
    const QByteArray input =
        header() + '.' + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(kB64);
    return input + '.' + crypto::Hmac::sha256(m_key.view(), input).toBase64(kB64);
}

QByteArray TokenIssuer::issueApiToken(const QString &clientId, const QString &clientName,
                                      qint64 ttlSeconds)
{
    // exp is in whole seconds (JWT); round it up so the token lives at least ttlSeconds.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 now = nowMs / 1000;
    const qint64 exp = (nowMs + ttlSeconds * 1000 + 999) / 1000;
    const QByteArray token = sign(
        QJsonObject { { QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                      { QStringLiteral("iat"), now },
                      { QStringLiteral("exp"), exp },
                      { QStringLiteral("gen"), m_generation },
                      { QStringLiteral("ClientId"), clientId },
                      { QStringLiteral("ClientName"), clientName } });
    IssuedSecretsLog::record(token);
    return token;
}

QByteArray TokenIssuer::issueWidgetToken(const QString &clientId, const QString &clientName,
                                         const QString &userId)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray token = sign(QJsonObject {
        { QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
        { QStringLiteral("iat"), now },
        { QStringLiteral("exp"), now + 30 * 60 },
        { QStringLiteral("userId"), userId },
        { QStringLiteral("ClientId"), clientId },
        { QStringLiteral("ClientName"), clientName },
        { QStringLiteral("sessionId"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
        { QStringLiteral("widget"), true } });
    IssuedSecretsLog::record(token);
    return token;
}

TokenIssuer::Check TokenIssuer::check(const QByteArray &token, QJsonObject *claims) const
{
    if (token.isEmpty())
        return Check::Missing;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return Check::Malformed;
    const QByteArray input = parts[0] + '.' + parts[1];
    const auto mac = QByteArray::fromBase64Encoding(parts[2], QByteArray::Base64UrlEncoding);
    if (!mac || !crypto::Hmac::verifySha256(m_key.view(), input, *mac))
        return Check::BadSignature;
    const auto payload = QByteArray::fromBase64Encoding(parts[1], QByteArray::Base64UrlEncoding);
    const QJsonObject body = payload ? QJsonDocument::fromJson(*payload).object() : QJsonObject {};
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const bool widget = body.value(QStringLiteral("widget")).toBool();
    if (body.value(QStringLiteral("exp")).toInteger() * 1000 <= nowMs ||
        (!widget && body.value(QStringLiteral("gen")).toInt() < m_generation))
        return Check::Expired;
    if (claims)
        *claims = body;
    return Check::Valid;
}

bool TokenIssuer::consumeWidgetToken(const QByteArray &token)
{
    if (m_usedWidgetTokens.contains(token))
        return false;
    m_usedWidgetTokens.insert(token);
    return true;
}

} // namespace aerodesk::emulator
