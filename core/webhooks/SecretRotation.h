#pragma once

#include "core/api/ApiError.h"
#include "core/crypto/SecureBytes.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace aerodesk::api {
class ApiClient;
}

namespace aerodesk::webhooks {

class WebhookSecrets;

/// A webhook-secret rotation that reaches Aerosync, in every environment: Aerosync first, the
/// local ring only after.
///
/// 1. a new random secret is generated (off this thread);
/// 2. the environment's subscriptions are listed (POST /webhooks/list) — the environment has one
///    signing secret, so every subscription it lists signs with it;
/// 3. each one's `secret_key` is PATCHed to the new secret, one after the other;
/// 4. only then the local ring moves (WebhookSecrets::setSecret with the old secret kept as the
///    previous one for the overlap window: deliveries queued before the PATCH still verify).
///
/// When a step fails nothing stays changed: subscriptions already patched are PATCHed back to the
/// old secret and the ring is not touched (or, when the keychain write failed, every patched
/// subscription is put back). The outcome names the call that failed and why. Only when putting a
/// subscription back fails too are the two sides out of step; the outcome then names the
/// subscriptions left with the new secret.
///
/// An environment without subscriptions rotates locally only, and the outcome says so. One
/// rotation at a time per object; the object may be dropped after `done` (callbacks after the
/// ApiClient or this object is gone are dropped).
class SecretRotation : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool ok = false;
        QString message; ///< one human sentence (translated), never a secret
        QStringList patched; ///< subscriptions that sign with the new secret now (ok)
        QStringList leftWithNewSecret; ///< failed and could not be put back (out of step!)
        api::ApiError error; ///< the failed call's error (when it was an API call)
        QString failedCall; ///< "POST /webhooks/list", "PATCH /webhooks/<id>", "keychain"
    };
    using Done = std::function<void(const Outcome &)>;

    /// `client` may be null (no environment): rotate() then fails without changing anything.
    SecretRotation(api::ApiClient *client, WebhookSecrets &secrets, QObject *parent = nullptr);
    ~SecretRotation() override;

    /// Rotates to a freshly generated secret.
    void rotate(Done done);
    /// Rotates to `next` (tests, and a secret chosen elsewhere).
    void rotateTo(crypto::SecureBytes next, Done done);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const aerodesk::webhooks::SecretRotation::Outcome &outcome);

private:
    struct Run;
    void start(std::shared_ptr<Run> run);
    void listed(std::shared_ptr<Run> run, QStringList ids);
    void patchNext(std::shared_ptr<Run> run);
    void storeLocally(std::shared_ptr<Run> run);
    /// Puts the patched subscriptions back to the old secret, then finishes with `outcome`.
    void rollBack(std::shared_ptr<Run> run, Outcome outcome);
    void finish(std::shared_ptr<Run> run, Outcome outcome);

    QPointer<api::ApiClient> m_client;
    WebhookSecrets &m_secrets;
    bool m_running = false;
};

} // namespace aerodesk::webhooks

Q_DECLARE_METATYPE(aerodesk::webhooks::SecretRotation::Outcome)
