#include "emulator/EmbeddedBankingService.h"

#include "core/crypto/SecureBytes.h"
#include "emulator/EmbeddedPayloadCodec.h"
#include "emulator/EmulatorHttp.h"

#include <QFile>
#include <QHttpServer>
#include <QJsonDocument>

namespace aerodesk::emulator {

namespace {

using Code = QHttpServerResponse::StatusCode;

/// The request body as a JSON object ({} when empty), or the EB-400-JSON error.
std::optional<EmbeddedError> readBody(const QHttpServerRequest &request, QJsonObject &out)
{
    const QByteArray raw = request.body();
    if (raw.trimmed().isEmpty()) {
        out = {};
        return std::nullopt;
    }
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &err);
    if (err.error != QJsonParseError::NoError)
        return EmbeddedError { Code::BadRequest, QStringLiteral("EB-400-JSON"),
                               QStringLiteral("The request body is not valid JSON: %1 at byte %2.")
                                   .arg(err.errorString())
                                   .arg(err.offset) };
    if (!doc.isObject())
        return EmbeddedError { Code::BadRequest, QStringLiteral("EB-400-JSON"),
                               QStringLiteral("The request body must be a JSON object.") };
    out = doc.object();
    return std::nullopt;
}

/// A string field: `out` is set when present; error when present but not a string, or when
/// required and absent.
std::optional<EmbeddedError> readString(const QJsonObject &o, const QString &key, QString &out,
                                        bool required, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (!required)
            return std::nullopt;
        return EmbeddedError {
            Code::BadRequest, QStringLiteral("EB-400-FIELDS"),
            QStringLiteral("%1 lacks the required string '%2'.").arg(where, key)
        };
    }
    if (!v.isString())
        return EmbeddedError { Code::BadRequest, QStringLiteral("EB-400-FIELDS"),
                               QStringLiteral("'%1' in %2 must be a string.").arg(key, where) };
    out = v.toString();
    return std::nullopt;
}

/// A private key from PEM text or from a file holding it.
Result<crypto::RsaPrivateKey, QString> loadKey(const QString &textOrPath, const QString &which)
{
    if (textOrPath.isEmpty()) {
        auto generated = crypto::RsaPrivateKey::generate(2048);
        if (!generated)
            return QStringLiteral("Could not generate the %1 key pair: %2")
                .arg(which, generated.error().message);
        return std::move(generated).value();
    }
    QByteArray pem;
    if (textOrPath.trimmed().startsWith(QLatin1String("-----BEGIN"))) {
        pem = textOrPath.toUtf8();
    } else {
        QFile file(textOrPath);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("Cannot read the %1 key file '%2': %3")
                .arg(which, textOrPath, file.errorString());
        pem = file.readAll();
    }
    crypto::SecureBytes secret = crypto::SecureBytes::takeFrom(pem);
    auto key = crypto::RsaPrivateKey::fromPem(secret.view());
    if (!key)
        return QStringLiteral("The %1 key is not a usable RSA private key: %2")
            .arg(which, key.error().message);
    return std::move(key).value();
}

} // namespace

EmbeddedBankingService::EmbeddedBankingService(double timeScale, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_store(std::max<qint64>(1, qint64(kIdleTimeoutMs * (timeScale > 0 ? timeScale : 1.0))), seed)
{
}

bool EmbeddedBankingService::loadOrGenerateKeys(const QString &partnerKeyPem,
                                                const QString &providerKeyPem)
{
    auto partner = loadKey(partnerKeyPem, QStringLiteral("partner"));
    if (!partner) {
        m_lastError = partner.error();
        return false;
    }
    auto provider = loadKey(providerKeyPem, QStringLiteral("provider"));
    if (!provider) {
        m_lastError = provider.error();
        return false;
    }
    m_partnerKey = std::move(partner).value();
    m_providerKey = std::move(provider).value();
    m_lastError.clear();
    return true;
}

void EmbeddedBankingService::setBaseUrl(const QUrl &base)
{
    m_base = base;
}

void EmbeddedBankingService::setAuthorizer(Authorizer authorize)
{
    m_authorize = std::move(authorize);
}

void EmbeddedBankingService::setIdleTimeoutMs(qint64 ms)
{
    m_store.setIdleTimeoutMs(ms);
}

QUrl EmbeddedBankingService::retUrl(const QString &path) const
{
    QUrl url = m_base;
    url.setPath(path);
    url.setQuery(QString());
    return url;
}

void EmbeddedBankingService::registerRoutes(QHttpServer &server)
{
    using M = QHttpServerRequest::Method;
    auto guard = [this](const QHttpServerRequest &r) -> std::optional<QHttpServerResponse> {
        if (!m_authorize)
            return EmulatorHttp::error(
                Code::ServiceUnavailable, QStringLiteral("EB-503-NO-AUTH"),
                QStringLiteral("The sandbox was started without an authorizer for the "
                               "embedded-banking routes."));
        if (m_partnerKey.isNull() || m_providerKey.isNull())
            return EmulatorHttp::error(
                Code::ServiceUnavailable, QStringLiteral("EB-503-NO-KEYS"),
                QStringLiteral("The embedded-banking key pairs are not loaded."));
        return m_authorize(r);
    };
    server.route(QStringLiteral("/sandbox/eb/keys"), M::Get,
                 [this, guard](const QHttpServerRequest &r) {
                     if (auto denied = guard(r))
                         return std::move(*denied);
                     return keys();
                 });
    server.route(QStringLiteral("/sandbox/eb/connect-event"), M::Post,
                 [this, guard](const QHttpServerRequest &r) {
                     if (auto denied = guard(r))
                         return std::move(*denied);
                     return connectEvent(r);
                 });
    server.route(QStringLiteral("/sandbox/eb/auth-event"), M::Post,
                 [this, guard](const QHttpServerRequest &r) {
                     if (auto denied = guard(r))
                         return std::move(*denied);
                     return authEvent(r);
                 });
    server.route(QStringLiteral("/sandbox/eb/disconnect"), M::Post,
                 [this, guard](const QHttpServerRequest &r) {
                     if (auto denied = guard(r))
                         return std::move(*denied);
                     return invalidate(r, false);
                 });
    server.route(QStringLiteral("/sandbox/eb/expire"), M::Post,
                 [this, guard](const QHttpServerRequest &r) {
                     if (auto denied = guard(r))
                         return std::move(*denied);
                     return invalidate(r, true);
                 });
    server.route(QStringLiteral("/sandbox/eb/state"), M::Get,
                 [this, guard](const QHttpServerRequest &r) {
                     if (auto denied = guard(r))
                         return std::move(*denied);
                     return EmulatorHttp::json(m_store.stateJson());
                 });
    server.route(QStringLiteral("/eb/ret/connect/<arg>"), M::Post,
                 [this](const QString &token, const QHttpServerRequest &r) {
                     return answerConnect(token, r);
                 });
    server.route(QStringLiteral("/eb/ret/auth/<arg>"), M::Post,
                 [this](const QString &attemptId, const QHttpServerRequest &r) {
                     return answerAuth(attemptId, r);
                 });
}

QHttpServerResponse EmbeddedBankingService::keys()
{
    const crypto::RsaPublicKey partnerPub = m_partnerKey.publicKey();
    const crypto::RsaPublicKey providerPub = m_providerKey.publicKey();
    return EmulatorHttp::json(QJsonObject {
        { QStringLiteral("partnerPrivateKeyPem"), m_partnerKey.toPkcs8Pem().toUtf8String() },
        { QStringLiteral("partnerPublicKeyPem"), QString::fromLatin1(partnerPub.toPem()) },
        { QStringLiteral("providerPublicKeyPem"), QString::fromLatin1(providerPub.toPem()) },
        { QStringLiteral("partnerKeyFingerprint"),
          QString::fromLatin1(partnerPub.fingerprintSha256()) },
        { QStringLiteral("providerKeyFingerprint"),
          QString::fromLatin1(providerPub.fingerprintSha256()) },
        { QStringLiteral("oaepHash"), QStringLiteral("sha1") },
        { QStringLiteral("sandboxOnly"), true },
        { QStringLiteral("note"),
          QStringLiteral("Only the AeroDesk sandbox hands out a private key over HTTP; a real "
                         "partner receives its keys from the provider's developer portal.") } });
}

QHttpServerResponse EmbeddedBankingService::connectEvent(const QHttpServerRequest &request)
{
    QJsonObject body;
    QString user;
    if (auto e = readBody(request, body))
        return e->toResponse();
    if (auto e = readString(body, QStringLiteral("user"), user, false,
                            QStringLiteral("the request body")))
        return e->toResponse();
    EmbeddedSessionStore::ConnectIssue issue = m_store.beginConnect(user);
    auto payload = EmbeddedPayloadCodec::seal(
        m_partnerKey.publicKey(),
        QJsonObject { { QStringLiteral("userCode"), issue.userCode.toUtf8String() },
                      { QStringLiteral("retUrl"),
                        retUrl(QStringLiteral("/eb/ret/connect/") + issue.token).toString() } });
    if (!payload)
        return payload.error().toResponse();
    return EmulatorHttp::json(
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("connect") },
                      { QStringLiteral("user"), issue.user },
                      { QStringLiteral("payload"), QString::fromLatin1(payload.value()) } });
}

QHttpServerResponse EmbeddedBankingService::authEvent(const QHttpServerRequest &request)
{
    QJsonObject body;
    QString user;
    if (auto e = readBody(request, body))
        return e->toResponse();
    if (auto e = readString(body, QStringLiteral("user"), user, false,
                            QStringLiteral("the request body")))
        return e->toResponse();
    auto issue = m_store.beginAuth(user);
    if (!issue)
        return issue.error().toResponse();
    auto payload = EmbeddedPayloadCodec::seal(
        m_partnerKey.publicKey(),
        QJsonObject { { QStringLiteral("attemptId"), issue->attemptId },
                      { QStringLiteral("retUrl"),
                        retUrl(QStringLiteral("/eb/ret/auth/") + issue->attemptId).toString() } });
    if (!payload)
        return payload.error().toResponse();
    return EmulatorHttp::json(
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("authenticate") },
                      { QStringLiteral("user"), issue->user },
                      { QStringLiteral("payload"), QString::fromLatin1(payload.value()) } });
}

QHttpServerResponse EmbeddedBankingService::invalidate(const QHttpServerRequest &request,
                                                       bool expired)
{
    QJsonObject body;
    QString user;
    if (auto e = readBody(request, body))
        return e->toResponse();
    if (auto e = readString(body, QStringLiteral("user"), user, false,
                            QStringLiteral("the request body")))
        return e->toResponse();
    auto done = m_store.invalidate(user, expired);
    if (!done)
        return done.error().toResponse();
    return EmulatorHttp::json(QJsonObject {
        { QStringLiteral("user"), done.value() },
        { QStringLiteral("state"),
          expired ? QStringLiteral("expired") : QStringLiteral("disconnected") },
        { QStringLiteral("message"),
          QStringLiteral("The user's userCode is no longer valid; silent authentication "
                         "with it now gets 410.") } });
}

QHttpServerResponse EmbeddedBankingService::answerConnect(const QString &token,
                                                          const QHttpServerRequest &request)
{
    QJsonObject body;
    QString status;
    QString reason;
    if (auto e = readBody(request, body))
        return e->toResponse();
    if (auto e = readString(body, QStringLiteral("status"), status, true,
                            QStringLiteral("the connect answer")))
        return e->toResponse();
    // Optional troubleshooting text for a non-OK status (ours).
    if (auto e = readString(body, QStringLiteral("reason"), reason, false,
                            QStringLiteral("the connect answer")))
        return e->toResponse();
    if (auto e = m_store.answerConnect(token, status, reason))
        return e->toResponse();
    Q_EMIT answerAccepted(QStringLiteral("connect"), token);
    return EmulatorHttp::noContent();
}

QHttpServerResponse EmbeddedBankingService::answerAuth(const QString &attemptId,
                                                       const QHttpServerRequest &request)
{
    if (auto e = m_store.checkAttemptOpen(attemptId))
        return e->toResponse();
    QJsonObject body;
    QString status;
    QString payloadHex;
    if (auto e = readBody(request, body))
        return e->toResponse();
    if (auto e = readString(body, QStringLiteral("status"), status, true,
                            QStringLiteral("the authentication answer")))
        return e->toResponse();
    if (status != QLatin1String("OK"))
        return m_store.rejectAttempt(attemptId, status).toResponse();
    if (auto e = readString(body, QStringLiteral("payload"), payloadHex, true,
                            QStringLiteral("the authentication answer")))
        return e->toResponse();
    auto inner =
        EmbeddedPayloadCodec::open(m_providerKey, payloadHex.toUtf8(), QStringLiteral("'payload'"));
    if (!inner)
        return inner.error().toResponse();
    QString innerAttempt;
    QString userCodeText;
    const QString where = QStringLiteral("the decrypted payload");
    if (auto e = readString(inner.value(), QStringLiteral("attemptId"), innerAttempt, true, where))
        return e->toResponse();
    if (auto e = readString(inner.value(), QStringLiteral("userCode"), userCodeText, true, where))
        return e->toResponse();
    const crypto::SecureBytes userCode = crypto::SecureBytes::fromUtf8(userCodeText);
    crypto::secureWipe(userCodeText);
    if (auto e = m_store.answerAuth(attemptId, innerAttempt, userCode))
        return e->toResponse();
    Q_EMIT answerAccepted(QStringLiteral("authenticate"), attemptId);
    return EmulatorHttp::noContent();
}

} // namespace aerodesk::emulator
