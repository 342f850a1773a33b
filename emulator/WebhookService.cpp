#include "emulator/WebhookService.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Hmac.h"
#include "emulator/EmulatorHttp.h"
#include "emulator/WebhookSender.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <array>

namespace aerodesk::emulator {

namespace {

using Code = QHttpServerResponse::StatusCode;
constexpr std::array<int, 3> kBackoffSeconds { 1, 2, 4 }; // before attempts 2, 3 (and a 4th)
constexpr qsizetype kMaxSecretBytes = 1024;

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

QHttpServerResponse notFound(const QString &id)
{
    return EmulatorHttp::error(Code::NotFound, QStringLiteral("WH-404"),
                               QStringLiteral("No webhook subscription with id '%1'.").arg(id));
}

/// Validates an `events` value; fills `events` or returns the problem.
QString readEvents(const QJsonValue &value, QStringList &events)
{
    if (!value.isArray())
        return QStringLiteral("'events' must be a non-empty array of event names, not %1.")
            .arg(jsonTypeName(value));
    const QJsonArray arr = value.toArray();
    if (arr.isEmpty())
        return QStringLiteral("'events' must name at least one event (one of: %1).")
            .arg(WebhookService::knownEvents().join(QStringLiteral(", ")));
    QStringList out;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!arr.at(i).isString())
            return QStringLiteral("'events[%1]' must be a string, not %2.")
                .arg(i)
                .arg(jsonTypeName(arr.at(i)));
        const QString name = arr.at(i).toString();
        if (!WebhookService::knownEvents().contains(name))
            return QStringLiteral(
                       "'events[%1]' is '%2', which is not an event we send (one of: %3).")
                .arg(i)
                .arg(name, WebhookService::knownEvents().join(QStringLiteral(", ")));
        if (!out.contains(name))
            out.append(name);
    }
    events = out;
    return {};
}

QString readSecret(const QJsonValue &value, crypto::SecureBytes &secret)
{
    if (!value.isString())
        return QStringLiteral("'secret_key' must be a string, not %1.").arg(jsonTypeName(value));
    QString text = value.toString();
    crypto::SecureBytes bytes = crypto::SecureBytes::fromUtf8(text);
    crypto::secureWipe(text);
    if (qsizetype(bytes.size()) > kMaxSecretBytes)
        return QStringLiteral("'secret_key' is longer than %1 bytes.").arg(kMaxSecretBytes);
    secret = std::move(bytes);
    return {};
}

/// merchant_id named in a body, or empty.
QString merchantOf(const QJsonObject &body)
{
    return body.value(QStringLiteral("merchant_id")).toString();
}

} // namespace

WebhookService::WebhookService(Authorizer authorize, double timeScale, quint64 seed,
                               QObject *parent)
    : QObject(parent)
    , m_authorize(std::move(authorize))
    , m_timeScale(timeScale > 0 ? timeScale : 1.0)
    , m_rng(seed != 0 ? QRandomGenerator64(seed ^ 0x5745424855424b53ULL) // "WEBHUBKS"
                      : QRandomGenerator64(QRandomGenerator::system()->generate64()))
    , m_sender(new WebhookSender(this))
{
}

WebhookService::~WebhookService() = default;

QStringList WebhookService::knownEvents()
{
    return { QStringLiteral("job.balance"),    QStringLiteral("job.transaction"),
             QStringLiteral("job.identity"),   QStringLiteral("bank.revocation"),
             QStringLiteral("migration_tool"), QStringLiteral("test.event") };
}

QString WebhookService::receiverUrlProblem(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (text.isEmpty())
        return QStringLiteral(
            "'url' is required: the http(s) URL of your receiver on this machine.");
    if (!url.isValid() || url.isRelative())
        return QStringLiteral("'url' is not a valid absolute URL: '%1'.").arg(text);
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("'url' must use http or https, not '%1'.").arg(url.scheme());
    const QString host = url.host();
    const bool loopback = host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        QHostAddress(host).isLoopback();
    if (!loopback)
        return QStringLiteral(
                   "'url' host '%1' is not a loopback address: the sandbox only delivers to "
                   "127.0.0.0/8, localhost or [::1].")
            .arg(host);
    return {};
}

int WebhookService::retryDelayMs(int attemptsDone) const
{
    const int index = std::clamp(attemptsDone - 1, 0, int(kBackoffSeconds.size()) - 1);
    return std::max(10, int(kBackoffSeconds[size_t(index)] * 1000 * m_timeScale));
}

int WebhookService::deadlineMs() const
{
    return std::max(kMinDeadlineMs, int(kDeadlineMs * m_timeScale));
}

void WebhookService::setPinnedReceiverCa(const QList<QSslCertificate> &certificates)
{
    m_sender->setExtraCaCertificates(certificates);
}

void WebhookService::setDefaultMerchantId(const QString &merchantId)
{
    m_defaultMerchantId = merchantId;
}

void WebhookService::registerRoutes(QHttpServer &server)
{
    using M = EmulatorRoutes::Method;
    using B = EmulatorRoutes::Body;
    using Handler = QHttpServerResponse (WebhookService::*)(const EmulatorRequest &);
    struct Row
    {
        M method;
        const char *path;
        B body;
        Handler handler;
    };
    static constexpr Row kTable[] = {
        { M::Post, "/webhooks/subscribe", B::Json, &WebhookService::subscribe },
        { M::Post, "/webhooks/list", B::Json, &WebhookService::list },
        { M::Post, "/webhooks/<arg>/pause", B::Json, &WebhookService::pause },
        { M::Post, "/webhooks/<arg>/unpause", B::Json, &WebhookService::unpause },
        { M::Post, "/webhooks/<arg>/test", B::Ignored, &WebhookService::test },
        { M::Patch, "/webhooks/<arg>", B::Json, &WebhookService::update },
        { M::Delete, "/webhooks/<arg>", B::Ignored, &WebhookService::remove },
        { M::Get, "/sandbox/webhooks/deliveries", B::Ignored, &WebhookService::deliveries },
        { M::Post, "/sandbox/webhooks/faults", B::Json, &WebhookService::faults },
    };
    EmulatorRoutes routes(server, QStringLiteral("WH-400-JSON"), m_authorize);
    for (const Row &row : kTable)
        routes.add(row.method, QString::fromLatin1(row.path), row.body,
                   [this, handler = row.handler](const EmulatorRequest &r) {
                       return (this->*handler)(r);
                   });
}

WebhookSubscription *WebhookService::find(const QString &id)
{
    for (auto &s : m_subscriptions) {
        if (s->id == id)
            return s.get();
    }
    return nullptr;
}

QString WebhookService::newWebhookId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    const quint64 a = m_rng.generate64(), b = m_rng.generate64();
    memcpy(bytes.data(), &a, 8);
    memcpy(bytes.data() + 8, &b, 8);
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QHttpServerResponse WebhookService::subscribe(const EmulatorRequest &request)
{
    const QJsonObject &body = request.body;
    const QJsonValue urlValue = body.value(QStringLiteral("url"));
    if (!urlValue.isString())
        return EmulatorHttp::error(Code::BadRequest, QStringLiteral("WH-400-URL"),
                                   QStringLiteral("'url' is required and must be a string, not %1.")
                                       .arg(jsonTypeName(urlValue)));
    if (const QString why = receiverUrlProblem(urlValue.toString()); !why.isEmpty())
        return EmulatorHttp::error(Code::BadRequest, QStringLiteral("WH-400-URL"), why);

    auto sub = std::make_unique<WebhookSubscription>();
    if (const QString why = readEvents(body.value(QStringLiteral("events")), sub->events);
        !why.isEmpty())
        return EmulatorHttp::error(Code::BadRequest, QStringLiteral("WH-400-EVENTS"), why);
    if (body.contains(QStringLiteral("secret_key"))) {
        if (const QString why = readSecret(body.value(QStringLiteral("secret_key")), sub->secret);
            !why.isEmpty())
            return EmulatorHttp::error(Code::BadRequest, QStringLiteral("WH-400-SECRET"), why);
    }
    sub->id = newWebhookId();
    sub->merchantId = merchantOf(body).isEmpty() ? m_defaultMerchantId : merchantOf(body);
    sub->url = QUrl(urlValue.toString());
    sub->createdAt = sub->updatedAt = QDateTime::currentDateTimeUtc();
    const QJsonObject created = sub->toCreatedJson();
    m_subscriptions.push_back(std::move(sub));
    return EmulatorHttp::json(created, Code::Created);
}

QHttpServerResponse WebhookService::list(const EmulatorRequest &request)
{
    const QString merchant = merchantOf(request.body);
    QJsonArray rows;
    for (const auto &s : m_subscriptions) {
        if (merchant.isEmpty() || s->merchantId == merchant)
            rows.append(s->toListJson());
    }
    return EmulatorHttp::json(QJsonObject { { QStringLiteral("subscriptions"), rows },
                                            { QStringLiteral("total_count"), rows.size() } });
}

QHttpServerResponse WebhookService::update(const EmulatorRequest &request)
{
    const QString &id = request.arg(0);
    WebhookSubscription *sub = find(id);
    if (!sub)
        return notFound(id);
    const QJsonObject &body = request.body;
    if (auto f = m_patchFaults.find(id); f != m_patchFaults.end()) {
        PatchFault &fault = f->second;
        if (fault.after > 0) {
            --fault.after;
        } else if (fault.count > 0) {
            if (--fault.count == 0)
                m_patchFaults.erase(f);
            return EmulatorHttp::error(
                Code::ServiceUnavailable, QStringLiteral("WH-503-FAULT"),
                QStringLiteral("Injected fault: this PATCH of '%1' was refused; nothing changed.")
                    .arg(id));
        }
    }

    // Validate everything before changing anything.
    QUrl newUrl;
    QStringList newEvents;
    crypto::SecureBytes newSecret;
    const bool hasUrl = body.contains(QStringLiteral("url"));
    const bool hasEvents = body.contains(QStringLiteral("events"));
    const bool hasSecret = body.contains(QStringLiteral("secret_key"));
    if (!hasUrl && !hasEvents && !hasSecret)
        return EmulatorHttp::error(
            Code::BadRequest, QStringLiteral("WH-400-NOTHING"),
            QStringLiteral("Nothing to update: give 'url', 'events' and/or 'secret_key'."));
    if (hasUrl) {
        const QJsonValue v = body.value(QStringLiteral("url"));
        const QString why = v.isString()
            ? receiverUrlProblem(v.toString())
            : QStringLiteral("'url' must be a string, not %1.").arg(jsonTypeName(v));
        if (!why.isEmpty())
            return EmulatorHttp::error(Code::BadRequest, QStringLiteral("WH-400-URL"), why);
        newUrl = QUrl(v.toString());
    }
    if (hasEvents) {
        if (const QString why = readEvents(body.value(QStringLiteral("events")), newEvents);
            !why.isEmpty())
            return EmulatorHttp::error(Code::BadRequest, QStringLiteral("WH-400-EVENTS"), why);
    }
    if (hasSecret) {
        if (const QString why = readSecret(body.value(QStringLiteral("secret_key")), newSecret);
            !why.isEmpty())
            return EmulatorHttp::error(Code::BadRequest, QStringLiteral("WH-400-SECRET"), why);
    }

    QStringList changed;
    if (hasUrl) {
        sub->url = newUrl;
        changed << QStringLiteral("url");
    }
    if (hasEvents) {
        sub->events = newEvents;
        changed << QStringLiteral("events");
    }
    if (hasSecret) {
        // Rotation: new deliveries are signed with the new secret (or unsigned if it is "");
        // deliveries already queued keep the signature computed when they were queued.
        sub->secret = std::move(newSecret);
        changed << QStringLiteral("secret_key");
    }
    sub->updatedAt = QDateTime::currentDateTimeUtc();
    QJsonObject out = sub->toListJson();
    out.insert(QStringLiteral("message"),
               QStringLiteral("Webhook subscription updated (%1).")
                   .arg(changed.join(QStringLiteral(", "))));
    return EmulatorHttp::json(out);
}

QHttpServerResponse WebhookService::pause(const EmulatorRequest &request)
{
    const QString &id = request.arg(0);
    WebhookSubscription *sub = find(id);
    if (!sub)
        return notFound(id);
    const QJsonValue reason = request.body.value(QStringLiteral("reason"));
    if (!reason.isUndefined() && !reason.isNull() && !reason.isString())
        return EmulatorHttp::error(
            Code::BadRequest, QStringLiteral("WH-400-REASON"),
            QStringLiteral("'reason' must be a string, not %1.").arg(jsonTypeName(reason)));
    const bool already = sub->status == WebhookSubscription::Status::Paused;
    sub->status = WebhookSubscription::Status::Paused;
    sub->pauseReason =
        reason.toString().isEmpty() ? QStringLiteral("paused by request") : reason.toString();
    sub->updatedAt = QDateTime::currentDateTimeUtc();
    return EmulatorHttp::json(
        QJsonObject { { QStringLiteral("message"),
                        already ? QStringLiteral("Webhook subscription was already paused.")
                                : QStringLiteral("Webhook subscription paused.") },
                      { QStringLiteral("webhook_id"), sub->id },
                      { QStringLiteral("status"), WebhookSubscription::statusName(sub->status) } });
}

QHttpServerResponse WebhookService::unpause(const EmulatorRequest &request)
{
    const QString &id = request.arg(0);
    WebhookSubscription *sub = find(id);
    if (!sub)
        return notFound(id);
    sub->status = WebhookSubscription::Status::Active;
    sub->pauseReason.clear();
    sub->failureCount = 0;
    sub->updatedAt = QDateTime::currentDateTimeUtc();
    return EmulatorHttp::json(
        QJsonObject { { QStringLiteral("message"),
                        QStringLiteral("Webhook subscription unpaused; failure count reset.") },
                      { QStringLiteral("webhook_id"), sub->id },
                      { QStringLiteral("status"), WebhookSubscription::statusName(sub->status) } });
}

QHttpServerResponse WebhookService::remove(const EmulatorRequest &request)
{
    const QString &id = request.arg(0);
    const auto it = std::find_if(m_subscriptions.begin(), m_subscriptions.end(),
                                 [&id](const auto &s) { return s->id == id; });
    if (it == m_subscriptions.end())
        return notFound(id);
    m_subscriptions.erase(it);
    return EmulatorHttp::json(
        QJsonObject { { QStringLiteral("success"), true },
                      { QStringLiteral("message"),
                        QStringLiteral("Webhook subscription %1 deleted.").arg(id) } });
}

QHttpServerResponse WebhookService::test(const EmulatorRequest &request)
{
    const QString &id = request.arg(0);
    WebhookSubscription *sub = find(id);
    if (!sub)
        return notFound(id);
    if (sub->status == WebhookSubscription::Status::Paused)
        return EmulatorHttp::error(
            Code::Conflict, QStringLiteral("WH-409-PAUSED"),
            QStringLiteral("Webhook subscription %1 is paused (%2): unpause it before "
                           "sending a test event.")
                .arg(sub->id, sub->pauseReason));
    const QString deliveryId =
        enqueue(*sub, QStringLiteral("test.event"),
                QJsonObject { { QStringLiteral("status"), QStringLiteral("test") },
                              { QStringLiteral("webhook_id"), sub->id },
                              { QStringLiteral("message"),
                                QStringLiteral("Test event from the AeroDesk sandbox.") } });
    return EmulatorHttp::json(
        QJsonObject {
            { QStringLiteral("message"), QStringLiteral("test.event queued for delivery.") },
            { QStringLiteral("webhook_id"), sub->id },
            { QStringLiteral("delivery_id"), deliveryId },
            { QStringLiteral("event"), QStringLiteral("test.event") } },
        Code::Accepted);
}

QHttpServerResponse WebhookService::faults(const EmulatorRequest &request)
{
    // {"webhook_id": "...", "fail_patch": N, "after": K}: the subscription's next K PATCHes
    // pass, the N after them answer 503 WH-503-FAULT (ours, sandbox only).
    const QJsonObject &body = request.body;
    const QString id = body.value(QLatin1String("webhook_id")).toString();
    if (!find(id))
        return notFound(id);
    const int count = body.value(QLatin1String("fail_patch")).toInt(-1);
    const int after = body.value(QLatin1String("after")).toInt(0);
    if (count < 0 || count > 100 || after < 0 || after > 100)
        return EmulatorHttp::error(Code::BadRequest, QStringLiteral("WH-400-FAULT"),
                                   QStringLiteral("fail_patch and after must be 0 to 100."));
    if (count == 0)
        m_patchFaults.erase(id);
    else
        m_patchFaults[id] = PatchFault { after, count };
    return EmulatorHttp::json({ { QStringLiteral("webhook_id"), id },
                                { QStringLiteral("fail_patch"), count },
                                { QStringLiteral("after"), after } });
}

QHttpServerResponse WebhookService::deliveries(const EmulatorRequest &request)
{
    const QUrlQuery query = request.http.query();
    const QString webhook = query.queryItemValue(QStringLiteral("webhook_id"));
    const QString event = query.queryItemValue(QStringLiteral("event"));
    QJsonArray rows;
    for (const auto &d : m_deliveries) {
        if ((webhook.isEmpty() || d->webhookId == webhook) &&
            (event.isEmpty() || d->event == event))
            rows.append(d->toJson());
    }
    return EmulatorHttp::json(QJsonObject { { QStringLiteral("deliveries"), rows },
                                            { QStringLiteral("total_count"), rows.size() } });
}

void WebhookService::publish(const QString &event, const QJsonObject &data)
{
    for (const auto &s : m_subscriptions) {
        if (s->status == WebhookSubscription::Status::Active && s->listensTo(event))
            enqueue(*s, event, data);
    }
}

QString WebhookService::enqueue(WebhookSubscription &subscription, const QString &event,
                                const QJsonObject &data)
{
    auto d = std::make_unique<WebhookDelivery>();
    d->id = QStringLiteral("dlv-%1").arg(m_nextDelivery++);
    d->webhookId = subscription.id;
    d->event = event;
    d->url = subscription.url;
    d->queuedAt = QDateTime::currentDateTimeUtc();
    d->body =
        QJsonDocument(QJsonObject { { QStringLiteral("event"), event },
                                    { QStringLiteral("timestamp"), d->queuedAt.toSecsSinceEpoch() },
                                    { QStringLiteral("merchant_id"), subscription.merchantId },
                                    { QStringLiteral("data"), data } })
            .toJson(QJsonDocument::Compact);
    // The signature is fixed now, with the secret of this moment: retries resend it as is.
    if (!subscription.secret.isEmpty())
        d->signature = QByteArrayLiteral("sha256=") +
            crypto::Hex::encode(crypto::Hmac::sha256(subscription.secret.view(), d->body));
    const QString id = d->id;
    m_deliveries.push_back(std::move(d));
    trimLog();
    QTimer::singleShot(0, this, [this, id] { runAttempt(id); });
    return id;
}

WebhookDelivery *WebhookService::findDelivery(const QString &id)
{
    for (auto &d : m_deliveries) {
        if (d->id == id)
            return d.get();
    }
    return nullptr;
}

void WebhookService::runAttempt(const QString &deliveryId)
{
    WebhookDelivery *d = findDelivery(deliveryId);
    if (!d || d->isFinal())
        return;
    const WebhookSubscription *sub = find(d->webhookId);
    if (!sub) {
        finish(*d, WebhookDelivery::State::Dropped, QStringLiteral("subscription deleted"));
        return;
    }
    if (sub->status == WebhookSubscription::Status::Paused) {
        finish(*d, WebhookDelivery::State::Dropped, QStringLiteral("subscription paused"));
        return;
    }
    m_sender->send(*d, deadlineMs(), [this, deliveryId](const WebhookAttempt &attempt) {
        attemptDone(deliveryId, attempt);
    });
}

void WebhookService::attemptDone(const QString &deliveryId, const WebhookAttempt &attempt)
{
    WebhookDelivery *d = findDelivery(deliveryId);
    if (!d || d->isFinal())
        return;
    d->attempts.append(attempt);
    WebhookSubscription *sub = find(d->webhookId);
    if (attempt.ok) {
        if (sub) {
            sub->failureCount = 0;
            sub->lastSuccessAt = QDateTime::currentDateTimeUtc();
        }
        finish(*d, WebhookDelivery::State::Delivered);
        return;
    }
    if (sub)
        sub->lastFailureAt = QDateTime::currentDateTimeUtc();
    if (d->attempts.size() < kMaxAttempts) {
        d->state = WebhookDelivery::State::Retrying;
        QTimer::singleShot(retryDelayMs(int(d->attempts.size())), this,
                           [this, deliveryId] { runAttempt(deliveryId); });
        return;
    }
    if (sub) {
        ++sub->failureCount;
        if (sub->failureCount >= kAutoPauseAfter &&
            sub->status == WebhookSubscription::Status::Active) {
            sub->status = WebhookSubscription::Status::Paused;
            sub->pauseReason =
                QStringLiteral("paused automatically after %1 consecutive failed deliveries")
                    .arg(sub->failureCount);
            sub->updatedAt = QDateTime::currentDateTimeUtc();
        }
    }
    finish(*d, WebhookDelivery::State::Failed);
}

void WebhookService::finish(WebhookDelivery &delivery, WebhookDelivery::State state,
                            const QString &dropReason)
{
    delivery.state = state;
    delivery.dropReason = dropReason;
    Q_EMIT deliveryFinished(delivery.id, delivery.webhookId, WebhookDelivery::stateName(state));
}

void WebhookService::trimLog()
{
    while (qsizetype(m_deliveries.size()) > kMaxLoggedDeliveries) {
        const auto oldestFinal = std::find_if(m_deliveries.begin(), m_deliveries.end(),
                                              [](const auto &d) { return d->isFinal(); });
        if (oldestFinal == m_deliveries.end())
            break;
        m_deliveries.erase(oldestFinal);
    }
}

} // namespace aerodesk::emulator
