// Webhook subscriptions and deliveries of the sandbox (issue 3, "Webhooks"), checked from the
// outside: a real receiver on 127.0.0.1, signatures recomputed by the openssl CLI.
#include "tests/integration/ExternalTools.h"
#include "tests/integration/IntegrationEmulatorRig.h"
#include "tests/integration/WebhookReceiver.h"
#include "tests/support/Wait.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

using aerodesk::test::ExternalTools;
using aerodesk::test::IntegrationEmulatorRig;
using aerodesk::test::waitUntil;
using aerodesk::test::WebhookReceiver;

namespace {

const QRegularExpression
    kTimeFormat(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}$"));

class WebhooksIntegration : public ::testing::Test
{
protected:
    void SetUp() override { startWith(0.05); }

    void startWith(double timeScale)
    {
        ASSERT_TRUE(m_sandbox.start(timeScale)) << m_sandbox.lastError().toStdString();
        ASSERT_TRUE(m_receiver.listen());
    }

    /// Subscribes the receiver; returns the webhook_id.
    QString subscribe(const QJsonArray &events, const QString &secret = {})
    {
        QJsonObject body { { "url", m_receiver.url() }, { "events", events } };
        if (!secret.isEmpty())
            body.insert("secret_key", secret);
        const auto r = m_sandbox.call("POST", "/webhooks/subscribe", body);
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.json.value("webhook_id").toString();
    }

    QJsonObject listRow(const QString &id)
    {
        const auto r = m_sandbox.call("POST", "/webhooks/list");
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        for (const QJsonValue &v : r.json.value("subscriptions").toArray()) {
            if (v.toObject().value("webhook_id").toString() == id)
                return v.toObject();
        }
        return {};
    }

    QJsonObject delivery(const QString &deliveryId)
    {
        const auto r = m_sandbox.call("GET", "/sandbox/webhooks/deliveries");
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        for (const QJsonValue &v : r.json.value("deliveries").toArray()) {
            if (v.toObject().value("delivery_id").toString() == deliveryId)
                return v.toObject();
        }
        return {};
    }

    QString sendTest(const QString &id)
    {
        const auto r = m_sandbox.call("POST", "/webhooks/" + id + "/test");
        EXPECT_EQ(r.status, 202) << r.body.toStdString();
        return r.json.value("delivery_id").toString();
    }

    static QByteArray expectedHeader(const QByteArray &secret, const QByteArray &body)
    {
        QString error;
        const QByteArray hex = ExternalTools::opensslHmacSha256(secret, body, &error);
        EXPECT_FALSE(hex.isEmpty()) << error.toStdString();
        return "sha256=" + hex;
    }

    IntegrationEmulatorRig m_sandbox;
    WebhookReceiver m_receiver;
};

TEST_F(WebhooksIntegration, SubscribeAnswers201WithTheDocumentedFields)
{
    const auto r = m_sandbox.call("POST", "/webhooks/subscribe",
                                  { { "url", m_receiver.url() },
                                    { "events", QJsonArray { "job.balance", "bank.revocation" } },
                                    { "secret_key", "s3cret" } });
    ASSERT_EQ(r.status, 201) << r.body.toStdString();
    EXPECT_FALSE(QUuid::fromString(r.json.value("webhook_id").toString()).isNull())
        << r.body.toStdString();
    EXPECT_FALSE(r.json.value("merchant_id").toString().isEmpty());
    EXPECT_EQ(r.json.value("url").toString(), m_receiver.url());
    EXPECT_EQ(r.json.value("events").toArray(), (QJsonArray { "job.balance", "bank.revocation" }));
    EXPECT_EQ(r.json.value("status").toString(), "active");
    EXPECT_TRUE(kTimeFormat.match(r.json.value("created_at").toString()).hasMatch())
        << r.body.toStdString();
    EXPECT_FALSE(r.body.contains("s3cret")) << "the secret must never be echoed";
}

TEST_F(WebhooksIntegration, ListShowsCountersAndTimes)
{
    const QString a = subscribe({ "job.balance" });
    const QString b = subscribe({ "job.identity" }, "k");
    const auto r = m_sandbox.call("POST", "/webhooks/list");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json.value("total_count").toInt(), 2);
    const QJsonObject row = listRow(b);
    ASSERT_FALSE(row.isEmpty()) << r.body.toStdString();
    EXPECT_EQ(row.value("failure_count").toInt(-1), 0);
    EXPECT_TRUE(row.value("last_success_at").isNull());
    EXPECT_TRUE(row.value("last_failure_at").isNull());
    EXPECT_TRUE(kTimeFormat.match(row.value("updated_at").toString()).hasMatch());
    EXPECT_TRUE(row.value("has_secret").toBool());
    EXPECT_FALSE(listRow(a).value("has_secret").toBool());
    EXPECT_FALSE(r.body.contains("\"k\""));
}

TEST_F(WebhooksIntegration, PatchPauseUnpauseDelete)
{
    const QString id = subscribe({ "job.balance" });
    auto r = m_sandbox.call("PATCH", "/webhooks/" + id,
                            { { "events", QJsonArray { "job.balance", "job.transaction" } } });
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_TRUE(kTimeFormat.match(r.json.value("updated_at").toString()).hasMatch());
    EXPECT_FALSE(r.json.value("message").toString().isEmpty());
    EXPECT_EQ(listRow(id).value("events").toArray(),
              (QJsonArray { "job.balance", "job.transaction" }));

    r = m_sandbox.call("POST", "/webhooks/" + id + "/pause", { { "reason", "maintenance" } });
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_FALSE(r.json.value("message").toString().isEmpty());
    EXPECT_EQ(listRow(id).value("status").toString(), "paused");
    EXPECT_EQ(listRow(id).value("pause_reason").toString(), "maintenance");

    r = m_sandbox.call("POST", "/webhooks/" + id + "/unpause");
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(listRow(id).value("status").toString(), "active");

    r = m_sandbox.call("DELETE", "/webhooks/" + id);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_TRUE(r.json.value("success").toBool());
    EXPECT_FALSE(r.json.value("message").toString().isEmpty());
    EXPECT_EQ(m_sandbox.call("POST", "/webhooks/list").json.value("total_count").toInt(-1), 0);
}

TEST_F(WebhooksIntegration, UnknownIdsGive404OnEveryOperation)
{
    const QString id = QStringLiteral("00000000-0000-4000-8000-000000000000");
    for (const auto &[method, suffix] : QList<QPair<QByteArray, QString>> { { "PATCH", "" },
                                                                            { "DELETE", "" },
                                                                            { "POST", "/pause" },
                                                                            { "POST", "/unpause" },
                                                                            { "POST", "/test" } }) {
        const auto r =
            m_sandbox.call(method, "/webhooks/" + id + suffix, { { "url", m_receiver.url() } });
        EXPECT_EQ(r.status, 404) << method.constData() << suffix.toStdString()
                                 << r.body.toStdString();
        EXPECT_EQ(r.json.value("error").toObject().value("code").toString(), "WH-404");
    }
}

TEST_F(WebhooksIntegration, RefusesNonLoopbackUrlsAndMalformedInput)
{
    struct Case
    {
        QJsonObject body;
        const char *code;
        const char *mentions;
    };
    const QList<Case> cases {
        { { { "url", "https://hooks.example.com/in" }, { "events", QJsonArray { "job.balance" } } },
          "WH-400-URL",
          "loopback" },
        { { { "url", "ftp://127.0.0.1/x" }, { "events", QJsonArray { "job.balance" } } },
          "WH-400-URL",
          "http or https" },
        { { { "events", QJsonArray { "job.balance" } } }, "WH-400-URL", "url" },
        { { { "url", m_receiver.url() }, { "events", QJsonArray {} } },
          "WH-400-EVENTS",
          "at least one" },
        { { { "url", m_receiver.url() }, { "events", QJsonArray { "job.nope" } } },
          "WH-400-EVENTS",
          "job.nope" },
        { { { "url", m_receiver.url() },
            { "events", QJsonArray { "job.balance" } },
            { "secret_key", 12 } },
          "WH-400-SECRET",
          "string" },
    };
    for (const Case &c : cases) {
        const auto r = m_sandbox.call("POST", "/webhooks/subscribe", c.body);
        EXPECT_EQ(r.status, 400) << r.body.toStdString();
        EXPECT_EQ(r.json.value("error").toObject().value("code").toString(), c.code)
            << r.body.toStdString();
        EXPECT_TRUE(
            r.json.value("error").toObject().value("message").toString().contains(c.mentions))
            << r.body.toStdString();
    }
    const auto bad = m_sandbox.raw("POST", "/webhooks/subscribe", "{not json",
                                   { { "Authorization", "Bearer " + m_sandbox.token().toUtf8() },
                                     { "x-api-key", m_sandbox.apiKey().toUtf8() } });
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.json.value("error").toObject().value("code").toString(), "WH-400-JSON")
        << bad.body.toStdString();
    EXPECT_EQ(m_sandbox.call("POST", "/webhooks/list").json.value("total_count").toInt(-1), 0);
}

TEST_F(WebhooksIntegration, ManagementNeedsBearerAndApiKey)
{
    const QString id = subscribe({ "job.balance" });
    const auto noBearer = m_sandbox.call("POST", "/webhooks/list", {}, { { "Authorization", "" } });
    EXPECT_EQ(noBearer.status, 403) << noBearer.body.toStdString();
    EXPECT_EQ(noBearer.json.value("error").toObject().value("code").toString(), "AC-001");
    const auto noKey = m_sandbox.call("DELETE", "/webhooks/" + id, {}, { { "x-api-key", "" } });
    EXPECT_EQ(noKey.status, 403) << noKey.body.toStdString();
    const auto badBearer = m_sandbox.call("GET", "/sandbox/webhooks/deliveries", {},
                                          { { "Authorization", "Bearer nope" } });
    EXPECT_EQ(badBearer.status, 403) << badBearer.body.toStdString();
    EXPECT_EQ(m_sandbox.call("POST", "/webhooks/list").json.value("total_count").toInt(-1), 1)
        << "the unauthorised DELETE must not have deleted anything";
}

TEST_F(WebhooksIntegration, TestEventIsSignedOverTheRawBodyAsOpensslComputesIt)
{
    const QString id = subscribe({ "job.balance" }, "whsec-alpha");
    const QString deliveryId = sendTest(id);
    ASSERT_TRUE(waitUntil([this] { return m_receiver.hits().size() == 1; }));
    const WebhookReceiver::Hit hit = m_receiver.hits().first();
    EXPECT_EQ(hit.signature, expectedHeader("whsec-alpha", hit.body)) << hit.body.toStdString();
    EXPECT_EQ(hit.userAgent, "Aerosync-Webhooks/1.0");
    EXPECT_TRUE(hit.contentType.startsWith("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(hit.body).object();
    EXPECT_EQ(body.value("event").toString(), "test.event");
    EXPECT_TRUE(body.value("timestamp").isDouble());
    EXPECT_GT(body.value("timestamp").toInteger(), 1700000000);
    EXPECT_FALSE(body.value("merchant_id").toString().isEmpty());
    EXPECT_TRUE(body.value("data").isObject());
    EXPECT_EQ(QJsonDocument(body).toJson(QJsonDocument::Compact), hit.body)
        << "the body must be compact JSON";
    ASSERT_TRUE(
        waitUntil([&] { return delivery(deliveryId).value("state").toString() == "delivered"; }));
    EXPECT_FALSE(listRow(id).value("last_success_at").isNull());
}

TEST_F(WebhooksIntegration, NoSignatureHeaderWithoutASecret)
{
    const QString id = subscribe({ "job.balance" });
    sendTest(id);
    ASSERT_TRUE(waitUntil([this] { return m_receiver.hits().size() == 1; }));
    EXPECT_TRUE(m_receiver.hits().first().signature.isEmpty());
}

TEST_F(WebhooksIntegration, RetriesWithBackoffUntilTheReceiverAccepts)
{
    const QString id = subscribe({ "job.balance" }, "retry-secret");
    m_receiver.script({ 500, 500 });
    const QString deliveryId = sendTest(id);
    ASSERT_TRUE(waitUntil(
        [&] { return delivery(deliveryId).value("state").toString() == "delivered"; }, 20000))
        << QJsonDocument(delivery(deliveryId)).toJson().toStdString();
    ASSERT_EQ(m_receiver.hits().size(), 3);
    for (const auto &hit : m_receiver.hits()) {
        EXPECT_EQ(hit.body, m_receiver.hits().first().body) << "a retry resends the same bytes";
        EXPECT_EQ(hit.signature, expectedHeader("retry-secret", hit.body));
    }
    const QJsonArray attempts = delivery(deliveryId).value("attempts").toArray();
    ASSERT_EQ(attempts.size(), 3);
    EXPECT_EQ(attempts[0].toObject().value("http_status").toInt(), 500);
    EXPECT_EQ(attempts[1].toObject().value("http_status").toInt(), 500);
    EXPECT_EQ(attempts[2].toObject().value("http_status").toInt(), 200);
    const QJsonObject row = listRow(id);
    EXPECT_EQ(row.value("failure_count").toInt(-1), 0);
    EXPECT_FALSE(row.value("last_failure_at").isNull());
    EXPECT_FALSE(row.value("last_success_at").isNull());
}

TEST_F(WebhooksIntegration, FiveFailedDeliveriesPauseAndUnpauseResets)
{
    const QString id = subscribe({ "job.balance" }, "k");
    m_receiver.setDefaultStatus(503);
    for (int i = 0; i < 5; ++i)
        sendTest(id);
    ASSERT_TRUE(
        waitUntil([&] { return listRow(id).value("status").toString() == "paused"; }, 30000))
        << QJsonDocument(listRow(id)).toJson().toStdString();
    EXPECT_EQ(listRow(id).value("failure_count").toInt(), 5);
    EXPECT_EQ(m_receiver.hits().size(), 15) << "5 deliveries x 3 attempts";
    EXPECT_TRUE(listRow(id).value("pause_reason").toString().contains("5"));

    const auto refused = m_sandbox.call("POST", "/webhooks/" + id + "/test");
    EXPECT_EQ(refused.status, 409) << refused.body.toStdString();
    EXPECT_EQ(refused.json.value("error").toObject().value("code").toString(), "WH-409-PAUSED");

    ASSERT_EQ(m_sandbox.call("POST", "/webhooks/" + id + "/unpause").status, 200);
    EXPECT_EQ(listRow(id).value("status").toString(), "active");
    EXPECT_EQ(listRow(id).value("failure_count").toInt(-1), 0);
    m_receiver.setDefaultStatus(200);
    const QString deliveryId = sendTest(id);
    ASSERT_TRUE(waitUntil(
        [&] { return delivery(deliveryId).value("state").toString() == "delivered"; }, 20000));
}

class WebhookRotation : public WebhooksIntegration
{
protected:
    // Real seconds for the backoff, so the PATCH surely lands between two attempts.
    void SetUp() override { startWith(1.0); }
};

TEST_F(WebhookRotation, QueuedDeliveriesKeepTheOldSignatureNewOnesUseTheNew)
{
    const QString id = subscribe({ "job.balance" }, "old-secret");
    m_receiver.setDefaultStatus(500);
    const QString queued = sendTest(id);
    ASSERT_TRUE(
        waitUntil([this] { return m_receiver.hits().size() == 1; })); // first attempt failed

    const auto patch =
        m_sandbox.call("PATCH", "/webhooks/" + id, { { "secret_key", "new-secret" } });
    ASSERT_EQ(patch.status, 200) << patch.body.toStdString();
    EXPECT_FALSE(patch.body.contains("new-secret"));
    m_receiver.setDefaultStatus(200);
    ASSERT_TRUE(waitUntil([&] { return delivery(queued).value("state").toString() == "delivered"; },
                          20000));
    ASSERT_EQ(m_receiver.hits().size(), 2);
    const WebhookReceiver::Hit retried = m_receiver.hits().at(1);
    EXPECT_EQ(retried.signature, expectedHeader("old-secret", retried.body))
        << "a delivery queued before the rotation keeps the old signature";
    EXPECT_NE(retried.signature, expectedHeader("new-secret", retried.body));

    sendTest(id);
    ASSERT_TRUE(waitUntil([this] { return m_receiver.hits().size() == 3; }));
    const WebhookReceiver::Hit fresh = m_receiver.hits().at(2);
    EXPECT_EQ(fresh.signature, expectedHeader("new-secret", fresh.body));
    EXPECT_NE(fresh.signature, expectedHeader("old-secret", fresh.body));
}

} // namespace

namespace {

/// A self-signed certificate for 127.0.0.1 made by the openssl CLI: {certPem, keyPem}.
QPair<QByteArray, QByteArray> makeReceiverCertificate(QString *error)
{
    const QString openssl = ExternalTools::find("openssl");
    if (openssl.isEmpty()) {
        *error = ExternalTools::missingMessage("openssl");
        return {};
    }
    QTemporaryDir dir;
    const QString cert = dir.filePath("receiver.crt"), key = dir.filePath("receiver.key");
    const auto r = ExternalTools::run(
        openssl,
        { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days",
          "1", "-subj", "/CN=AeroDesk test receiver", "-addext", "subjectAltName=IP:127.0.0.1" });
    QFile c(cert), k(key);
    if (r.exitCode != 0 || !c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly)) {
        *error = "openssl req failed: " + r.describe();
        return {};
    }
    return { c.readAll(), k.readAll() };
}

TEST_F(WebhooksIntegration, HttpsReceiverCertificateIsVerifiedNotIgnored)
{
    QString error;
    const auto [certPem, keyPem] = makeReceiverCertificate(&error);
    ASSERT_FALSE(certPem.isEmpty()) << error.toStdString();
    WebhookReceiver tls;
    ASSERT_TRUE(tls.listenTls(certPem, keyPem));
    const auto sub = m_sandbox.call("POST", "/webhooks/subscribe",
                                    { { "url", tls.url() },
                                      { "events", QJsonArray { "job.balance" } },
                                      { "secret_key", "t" } });
    ASSERT_EQ(sub.status, 201) << sub.body.toStdString();
    const QString id = sub.json.value("webhook_id").toString();

    // An unknown self-signed certificate: every attempt fails on TLS, nothing reaches the receiver.
    const QString refused = sendTest(id);
    ASSERT_TRUE(
        waitUntil([&] { return delivery(refused).value("state").toString() == "failed"; }, 20000))
        << QJsonDocument(delivery(refused)).toJson().toStdString();
    EXPECT_EQ(tls.hits().size(), 0);
    const QJsonArray attempts = delivery(refused).value("attempts").toArray();
    ASSERT_EQ(attempts.size(), 3);
    EXPECT_EQ(attempts[0].toObject().value("http_status").toInt(), 0);
    EXPECT_TRUE(attempts[0].toObject().value("error").toString().contains("network error"));

    // Trusting its CA (the in-process host can; the executable would need a flag) delivers.
    if (m_sandbox.trustReceiverCa(certPem)) {
        const QString accepted = sendTest(id);
        ASSERT_TRUE(waitUntil(
            [&] { return delivery(accepted).value("state").toString() == "delivered"; }, 20000))
            << QJsonDocument(delivery(accepted)).toJson().toStdString();
        ASSERT_EQ(tls.hits().size(), 1);
        EXPECT_EQ(tls.hits().first().signature, expectedHeader("t", tls.hits().first().body));
    }
}

} // namespace

namespace {

TEST_F(WebhooksIntegration, JobEventsReachActiveSubscriptionsListeningToThem)
{
    WebhookReceiver identityOnly, paused;
    ASSERT_TRUE(identityOnly.listen());
    ASSERT_TRUE(paused.listen());
    subscribe({ "job.balance" }, "job-secret");
    ASSERT_EQ(
        m_sandbox
            .call("POST", "/webhooks/subscribe",
                  { { "url", identityOnly.url() }, { "events", QJsonArray { "job.identity" } } })
            .status,
        201);
    const auto p =
        m_sandbox.call("POST", "/webhooks/subscribe",
                       { { "url", paused.url() }, { "events", QJsonArray { "job.balance" } } });
    ASSERT_EQ(p.status, 201);
    ASSERT_EQ(
        m_sandbox.call("POST", "/webhooks/" + p.json.value("webhook_id").toString() + "/pause")
            .status,
        200);

    const QString connectionId = m_sandbox.startBalanceJob();
    ASSERT_FALSE(connectionId.isEmpty()) << m_sandbox.lastError().toStdString();
    ASSERT_TRUE(waitUntil([this] { return !m_receiver.hits().isEmpty(); }, 20000));
    const WebhookReceiver::Hit hit = m_receiver.hits().first();
    EXPECT_EQ(hit.signature, expectedHeader("job-secret", hit.body));
    const QJsonObject body = QJsonDocument::fromJson(hit.body).object();
    EXPECT_EQ(body.value("event").toString(), "job.balance");
    const QJsonObject data = body.value("data").toObject();
    EXPECT_EQ(data.value("connection_id").toString(), connectionId);
    EXPECT_TRUE(data.value("job_id").toString().startsWith("REF-")) << hit.body.toStdString();
    EXPECT_TRUE(QStringList({ "initiated", "pending_mfa", "completed", "failed" })
                    .contains(data.value("status").toString()));
    // Give any wrongly routed delivery the same chance to arrive before checking it did not.
    const QString probe = sendTest(subscribe({ "job.balance" }));
    ASSERT_TRUE(
        waitUntil([&] { return delivery(probe).value("state").toString() == "delivered"; }));
    EXPECT_TRUE(identityOnly.hits().isEmpty())
        << "a job.identity-only subscription got a job.balance event";
    EXPECT_TRUE(paused.hits().isEmpty()) << "a paused subscription got a delivery";
}

TEST_F(WebhooksIntegration, RevocationIsDeliveredSigned)
{
    subscribe({ "bank.revocation" }, "revoke-secret");
    m_sandbox.call("POST", "/sandbox/seed", { { "count", 1 } });
    const auto listed = m_sandbox.call("GET", "/sandbox/connections?limit=1");
    if (listed.status == 404)
        GTEST_SKIP() << "in-process services have no connection listing";
    const QString id = listed.json.value("connections")
                           .toArray()
                           .first()
                           .toObject()
                           .value("connectionId")
                           .toString();
    ASSERT_EQ(id.size(), 32) << listed.body.toStdString();
    ASSERT_EQ(m_sandbox.call("POST", "/sandbox/connections/" + id + "/revoke").status, 200);
    ASSERT_TRUE(waitUntil([this] { return !m_receiver.hits().isEmpty(); }, 20000));
    const WebhookReceiver::Hit hit = m_receiver.hits().first();
    EXPECT_EQ(hit.signature, expectedHeader("revoke-secret", hit.body));
    const QJsonObject body = QJsonDocument::fromJson(hit.body).object();
    EXPECT_EQ(body.value("event").toString(), "bank.revocation");
    const QJsonObject data = body.value("data").toObject();
    EXPECT_EQ(data.value("connection_id").toString(), id);
    EXPECT_EQ(data.value("user_id").toString(), id);
    EXPECT_EQ(data.value("status").toString(), "revoked");
    EXPECT_TRUE(body.value("timestamp").isDouble());
}

} // namespace
