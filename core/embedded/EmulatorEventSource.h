#pragma once

#include "core/api/ApiError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

namespace aerodesk::api {
class ApiClient;
}

namespace aerodesk::embedded {

class EmbeddedKeyStore;

/// The built-in sandbox's stand-in for the embedded-banking web component (sandbox only; the
/// routes exist nowhere else): fetches the sandbox's key pair into the keychain and asks for
/// fresh sample events ("Get a sample event" in the payload inspector); runs the sandbox's
/// logout flow, its automatic disconnect and reads its per-user state (no secrets in it).
class EmulatorEventSource : public QObject
{
    Q_OBJECT
public:
    struct SampleEvent
    {
        QString kind; ///< "connect" / "authenticate"
        QString user; ///< the sandbox's partner user
        QByteArray payloadHex;
    };
    using Done = std::function<void(const QString &error)>;
    using EventDone = std::function<void(Result<SampleEvent, api::ApiError>)>;
    using StateDone = std::function<void(Result<QJsonObject, api::ApiError>)>;

    EmulatorEventSource(api::ApiClient &client, QObject *parent = nullptr);

    /// GET /sandbox/eb/keys, then stores the partner private key and the provider public key
    /// through `keys` (the environment's keychain profile).
    void installSandboxKeys(EmbeddedKeyStore &keys, Done done);
    /// POST /sandbox/eb/connect-event: a connect event for `user` (empty: the sandbox names one).
    void connectEvent(const QString &user, EventDone done);
    /// POST /sandbox/eb/auth-event: a silent-authentication event for a connected `user`.
    void authEvent(const QString &user, EventDone done);

    /// POST /sandbox/eb/logout: the web component's logout flow for `user` (required). The
    /// sandbox drops the user's userCode and closes its open retUrls; answering one of them
    /// later gets 410 EB-410-LOGGED-OUT. `done` gets "" or why not, ending with the provider's
    /// code in brackets ("[EB-404-USER]") when it gave one.
    void logout(const QString &user, Done done);
    /// POST /sandbox/eb/expire: the FI's automatic disconnect of `user`, now (sandbox only).
    void expire(const QString &user, Done done);
    /// POST /sandbox/eb/idle-timeout: the automatic-disconnect period of the running sandbox
    /// (1 ms to 24 h).
    void setIdleTimeout(qint64 ms, Done done);
    /// GET /sandbox/eb/state: {users: [{user, state, hasUserCode, openConnects, openAttempts,
    /// connectedAt, lastAuthenticatedAt, invalidatedReason}], idleTimeoutMs, log: [...]}.
    void state(StateDone done);
    /// The row of `user` in a /sandbox/eb/state answer; an empty object when there is none.
    static QJsonObject sandboxUserState(const QJsonObject &state, const QString &user);

private:
    void requestEvent(const QString &path, const QString &user, EventDone done);
    /// POSTs `body` to `path`; on failure `done` gets `failed` (a translated "...: %1").
    void control(const QString &path, const QJsonObject &body, const QString &failed, Done done);
    api::ApiClient &m_client;
};

} // namespace aerodesk::embedded
