#pragma once

#include "core/crypto/RsaPrivateKey.h"
#include "emulator/EmbeddedSessionStore.h"
#include "emulator/EmulatorRoutes.h"

#include <QObject>
#include <QUrl>

class QHttpServer;

namespace aerodesk::emulator {

/// The embedded banking component emulator (Apiture EB; reference sections 9 and 10).
///
/// Two RSA key pairs: the partner's (events the partner receives are encrypted to its public
/// key; it decrypts them with its private key) and the provider's ("Apiture": the partner
/// encrypts its silent-authentication answer to the provider's public key). Routes:
///   GET  /sandbox/eb/keys          the partner private key + provider public key, as a developer
///                                  portal would hand them out (sandbox only)
///   POST /sandbox/eb/connect-event {user?} -> {kind:"connect", payload: hex OAEP({userCode,
///                                  retUrl})}
///   POST /sandbox/eb/auth-event    {user?} -> {kind:"authenticate", payload: hex
///                                  OAEP({attemptId, retUrl})}
///   POST /sandbox/eb/logout        {user} the logout flow: the userCode and the user's open
///                                  retUrls are dropped; old retUrls get 410 EB-410-LOGGED-OUT
///   POST /sandbox/eb/disconnect    {user} the older name of logout, same behaviour
///   POST /sandbox/eb/expire        {user?} the FI's automatic disconnect, now (ours)
///   POST /sandbox/eb/idle-timeout  {ms} sets the automatic-disconnect period (ours)
///   GET  /sandbox/eb/state         users and an outcome log, no secrets (ours)
///   POST /eb/ret/connect/<token>   retUrl of a connect: {status:"OK"} -> 204
///   POST /eb/ret/auth/<attemptId>  retUrl of a silent auth: {payload, status:"OK"} -> 204
/// /sandbox/eb/* routes need the Authorizer (Bearer); retUrls need none (the URL is the
/// capability, as in the real flow). Errors: docs/sandbox-webhooks-and-eb.md.
class EmbeddedBankingService : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kIdleTimeoutMs = 15 * 60 * 1000; ///< before time scaling
    static constexpr qint64 kMaxIdleTimeoutMs = 24 * 60 * 60 * 1000; ///< /sandbox/eb/idle-timeout

    /// No seed: everything this service makes up (userCodes, retUrl tokens, attempt ids) is a
    /// secret or a capability, so it all comes from the CSPRNG.
    explicit EmbeddedBankingService(double timeScale, QObject *parent = nullptr);

    /// Loads the partner and provider private keys (each a PEM text, or a path to a PEM file),
    /// generating RSA-2048 for any left empty. False on failure, with lastError().
    bool loadOrGenerateKeys(const QString &partnerKeyPem = {}, const QString &providerKeyPem = {});
    QString lastError() const { return m_lastError; }

    /// Base URL (scheme://host:port) that retUrl values are built on.
    void setBaseUrl(const QUrl &base);
    /// Guards the /sandbox/eb/* routes. Until set, they answer 503 EB-503-NO-AUTH.
    void setAuthorizer(Authorizer authorize);
    /// Override the scaled idle timeout (for tests and --flags).
    void setIdleTimeoutMs(qint64 ms);

    void registerRoutes(QHttpServer &server);

    const crypto::RsaPrivateKey &partnerKey() const { return m_partnerKey; }
    const crypto::RsaPrivateKey &providerKey() const { return m_providerKey; }

Q_SIGNALS:
    /// A retUrl answer was accepted (204): kind "connect" (id = the retUrl token) or
    /// "authenticate" (id = the attemptId).
    void answerAccepted(const QString &kind, const QString &id);

public:
    // Route handlers, given the request body (registerRoutes() parses it). Public so the fuzz
    // target (fuzz/EmulatorRequestBody.cpp) calls them without the network; the routes add the
    // size guard and the authorisation in front of them.
    QHttpServerResponse connectEvent(const QJsonObject &body);
    QHttpServerResponse authEvent(const QJsonObject &body);
    QHttpServerResponse logout(const QJsonObject &body);
    QHttpServerResponse expire(const QJsonObject &body);
    QHttpServerResponse idleTimeout(const QJsonObject &body);
    QHttpServerResponse answerConnect(const QString &token, const QJsonObject &body);
    QHttpServerResponse answerAuth(const QString &attemptId, const QJsonObject &body);

private:
    QHttpServerResponse keys();
    QUrl retUrl(const QString &path) const;

    Authorizer m_authorize;
    EmbeddedSessionStore m_store;
    QUrl m_base = QUrl(QStringLiteral("https://127.0.0.1"));
    crypto::RsaPrivateKey m_partnerKey;
    crypto::RsaPrivateKey m_providerKey;
    QString m_lastError;
};

} // namespace aerodesk::emulator
