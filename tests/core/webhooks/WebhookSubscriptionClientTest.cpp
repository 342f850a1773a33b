// The webhook subscription client and the local listener against the real emulator: subscribe
// the listener, see it in the list, receive a signed test event, change the secret, delete — the
// wire format is WebhookSubscriptionClient's alone.

#include "core/webhooks/WebhookSubscriptionClient.h"

#include "core/util/FixedClock.h"
#include "core/webhooks/SignatureVerifier.h"
#include "core/webhooks/WebhookListener.h"
#include "tests/core/api/ClientHarness.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

using namespace aerodesk;
using namespace aerodesk::webhooks;
using aerodesk::api::ApiError;
using aerodesk::test::await;
using K = WebhookVerdict::Kind;
using S = WebhookVerdict::Secret;

namespace {

struct SubscriptionDelivery
{
    QByteArray body;
    WebhookListener::Headers headers;
};

crypto::SecureBytes subscriptionSecret(const char *s)
{
    return crypto::SecureBytes(QByteArrayView(s));
}

template<class Start> std::optional<Status<ApiError>> awaitStatus(Start start)
{
    std::optional<Status<ApiError>> out;
    start([&](Status<ApiError> s) { out.emplace(std::move(s)); });
    test::waitUntil([&] { return out.has_value(); }, 30000);
    return out;
}

} // namespace

TEST(WebhookSubscriptionClient, SubscribeListTestPatchDeleteWithTheListener)
{
    test::ClientHarness h;
    ASSERT_TRUE(h.start());
    SystemClock system;
    auto api = h.makeClient(system);
    WebhookSubscriptionClient client(*api);

    // The listener verifies with the test's ring (a copy at each delivery).
    FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC));
    SecretRing ring(clock);
    ring.setCurrent(subscriptionSecret("whsec-client-1"));
    WebhookLog log;
    WebhookListener listener(log, clock);
    listener.setRingSource([&] {
        auto copy = std::make_shared<SecretRing>(clock);
        copy->restore(ring.current().clone(), ring.previous().clone(), ring.rotatedAt());
        return copy;
    });
    EXPECT_FALSE(listener.isListening());
    EXPECT_TRUE(listener.url().isEmpty());
    ASSERT_TRUE(listener.start()) << listener.errorString().toStdString();
    ASSERT_TRUE(
        listener.url().startsWith(QStringLiteral("http://127.0.0.1:%1/").arg(listener.port())));
    QList<SubscriptionDelivery> deliveries;
    QObject::connect(&listener, &WebhookListener::delivered,
                     [&](const QByteArray &body, const WebhookListener::Headers &headers) {
                         deliveries.append({ body, headers });
                     });

    // Subscribe the listener for every event.
    auto sub = await<WebhookSubscription>([&](auto cb) {
        client.subscribe(listener.url(), WebhookSubscriptionClient::allEvents(),
                         subscriptionSecret("whsec-client-1"), cb);
    });
    ASSERT_TRUE(sub && sub->ok()) << (sub ? sub->error().message.toStdString() : "no answer");
    const WebhookSubscription created = sub->value();
    ASSERT_FALSE(created.id.isEmpty());
    EXPECT_EQ(created.url, listener.url());
    EXPECT_EQ(created.events, WebhookSubscriptionClient::allEvents());
    EXPECT_TRUE(created.isActive());
    EXPECT_TRUE(created.createdAt.isValid());

    // Listed, with a secret and no failures (the secret itself is never in the answer).
    auto listed = await<QList<WebhookSubscription>>([&](auto cb) { client.list(cb); });
    ASSERT_TRUE(listed && listed->ok())
        << (listed ? listed->error().message.toStdString() : "no answer");
    const auto it = std::find_if(listed->value().begin(), listed->value().end(),
                                 [&](const WebhookSubscription &s) { return s.id == created.id; });
    ASSERT_NE(it, listed->value().end());
    EXPECT_TRUE(it->hasSecret);
    EXPECT_EQ(it->failureCount, 0);

    // A test event arrives at the listener, signed with the subscription's secret.
    auto sendAndReceive = [&]() -> SubscriptionDelivery {
        const qsizetype before = deliveries.size();
        auto queued = await<QString>([&](auto cb) { client.sendTest(created.id, cb); });
        EXPECT_TRUE(queued && queued->ok())
            << (queued ? queued->error().message.toStdString() : "no answer");
        EXPECT_FALSE(queued && queued->ok() && queued->value().isEmpty()) << "a delivery id";
        EXPECT_TRUE(test::waitUntil([&] { return deliveries.size() > before; }, 20000));
        return deliveries.value(before);
    };
    const SubscriptionDelivery first = sendAndReceive();
    EXPECT_EQ(QJsonDocument::fromJson(first.body).object().value(QLatin1String("event")).toString(),
              QStringLiteral("test.event"));
    WebhookVerdict v = SignatureVerifier::verify(first.body, first.headers, ring);
    EXPECT_EQ(v.kind, K::Valid) << v.message.toStdString();
    EXPECT_EQ(v.secret, S::Current);

    // A new secret: the next delivery is signed with it.
    auto patched = awaitStatus(
        [&](auto cb) { client.patchSecret(created.id, subscriptionSecret("whsec-client-2"), cb); });
    ASSERT_TRUE(patched && patched->ok())
        << (patched ? patched->error().message.toStdString() : "no answer");
    const SubscriptionDelivery second = sendAndReceive();
    EXPECT_EQ(SignatureVerifier::verify(second.body, second.headers, ring).kind,
              K::NoSecretMatched);
    ring.rotate(subscriptionSecret("whsec-client-2"));
    v = SignatureVerifier::verify(second.body, second.headers, ring);
    EXPECT_EQ(v.kind, K::Valid) << v.message.toStdString();
    EXPECT_EQ(v.secret, S::Current);

    // Deleted: no longer listed; a second delete and a test event give the catalogue's WH-404.
    auto removed = awaitStatus([&](auto cb) { client.remove(created.id, cb); });
    ASSERT_TRUE(removed && removed->ok())
        << (removed ? removed->error().message.toStdString() : "no answer");
    listed = await<QList<WebhookSubscription>>([&](auto cb) { client.list(cb); });
    ASSERT_TRUE(listed && listed->ok());
    EXPECT_TRUE(std::none_of(listed->value().begin(), listed->value().end(),
                             [&](const WebhookSubscription &s) { return s.id == created.id; }));
    auto again = awaitStatus([&](auto cb) { client.remove(created.id, cb); });
    ASSERT_TRUE(again.has_value());
    ASSERT_FALSE(again->ok());
    EXPECT_EQ(again->error().code, QStringLiteral("WH-404"));
    auto orphanTest = await<QString>([&](auto cb) { client.sendTest(created.id, cb); });
    ASSERT_TRUE(orphanTest.has_value());
    ASSERT_FALSE(orphanTest->ok());
    EXPECT_EQ(orphanTest->error().code, QStringLiteral("WH-404"));

    listener.stop();
    EXPECT_FALSE(listener.isListening());
    EXPECT_TRUE(listener.url().isEmpty());
}

TEST(WebhookSubscriptionClient, RefusedSubscriptionComesBackAsTheCataloguedError)
{
    test::ClientHarness h;
    ASSERT_TRUE(h.start());
    SystemClock system;
    auto api = h.makeClient(system);
    // The sandbox delivers to loopback only.
    auto sub = await<WebhookSubscription>([&](auto cb) {
        WebhookSubscriptionClient(*api).subscribe(QStringLiteral("https://example.com/hook"),
                                                  { QStringLiteral("job.balance") },
                                                  subscriptionSecret("whsec-x"), cb);
    });
    ASSERT_TRUE(sub.has_value());
    ASSERT_FALSE(sub->ok());
    EXPECT_EQ(sub->error().code, QStringLiteral("WH-400-URL"));
    EXPECT_TRUE(sub->error().info.known);
}

TEST(WebhookSubscription, FromJsonNeedsAnIdAndReadsTheListFields)
{
    const QJsonObject o =
        QJsonDocument::fromJson(
            R"({"webhook_id":"w-1","merchant_id":"m-1","url":"http://127.0.0.1:9/h",
        "events":["job.balance","test.event"],"status":"paused","pause_reason":"too many failures","has_secret":true,
        "failure_count":3,"created_at":"2026-11-25T08:00:00.000000","last_success_at":null})")
            .object();
    auto s = WebhookSubscription::fromJson(o);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->id, QStringLiteral("w-1"));
    EXPECT_EQ(s->merchantId, QStringLiteral("m-1"));
    EXPECT_EQ(s->events,
              (QStringList { QStringLiteral("job.balance"), QStringLiteral("test.event") }));
    EXPECT_FALSE(s->isActive());
    EXPECT_EQ(s->pauseReason, QStringLiteral("too many failures"));
    EXPECT_TRUE(s->hasSecret);
    EXPECT_EQ(s->failureCount, 3);
    EXPECT_EQ(s->createdAt, QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC));
    EXPECT_FALSE(s->lastSuccessAt.isValid());

    auto bad = WebhookSubscription::fromJson(
        QJsonObject { { QStringLiteral("url"), QStringLiteral("x") } });
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ApiError::Kind::BadResponse);
}
