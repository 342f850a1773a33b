#include "core/api/TokenProvider.h"

#include "core/api/HttpTransport.h"
#include "core/api/JsonRead.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/LogCategories.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace aerodesk::api {

namespace {
using crypto::SecureBytes;

ApiError credentialsError(const keychain::KeychainError &e, const QString &name,
                          const QString &profile)
{
    if (e.kind == keychain::KeychainError::Kind::NotFound)
        return ApiError::make(
            ApiError::Kind::Credentials,
            QStringLiteral("No %1 is stored for the environment \"%2\": enter it in Settings.")
                .arg(name, profile));
    return ApiError::make(ApiError::Kind::Credentials,
                          QStringLiteral("Could not read %1 for \"%2\" from the keychain: %3")
                              .arg(name, profile, e.message));
}

// {"apiKey":"…","apiSecret":"…"[,"aeroPassUserUuid":"…"]} built without QJson copies of secrets.
QByteArray credentialsBody(const SecureBytes &key, const SecureBytes &secret, const QString &uuid)
{
    auto quoted = [](QByteArrayView v) {
        QByteArray out =
            QJsonDocument(QJsonObject { { QStringLiteral("v"), QString::fromUtf8(v) } })
                .toJson(QJsonDocument::Compact);
        // {"v":"…"} → "…"
        QByteArray s = out.mid(5, out.size() - 6);
        crypto::secureWipe(out);
        return s;
    };
    QByteArray k = quoted(key.view());
    QByteArray s = quoted(secret.view());
    QByteArray body = "{\"apiKey\":" + k + ",\"apiSecret\":" + s;
    crypto::secureWipe(k);
    crypto::secureWipe(s);
    if (!uuid.isEmpty())
        body += ",\"aeroPassUserUuid\":" + quoted(uuid.toUtf8());
    body += '}';
    return body;
}
} // namespace

TokenProvider::TokenProvider(HttpTransport &transport, keychain::Keychain &keychain,
                             const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_keychain(keychain)
    , m_clock(clock)
{
}

qint64 TokenProvider::refreshDelayMs(qint64 ttlSeconds)
{
    if (ttlSeconds <= 0)
        return 0;
    ttlSeconds = std::min(ttlSeconds, kMaxTtlSeconds); // (ttl - 60) * 1000 cannot overflow
    return ttlSeconds > 120 ? (ttlSeconds - 60) * 1000 : ttlSeconds * 500;
}

Result<TokenProvider::TokenAnswer, ApiError> TokenProvider::readTokenAnswer(const QJsonObject &json)
{
    QString token = json.value(QLatin1String("token")).toString();
    if (token.isEmpty())
        return ApiError::make(ApiError::Kind::BadResponse,
                              QStringLiteral("The token answer carries no token."));
    TokenAnswer answer;
    answer.bytes = std::make_shared<const SecureBytes>(SecureBytes::fromUtf8(token));
    crypto::secureWipe(token);
    // TTL is a string in the docs ("1800"); a number is accepted too. Absent: 1800.
    const double ttl = JsonRead::number(json, QStringLiteral("TTL")).value_or(1800.0);
    // Clamped before the conversion: qint64(1e300) or qint64(NaN) is undefined behaviour (found
    // by fuzz/ApiResponse; on x86 it gave INT64_MIN, so the token was never fresh and every call
    // asked for a new one). NaN counts as absent, over a day as a day, negative as expired.
    answer.ttlSeconds =
        std::isnan(ttl) ? 1800 : qint64(std::clamp(ttl, 0.0, double(kMaxTtlSeconds)));
    return answer;
}

bool TokenProvider::hasFreshToken() const
{
    return m_token.bytes && m_clock.monotonicMs() < m_refreshAtMs;
}

void TokenProvider::token(TokenCallback done)
{
    if (hasFreshToken()) {
        done(m_token);
        return;
    }
    m_waiters.push_back(std::move(done));
    if (!m_inFlight)
        requestToken();
}

void TokenProvider::invalidate(quint64 generation)
{
    if (m_token.bytes && m_token.generation == generation) {
        m_token = {};
        m_refreshAtMs = 0;
    }
}

void TokenProvider::invalidateAll()
{
    m_token = {};
    m_refreshAtMs = 0;
}

void TokenProvider::readCredentials(CredentialsCallback done)
{
    QPointer<TokenProvider> self(this);
    const QString profile = m_keychain.profile();
    const QString keyName = QString::fromLatin1(keychain::entries::kApiKey);
    m_keychain.read(
        keyName, [self, profile, keyName, done](const keychain::KeychainError &e, SecureBytes key) {
            if (!self)
                return;
            if (!e.ok()) {
                done(credentialsError(e, keyName, profile));
                return;
            }
            auto keyPtr = std::make_shared<SecureBytes>(std::move(key));
            self->m_keychain.read(
                QString::fromLatin1(keychain::entries::kApiSecret),
                [self, profile, done, keyPtr](const keychain::KeychainError &e2,
                                              SecureBytes secret) {
                    if (!self)
                        return;
                    if (!e2.ok()) {
                        done(credentialsError(
                            e2, QString::fromLatin1(keychain::entries::kApiSecret), profile));
                        return;
                    }
                    done(std::make_pair(keyPtr, std::make_shared<SecureBytes>(std::move(secret))));
                });
        });
}

void TokenProvider::requestToken()
{
    m_inFlight = true;
    QPointer<TokenProvider> self(this);
    readCredentials([self](auto creds) {
        if (!self)
            return;
        if (!creds.ok()) {
            self->finish(creds.error());
            return;
        }
        HttpRequest req;
        req.method = "POST";
        req.url = self->m_transport.environment().dataUrl(QStringLiteral("/v2/token"));
        req.body = credentialsBody(*creds->first, *creds->second, {});
        ++self->m_requestCount;
        const qint64 sentAt = self->m_clock.monotonicMs();
        self->m_transport.send(req, [self, sentAt](Result<HttpResponse, ApiError> r) {
            if (!self)
                return;
            if (!r.ok()) {
                self->finish(r.error());
                return;
            }
            auto answer = readTokenAnswer(r->json);
            if (!answer.ok()) {
                qCWarning(aerodesk::log::api) << "the token answer carries no token";
                self->finish(answer.error());
                return;
            }
            const qint64 ttl = answer->ttlSeconds;
            ApiToken t;
            t.bytes = answer->bytes;
            t.generation = ++self->m_generation;
            self->m_token = t;
            self->m_refreshAtMs = sentAt + refreshDelayMs(ttl);
            qCInfo(aerodesk::log::api)
                << "API token generation" << t.generation << "obtained; TTL" << ttl
                << "s, refresh in" << refreshDelayMs(ttl) / 1000 << "s";
            self->finish(t);
        });
        crypto::secureWipe(req.body);
    });
}

void TokenProvider::finish(Result<ApiToken, ApiError> result)
{
    if (!result.ok())
        qCWarning(aerodesk::log::api).noquote() << "no API token:" << result.error().message;
    m_inFlight = false;
    std::vector<TokenCallback> waiters;
    waiters.swap(m_waiters);
    for (auto &w : waiters)
        w(result);
}

void TokenProvider::widgetToken(const QString &aeroPassUserUuid, WidgetTokenCallback done)
{
    QPointer<TokenProvider> self(this);
    readCredentials([self, aeroPassUserUuid, done](auto creds) {
        if (!self)
            return;
        if (!creds.ok()) {
            qCWarning(aerodesk::log::api).noquote() << "no widget token:" << creds.error().message;
            done(creds.error());
            return;
        }
        HttpRequest req;
        req.method = "POST";
        req.url = self->m_transport.environment().dataUrl(QStringLiteral("/v2/token_widget"));
        req.body = credentialsBody(*creds->first, *creds->second, aeroPassUserUuid);
        req.headers.append({ QByteArrayLiteral("x-api-key"), creds->first->view().toByteArray() });
        self->m_transport.send(req, [done](Result<HttpResponse, ApiError> r) {
            if (!r.ok()) {
                done(r.error());
                return;
            }
            QString token = r->json.value(QLatin1String("token")).toString();
            if (token.isEmpty()) {
                qCWarning(aerodesk::log::api) << "the widget token answer carries no token";
                done(ApiError::make(ApiError::Kind::BadResponse,
                                    QStringLiteral("The widget token answer carries no token.")));
                return;
            }
            WidgetToken w;
            w.bytes = std::make_shared<const SecureBytes>(SecureBytes::fromUtf8(token));
            crypto::secureWipe(token);
            w.userId = r->json.value(QLatin1String("userId")).toString();
            qCDebug(aerodesk::log::api) << "widget token obtained (single use, not cached)";
            done(w);
        });
        crypto::secureWipe(req.body);
    });
}

} // namespace aerodesk::api
