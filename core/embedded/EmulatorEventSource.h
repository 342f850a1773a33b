#pragma once

#include "core/api/ApiError.h"
#include "core/util/Result.h"

#include <QByteArray>
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
/// fresh sample events ("Get a sample event" in the payload inspector).
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

    EmulatorEventSource(api::ApiClient &client, QObject *parent = nullptr);

    /// GET /sandbox/eb/keys, then stores the partner private key and the provider public key
    /// through `keys` (the environment's keychain profile).
    void installSandboxKeys(EmbeddedKeyStore &keys, Done done);
    /// POST /sandbox/eb/connect-event: a connect event for `user` (empty: the sandbox names one).
    void connectEvent(const QString &user, EventDone done);
    /// POST /sandbox/eb/auth-event: a silent-authentication event for a connected `user`.
    void authEvent(const QString &user, EventDone done);

private:
    void event(const QString &path, const QString &user, EventDone done);
    api::ApiClient &m_client;
};

} // namespace aerodesk::embedded
