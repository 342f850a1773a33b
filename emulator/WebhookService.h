#pragma once

#include "emulator/EmulatorRoutes.h"
#include "emulator/WebhookDelivery.h"
#include "emulator/WebhookSubscription.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator64>
#include <QSslCertificate>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

class QHttpServer;

namespace aerodesk::emulator {

class WebhookSender;

/// The sandbox's Aerosync webhook subscriptions (reference sections 7 and 10):
///  - the management API on the sandbox base URL: POST /webhooks/subscribe, POST /webhooks/list,
///    PATCH /webhooks/<id> (url, events, secret_key: rotation), POST /webhooks/<id>/pause,
///    POST /webhooks/<id>/unpause, DELETE /webhooks/<id>, POST /webhooks/<id>/test (ours);
///  - deliveries: compact JSON {event, timestamp, merchant_id, data} POSTed to loopback
///    receivers with `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>` when a
///    secret is set; at-least-once, 3 attempts, backoff 1 s then 2 s (x timeScale), a 5 s
///    deadline per attempt (x timeScale, at least 1 s); 5 consecutive failed deliveries pause
///    the subscription;
///  - a delivery log, GET /sandbox/webhooks/deliveries (ours).
/// Every route is declared through EmulatorRoutes and guarded by the injected Authorizer.
/// See docs/sandbox-webhooks-and-eb.md.
class WebhookService : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxAttempts = 3;
    static constexpr int kAutoPauseAfter = 5; ///< consecutive failed deliveries
    static constexpr int kDeadlineMs = 5000; ///< per attempt, before scaling
    static constexpr int kMinDeadlineMs = 1000; ///< floor after scaling (ours)
    static constexpr int kMaxLoggedDeliveries = 2000;

    /// `timeScale` shrinks backoff and deadline (tests use 0.02-0.1). `seed` makes webhook ids
    /// deterministic; 0 means "not seeded" (ids from the system generator).
    WebhookService(Authorizer authorize, double timeScale, quint64 seed, QObject *parent = nullptr);
    ~WebhookService() override;

    void registerRoutes(QHttpServer &server);

    /// Queues `event` with `data` for every active subscription listening to it. Returns at
    /// once; deliveries run on the event loop.
    void publish(const QString &event, const QJsonObject &data);

    /// Extra CA certificates trusted for https:// receivers (in addition to the system ones).
    void setPinnedReceiverCa(const QList<QSslCertificate> &certificates);

    /// merchant_id used when a subscribe request names none (default "sandbox-merchant").
    void setDefaultMerchantId(const QString &merchantId);

    /// Events a subscription may list.
    static QStringList knownEvents();
    /// Empty when `url` is an acceptable receiver (http/https on a loopback host), else why not.
    static QString receiverUrlProblem(const QString &url);

    int retryDelayMs(int attemptsDone) const; ///< wait before attempt attemptsDone + 1
    int deadlineMs() const;

Q_SIGNALS:
    /// A delivery reached a final state: "delivered", "failed" or "dropped".
    void deliveryFinished(const QString &deliveryId, const QString &webhookId,
                          const QString &state);

private:
    /// Route handlers (registerRoutes() declares them; args: the webhook id where the path has
    /// one).
    QHttpServerResponse subscribe(const EmulatorRequest &request);
    QHttpServerResponse list(const EmulatorRequest &request);
    QHttpServerResponse update(const EmulatorRequest &request);
    QHttpServerResponse pause(const EmulatorRequest &request);
    QHttpServerResponse unpause(const EmulatorRequest &request);
    QHttpServerResponse remove(const EmulatorRequest &request);
    QHttpServerResponse test(const EmulatorRequest &request);
    QHttpServerResponse deliveries(const EmulatorRequest &request);
    QHttpServerResponse faults(const EmulatorRequest &request);

    WebhookSubscription *find(const QString &id);
    QString newWebhookId();
    QString enqueue(WebhookSubscription &subscription, const QString &event,
                    const QJsonObject &data);
    void runAttempt(const QString &deliveryId);
    void attemptDone(const QString &deliveryId, const WebhookAttempt &attempt);
    void finish(WebhookDelivery &delivery, WebhookDelivery::State state,
                const QString &dropReason = {});
    WebhookDelivery *findDelivery(const QString &id);
    void trimLog();

    Authorizer m_authorize;
    double m_timeScale;
    QRandomGenerator64 m_rng;
    QString m_defaultMerchantId = QStringLiteral("sandbox-merchant");
    WebhookSender *m_sender;
    std::vector<std::unique_ptr<WebhookSubscription>> m_subscriptions;
    std::vector<std::unique_ptr<WebhookDelivery>> m_deliveries;
    quint64 m_nextDelivery = 1;
    /// Injected PATCH failures per webhook id (ours): let `after` PATCHes through, then refuse
    /// the next `count` with 503 WH-503-FAULT, changing nothing.
    struct PatchFault
    {
        int after = 0;
        int count = 0;
    };
    std::map<QString, PatchFault> m_patchFaults;
};

} // namespace aerodesk::emulator
