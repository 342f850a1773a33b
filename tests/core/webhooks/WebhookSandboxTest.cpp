#include "core/util/FixedClock.h"
#include "core/webhooks/SecretRingStore.h"
#include "core/webhooks/SignatureVerifier.h"
#include "tests/core/api/ClientHarness.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>

using namespace aerodesk;
using namespace aerodesk::webhooks;
using aerodesk::api::ApiError;
using aerodesk::api::HttpResponse;
using aerodesk::test::await;
using K = WebhookVerdict::Kind;
using S = WebhookVerdict::Secret;

namespace {
struct Delivery
{
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

/// A local receiver, as a partner's backend would run it (plain HTTP on loopback).
struct Receiver
{
    Receiver()
    {
        server.route(QStringLiteral("/hook"), [this](const QHttpServerRequest &req) {
            deliveries.append({ req.body(), req.headers() });
            return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
        });
        port = server.listen(QHostAddress::LocalHost, 0);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/hook").arg(port); }
    QHttpServer server;
    quint16 port = 0;
    QList<Delivery> deliveries;
};

crypto::SecureBytes secret(const char *s)
{
    return crypto::SecureBytes(QByteArrayView(s));
}
} // namespace

TEST(WebhookSandbox, RealDeliveriesVerifyAndRotationWindowHolds)
{
    test::ClientHarness h;
    ASSERT_TRUE(h.start());
    SystemClock system;
    auto client = h.makeClient(system);
    Receiver receiver;
    ASSERT_NE(receiver.port, 0);

    auto sub = await<HttpResponse>([&](auto cb) {
        client->callWebhookApi(
            "POST", QStringLiteral("/webhooks/subscribe"),
            QJsonObject {
                { QStringLiteral("url"), receiver.url() },
                { QStringLiteral("events"), QJsonArray { QStringLiteral("job.balance") } },
                { QStringLiteral("secret_key"), QStringLiteral("whsec-1") } },
            cb);
    });
    ASSERT_TRUE(sub && sub->ok()) << (sub ? sub->error().message.toStdString() : "no answer");
    EXPECT_EQ((*sub)->status, 201);
    const QString id = (*sub)->json.value(QLatin1String("webhook_id")).toString();
    ASSERT_FALSE(id.isEmpty());

    auto sendTest = [&] {
        const int before = receiver.deliveries.size();
        auto t = await<HttpResponse>([&](auto cb) {
            client->callWebhookApi("POST", QStringLiteral("/webhooks/%1/test").arg(id),
                                   QJsonObject {}, cb);
        });
        EXPECT_TRUE(t && t->ok()) << (t ? t->error().message.toStdString() : "no answer");
        EXPECT_TRUE(test::waitUntil([&] { return receiver.deliveries.size() > before; }, 20000));
        return receiver.deliveries.value(before);
    };

    FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC));
    SecretRing ring(clock);
    ring.setCurrent(secret("whsec-1"));

    const Delivery first = sendTest();
    ASSERT_FALSE(first.body.isEmpty());
    const WebhookVerdict ok = SignatureVerifier::verify(first.body, first.headers, ring);
    EXPECT_EQ(ok.kind, K::Valid) << ok.message.toStdString();
    EXPECT_EQ(ok.secret, S::Current);

    // Tampered body.
    QByteArray tampered = first.body;
    tampered.replace("test.event", "test.evenT");
    EXPECT_EQ(SignatureVerifier::verify(tampered, first.headers, ring).kind, K::NoSecretMatched);
    // Re-serialised body (pretty-printed by some framework on the way).
    const QByteArray pretty = QJsonDocument::fromJson(first.body).toJson(QJsonDocument::Indented);
    const WebhookVerdict re = SignatureVerifier::verify(pretty, first.headers, ring);
    EXPECT_EQ(re.kind, K::ReserialisedBody) << re.message.toStdString();
    // Wrong secret.
    SecretRing wrong(clock);
    wrong.setCurrent(secret("whsec-other"));
    EXPECT_EQ(SignatureVerifier::verify(first.body, first.headers, wrong).kind, K::NoSecretMatched);

    // Rotate on the sandbox (PATCH secret_key) and locally.
    auto patched = await<HttpResponse>([&](auto cb) {
        client->callWebhookApi(
            "PATCH", QStringLiteral("/webhooks/%1").arg(id),
            QJsonObject { { QStringLiteral("secret_key"), QStringLiteral("whsec-2") } }, cb);
    });
    ASSERT_TRUE(patched && patched->ok());
    ring.rotate(secret("whsec-2"));

    const Delivery second = sendTest();
    const WebhookVerdict v2 = SignatureVerifier::verify(second.body, second.headers, ring);
    EXPECT_EQ(v2.kind, K::Valid) << v2.message.toStdString();
    EXPECT_EQ(v2.secret, S::Current);

    // A delivery signed before the rotation: accepted with the previous secret inside the window...
    clock.advanceMs(23LL * 3600 * 1000);
    const WebhookVerdict prev = SignatureVerifier::verify(first.body, first.headers, ring);
    EXPECT_EQ(prev.kind, K::Valid);
    EXPECT_EQ(prev.secret, S::Previous);
    // ...and refused outside it.
    clock.advanceMs(2LL * 3600 * 1000);
    EXPECT_EQ(SignatureVerifier::verify(first.body, first.headers, ring).kind, K::PreviousExpired);

    // Without a secret the sandbox sends no signature header.
    auto removed = await<HttpResponse>([&](auto cb) {
        client->callWebhookApi("PATCH", QStringLiteral("/webhooks/%1").arg(id),
                               QJsonObject { { QStringLiteral("secret_key"), QString() } }, cb);
    });
    ASSERT_TRUE(removed && removed->ok());
    const Delivery unsigned_ = sendTest();
    EXPECT_EQ(SignatureVerifier::verify(unsigned_.body, unsigned_.headers, ring).kind,
              K::HeaderMissing);
}

TEST(WebhookSandbox, SecretRingPersistsInKeychainAndSettings)
{
    test::ClientHarness h;
    ASSERT_TRUE(h.start());
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC));
    SecretRing ring(clock);
    ring.setCurrent(secret("whsec-a"));
    ring.rotate(secret("whsec-b"));
    SecretRingStore store(*h.keychain, settings);
    std::optional<keychain::KeychainError> saved;
    store.save(ring, [&](const keychain::KeychainError &e) { saved = e; });
    ASSERT_TRUE(test::waitUntil([&] { return saved.has_value(); }, 20000));
    ASSERT_TRUE(saved->ok()) << saved->message.toStdString();
    // Only the time is in the settings file, never a secret.
    QFile f(dir.filePath(QStringLiteral("settings.ini")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray ini = f.readAll();
    EXPECT_TRUE(ini.contains("rotatedAt"));
    EXPECT_FALSE(ini.contains("whsec"));

    SecretRing loaded(clock);
    std::optional<keychain::KeychainError> done;
    store.load(loaded, [&](const keychain::KeychainError &e) { done = e; });
    ASSERT_TRUE(test::waitUntil([&] { return done.has_value(); }, 20000));
    ASSERT_TRUE(done->ok()) << done->message.toStdString();
    EXPECT_TRUE(loaded.current().equals(secret("whsec-b")));
    EXPECT_TRUE(loaded.previous().equals(secret("whsec-a")));
    EXPECT_EQ(loaded.rotatedAt(), ring.rotatedAt());

    for (const char *n : { SecretRingStore::kCurrentName, SecretRingStore::kPreviousName }) {
        bool removed = false;
        h.keychain->remove(QString::fromLatin1(n),
                           [&](const keychain::KeychainError &) { removed = true; });
        test::waitUntil([&] { return removed; }, 10000);
    }
}
