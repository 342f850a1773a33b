#pragma once

#include "core/api/ApiError.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/Clock.h"
#include "core/util/Result.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::api {

class HttpTransport;

/// An API token as handed to callers: shared, wiping memory, plus the generation it belongs to
/// (so a caller that saw AC-001 invalidates exactly the token it used).
struct ApiToken
{
    std::shared_ptr<const crypto::SecureBytes> bytes;
    quint64 generation = 0;
};

/// A widget token: fresh for every widget session, never cached.
struct WidgetToken
{
    std::shared_ptr<const crypto::SecureBytes> bytes;
    QString userId;
};

/// Gets and keeps the API token of one environment (POST /v2/token with the apiKey/apiSecret
/// read from the keychain profile). The token lives in memory only (SecureBytes).
///
/// Refresh: 60 s before the TTL the response gives ("TTL": "1800", a number is accepted too);
/// when the TTL is 120 s or less, at half its lifetime instead. Times read the injected Clock's
/// monotonic milliseconds.
///
/// Single flight: while a token request is under way every caller joins it; all waiters get the
/// one result (token or error). A cached, fresh token is handed back synchronously.
class TokenProvider : public QObject
{
    Q_OBJECT
public:
    using TokenCallback = std::function<void(Result<ApiToken, ApiError>)>;
    using WidgetTokenCallback = std::function<void(Result<WidgetToken, ApiError>)>;

    TokenProvider(HttpTransport &transport, keychain::Keychain &keychain, const Clock &clock,
                  QObject *parent = nullptr);

    void token(TokenCallback done);
    /// Forgets the token of `generation` (after a 403 AC-001 with it); a newer token is kept.
    void invalidate(quint64 generation);
    void invalidateAll();

    /// POST /v2/token_widget (apiKey, apiSecret, aeroPassUserUuid when given): never cached.
    void widgetToken(const QString &aeroPassUserUuid, WidgetTokenCallback done);

    /// Number of POST /v2/token sent by this provider (for diagnostics and tests).
    int tokenRequestCount() const { return m_requestCount; }
    bool hasFreshToken() const;
    /// Monotonic ms at which the current token will be refreshed (0 without a token).
    qint64 refreshAtMs() const { return m_refreshAtMs; }

    /// The longest TTL taken as given: a longer one (or "1e300") counts as a day.
    static constexpr qint64 kMaxTtlSeconds = 24 * 3600;
    /// Refresh point for a TTL (documented rule): ttl > 120 s → ttl − 60 s; else ttl / 2.
    /// TTLs over kMaxTtlSeconds count as kMaxTtlSeconds.
    static qint64 refreshDelayMs(qint64 ttlSeconds);

    /// What a POST /v2/token answer carries: the token (wiping memory) and its TTL in seconds.
    struct TokenAnswer
    {
        std::shared_ptr<const crypto::SecureBytes> bytes;
        qint64 ttlSeconds = 1800;
    };
    /// Reads a /v2/token answer: BadResponse without a token; "TTL" a string or a number, 1800
    /// when absent or not a number, within [0, kMaxTtlSeconds]. Public for the fuzz target
    /// (fuzz/ApiResponse.cpp).
    static Result<TokenAnswer, ApiError> readTokenAnswer(const QJsonObject &json);

private:
    using CredentialsCallback =
        std::function<void(Result<std::pair<std::shared_ptr<crypto::SecureBytes>,
                                            std::shared_ptr<crypto::SecureBytes>>,
                                  ApiError>)>;
    void readCredentials(CredentialsCallback done);
    void requestToken();
    void finish(Result<ApiToken, ApiError> result);

    HttpTransport &m_transport;
    keychain::Keychain &m_keychain;
    const Clock &m_clock;
    ApiToken m_token;
    qint64 m_refreshAtMs = 0;
    quint64 m_generation = 0;
    bool m_inFlight = false;
    int m_requestCount = 0;
    std::vector<TokenCallback> m_waiters;
};

} // namespace aerodesk::api
