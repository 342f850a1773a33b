#include "emulator/EmbeddedBankingService.h"

#include "core/crypto/SecureBytes.h"
#include "emulator/EmbeddedPayloadCodec.h"
#include "emulator/EmulatorHttp.h"
#include "emulator/EmulatorRoutes.h"

#include <QFile>
#include <QHttpServer>
#include <QJsonDocument>

namespace aerodesk::emulator {

namespace {

using Code = QHttpServerResponse::StatusCode;

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

EmbeddedBankingService::EmbeddedBankingService(double timeScale, QObject *parent)
    : QObject(parent)
    , m_store(std::max<qint64>(1, qint64(kIdleTimeoutMs * (timeScale > 0 ? timeScale : 1.0))))
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
    using M = EmulatorRoutes::Method;
    using B = EmulatorRoutes::Body;
    const QString badJson = QStringLiteral("EB-400-JSON");
    // /sandbox/eb/* needs the Authorizer (and the keys); a retUrl needs nothing: the URL is the
    // capability, as in the real flow.
    EmulatorRoutes guarded(
        server, badJson, [this](const QHttpServerRequest &r) -> std::optional<QHttpServerResponse> {
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
        });
    EmulatorRoutes retUrls(server, badJson);
    guarded.add(M::Get, QStringLiteral("/sandbox/eb/keys"), B::Ignored,
                [this](const EmulatorRequest &) { return keys(); });
    guarded.add(M::Post, QStringLiteral("/sandbox/eb/connect-event"), B::Json,
                [this](const EmulatorRequest &r) { return connectEvent(r.body); });
    guarded.add(M::Post, QStringLiteral("/sandbox/eb/auth-event"), B::Json,
                [this](const EmulatorRequest &r) { return authEvent(r.body); });
    guarded.add(M::Post, QStringLiteral("/sandbox/eb/logout"), B::Json,
                [this](const EmulatorRequest &r) { return logout(r.body); });
    // The older name of logout (issue 3), kept for scripts: the same flow, the user required.
    guarded.add(M::Post, QStringLiteral("/sandbox/eb/disconnect"), B::Json,
                [this](const EmulatorRequest &r) { return logout(r.body); });
    guarded.add(M::Post, QStringLiteral("/sandbox/eb/expire"), B::Json,
                [this](const EmulatorRequest &r) { return expire(r.body); });
    guarded.add(M::Post, QStringLiteral("/sandbox/eb/idle-timeout"), B::Json,
                [this](const EmulatorRequest &r) { return idleTimeout(r.body); });
    guarded.add(
        M::Get, QStringLiteral("/sandbox/eb/state"), B::Ignored,
        [this](const EmulatorRequest &) { return EmulatorHttp::json(m_store.stateJson()); });
    retUrls.add(M::Post, QStringLiteral("/eb/ret/connect/<arg>"), B::Json,
                [this](const EmulatorRequest &r) { return answerConnect(r.arg(0), r.body); });
    retUrls.add(M::Post, QStringLiteral("/eb/ret/auth/<arg>"), B::Json,
                [this](const EmulatorRequest &r) { return answerAuth(r.arg(0), r.body); });
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

QHttpServerResponse EmbeddedBankingService::connectEvent(const QJsonObject &body)
{
    QString user;
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

QHttpServerResponse EmbeddedBankingService::authEvent(const QJsonObject &body)
{
    QString user;
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

QHttpServerResponse EmbeddedBankingService::logout(const QJsonObject &body)
{
    QString user;
    if (auto e = readString(body, QStringLiteral("user"), user, true,
                            QStringLiteral("the request body")))
        return e->toResponse();
    if (user.isEmpty())
        return EmbeddedError { Code::BadRequest, QStringLiteral("EB-400-FIELDS"),
                               QStringLiteral("'user' in the request body must not be empty.") }
            .toResponse();
    auto done = m_store.logout(user);
    if (!done)
        return done.error().toResponse();
    return EmulatorHttp::json(QJsonObject {
        { QStringLiteral("user"), done->user },
        { QStringLiteral("state"),
          EmbeddedSessionStore::stateName(EmbeddedSessionStore::UserState::LoggedOut) },
        { QStringLiteral("closedConnects"), done->closedConnects },
        { QStringLiteral("closedAttempts"), done->closedAttempts },
        { QStringLiteral("message"),
          QStringLiteral("The user logged out: the sandbox dropped its userCode and closed its "
                         "retUrls (answering one now gets 410); connect again to continue.") } });
}

QHttpServerResponse EmbeddedBankingService::expire(const QJsonObject &body)
{
    QString user;
    if (auto e = readString(body, QStringLiteral("user"), user, false,
                            QStringLiteral("the request body")))
        return e->toResponse();
    auto done = m_store.expire(user);
    if (!done)
        return done.error().toResponse();
    return EmulatorHttp::json(QJsonObject {
        { QStringLiteral("user"), done.value() },
        { QStringLiteral("state"),
          EmbeddedSessionStore::stateName(EmbeddedSessionStore::UserState::Expired) },
        { QStringLiteral("message"),
          QStringLiteral("The user's userCode is no longer valid; silent authentication "
                         "with it now gets 410.") } });
}

QHttpServerResponse EmbeddedBankingService::idleTimeout(const QJsonObject &body)
{
    const QJsonValue v = body.value(QStringLiteral("ms"));
    const double ms = v.toDouble(-1);
    // Range first: only then is the cast to qint64 defined.
    if (!v.isDouble() || !(ms >= 1 && ms <= double(kMaxIdleTimeoutMs)) || ms != double(qint64(ms)))
        return EmbeddedError { Code::BadRequest, QStringLiteral("EB-400-FIELDS"),
                               QStringLiteral("'ms' in the request body must be a whole number "
                                              "of milliseconds from 1 to %1.")
                                   .arg(kMaxIdleTimeoutMs) }
            .toResponse();
    m_store.setIdleTimeoutMs(qint64(ms));
    return EmulatorHttp::json(QJsonObject { { QStringLiteral("idleTimeoutMs"), qint64(ms) } });
}

QHttpServerResponse EmbeddedBankingService::answerConnect(const QString &token,
                                                          const QJsonObject &body)
{
    QString status;
    QString reason;
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
                                                       const QJsonObject &body)
{
    if (auto e = m_store.checkAttemptOpen(attemptId))
        return e->toResponse();
    QString status;
    QString payloadHex;
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
