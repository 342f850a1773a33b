// Rotation that reaches Aerosync, against the real sandbox and keychain: SecretRotation patches
// every subscription of the environment first and only then moves the local ring; the sandbox
// then signs with the new secret while a delivery queued before the rotation (old signature,
// retried across it) still verifies inside the overlap window. A failed PATCH (injected with
// the sandbox's /sandbox/webhooks/faults, or the sandbox stopped) leaves the ring and the
// sandbox's secret as they were — checked by deliveries the sandbox signs afterwards.

#include "core/webhooks/SecretRotation.h"

#include "core/keychain/KeychainEntries.h"
#include "core/webhooks/SignatureVerifier.h"
#include "core/webhooks/WebhookListener.h"
#include "core/webhooks/WebhookSecrets.h"
#include "core/webhooks/WebhookSubscriptionClient.h"
#include "tests/core/api/ClientHarness.h"

#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>

using namespace aerodesk;
using namespace aerodesk::webhooks;
using aerodesk::api::ApiError;
using aerodesk::test::await;
using aerodesk::test::waitUntil;
using K = WebhookVerdict::Kind;
using S = WebhookVerdict::Secret;

namespace {

crypto::SecureBytes bytes(const char *s)
{
    return crypto::SecureBytes(QByteArrayView(s));
}

/// A sandbox (time-scaled as asked), an ApiClient, the profile's WebhookSecrets starting at
/// "whsec-rot-1", and `n` local listeners subscribed with that secret, each verifying with the
/// ring as it stands.
class RotationRig
{
public:
    bool start(int listeners, const QString &timeScale = QStringLiteral("0.05"))
    {
        if (!h.start({ QStringLiteral("--seed"), QStringLiteral("7"),
                       QStringLiteral("--time-scale"), timeScale }))
            return false;
        api = h.makeClient(clock);
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")),
                                               QSettings::IniFormat);
        secrets = std::make_unique<WebhookSecrets>(h.profile, *settings, clock);
        if (!runSecrets([&](auto done) { secrets->setSecret(bytes("whsec-rot-1"), true, done); }))
            return false;
        for (int i = 0; i < listeners; ++i) {
            auto listener = std::make_unique<WebhookListener>(log, clock);
            listener->setRingSource([this]() -> std::shared_ptr<SecretRing> {
                return gateClosed ? nullptr : secrets->copyRing();
            });
            if (!listener->start())
                return false;
            auto sub = await<WebhookSubscription>([&](auto cb) {
                WebhookSubscriptionClient(*api).subscribe(listener->url(),
                                                          WebhookSubscriptionClient::allEvents(),
                                                          bytes("whsec-rot-1"), cb);
            });
            if (!sub || !sub->ok()) {
                ADD_FAILURE() << "subscribe failed";
                return false;
            }
            ids << sub->value().id;
            this->listeners.push_back(std::move(listener));
        }
        return true;
    }
    ~RotationRig()
    {
        if (!h.keychain)
            return;
        int pending = 2;
        for (const char *n : { keychain::entries::kWebhookSecretCurrent,
                               keychain::entries::kWebhookSecretPrevious })
            h.keychain->remove(QString::fromLatin1(n),
                               [&](const keychain::KeychainError &) { --pending; });
        waitUntil([&] { return pending == 0; }, 10000);
    }
    template<class Start> bool runSecrets(Start start)
    {
        std::optional<keychain::KeychainError> out;
        start([&](const keychain::KeychainError &e) { out = e; });
        return waitUntil([&] { return out.has_value(); }, 20000) && out->ok();
    }
    SecretRotation::Outcome rotate(std::optional<QByteArray> to = std::nullopt)
    {
        SecretRotation rotation(api.get(), *secrets);
        std::optional<SecretRotation::Outcome> out;
        auto done = [&](const SecretRotation::Outcome &o) { out = o; };
        if (to)
            rotation.rotateTo(crypto::SecureBytes(QByteArrayView(*to)), done);
        else
            rotation.rotate(done);
        EXPECT_TRUE(rotation.isRunning() || out.has_value());
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 30000)) << "rotation finished";
        return out.value_or(SecretRotation::Outcome {});
    }
    /// The sandbox sends a test.event to subscription `i`; the log entry its listener wrote.
    WebhookLogEntry sendTest(int i)
    {
        const int before = log.size();
        auto queued = await<QString>(
            [&](auto cb) { WebhookSubscriptionClient(*api).sendTest(ids.at(i), cb); });
        EXPECT_TRUE(queued && queued->ok())
            << (queued && !queued->ok() ? queued->error().message.toStdString() : "");
        EXPECT_TRUE(waitUntil([&] { return log.size() > before; }, 20000));
        return log.entries().value(before);
    }
    /// POST /sandbox/webhooks/faults: subscription `i`'s PATCHes fail after `after` pass.
    bool injectPatchFailure(int i, int count, int after = 0)
    {
        auto r = await<api::HttpResponse>([&](auto cb) {
            api->callWebhookApi("POST", QStringLiteral("/sandbox/webhooks/faults"),
                                { { QStringLiteral("webhook_id"), ids.at(i) },
                                  { QStringLiteral("fail_patch"), count },
                                  { QStringLiteral("after"), after } },
                                cb);
        });
        return r && r->ok();
    }

    SystemClock clock;
    test::ClientHarness h;
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<api::ApiClient> api;
    std::unique_ptr<WebhookSecrets> secrets;
    WebhookLog log;
    std::vector<std::unique_ptr<WebhookListener>> listeners;
    QStringList ids;
    bool gateClosed = false; ///< the listeners answer 401 to everything (no ring)
};

} // namespace

TEST(SecretRotation, PatchesEverySubscriptionFirstThenTheRingAndTheSandboxSignsWithTheNewSecret)
{
    // time-scale 2: the sandbox retries a refused delivery 2 s and then 4 s later, time enough to
    // rotate while an old-signed delivery waits for its retry.
    RotationRig rig;
    ASSERT_TRUE(rig.start(2, QStringLiteral("2")));
    WebhookLogEntry e = rig.sendTest(0);
    EXPECT_EQ(e.verdict.kind, K::Valid) << e.verdict.message.toStdString();
    EXPECT_EQ(e.httpStatus, 200);

    // A delivery queued before the rotation, refused once (401) so that its retry — the same
    // bytes, the OLD signature — arrives after the rotation.
    rig.gateClosed = true;
    const int before = rig.log.size();
    auto queued = await<QString>(
        [&](auto cb) { WebhookSubscriptionClient(*rig.api).sendTest(rig.ids.at(1), cb); });
    ASSERT_TRUE(queued && queued->ok());
    ASSERT_TRUE(waitUntil([&] { return rig.log.size() > before; }, 20000));
    EXPECT_EQ(rig.log.entries().last().httpStatus, 401);
    EXPECT_TRUE(rig.log.entries().last().rejected());

    const SecretRotation::Outcome o = rig.rotate();
    rig.gateClosed = false;
    ASSERT_TRUE(o.ok) << o.message.toStdString();
    EXPECT_EQ(o.patched, rig.ids) << "every subscription of the environment";
    EXPECT_TRUE(o.message.contains(QLatin1String("2 subscription"))) << o.message.toStdString();
    const QString fresh = rig.secrets->ring().current().toUtf8String();
    EXPECT_TRUE(fresh.startsWith(QLatin1String("whsec_")));
    EXPECT_TRUE(rig.secrets->ring().previous().equals(bytes("whsec-rot-1")));

    // The retry of the old-signed delivery verifies with the previous secret, inside the overlap.
    ASSERT_TRUE(waitUntil(
        [&] { return rig.log.entries().last().httpStatus == 200 && rig.log.size() > before + 1; },
        20000));
    EXPECT_EQ(rig.log.entries().last().verdict.secret, S::Previous);

    // New deliveries to both subscriptions are signed with the new secret: the ring's current,
    // and an independent check with a ring holding only the new secret.
    for (int i = 0; i < 2; ++i) {
        e = rig.sendTest(i);
        EXPECT_EQ(e.verdict.kind, K::Valid) << e.verdict.message.toStdString();
        EXPECT_EQ(e.verdict.secret, S::Current) << "subscription " << i;
        EXPECT_EQ(e.httpStatus, 200);
    }
    std::optional<QByteArray> body;
    std::optional<QByteArray> header;
    QObject::connect(rig.listeners[0].get(), &WebhookListener::delivered,
                     [&](const QByteArray &b, const WebhookListener::Headers &headers) {
                         body = b;
                         for (const auto &h : headers)
                             if (h.first.compare("X-Webhook-Signature", Qt::CaseInsensitive) == 0)
                                 header = h.second;
                     });
    rig.sendTest(0);
    ASSERT_TRUE(body && header);
    EXPECT_EQ(*header, SignatureVerifier::sign(*body, fresh.toUtf8()));
}

TEST(SecretRotation, AFailedPatchPutsBackWhatWasPatchedAndLeavesTheRingAsItWas)
{
    RotationRig rig;
    ASSERT_TRUE(rig.start(2));
    // The order the rotation patches in is the list's: make the LAST one fail, so the first has
    // to be put back.
    auto listed = await<QList<WebhookSubscription>>(
        [&](auto cb) { WebhookSubscriptionClient(*rig.api).list(cb); });
    ASSERT_TRUE(listed && listed->ok());
    ASSERT_EQ(listed->value().size(), 2);
    const int last = int(rig.ids.indexOf(listed->value().last().id));
    ASSERT_GE(last, 0);
    ASSERT_TRUE(rig.injectPatchFailure(last, 1));

    const SecretRotation::Outcome o = rig.rotate();
    EXPECT_FALSE(o.ok);
    EXPECT_EQ(o.failedCall, QStringLiteral("PATCH /webhooks/%1").arg(rig.ids.at(last)));
    EXPECT_EQ(o.error.httpStatus, 503);
    EXPECT_EQ(o.error.code, QStringLiteral("WH-503-FAULT"));
    EXPECT_TRUE(o.message.contains(o.failedCall)) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains(QLatin1String("Nothing was changed")))
        << o.message.toStdString();
    EXPECT_TRUE(o.patched.isEmpty());
    EXPECT_TRUE(o.leftWithNewSecret.isEmpty());

    // The local ring: untouched (also in the keychain, read by a fresh object).
    EXPECT_TRUE(rig.secrets->ring().current().equals(bytes("whsec-rot-1")));
    EXPECT_TRUE(rig.secrets->ring().previous().isEmpty());
    WebhookSecrets reader(rig.h.profile, *rig.settings, rig.clock);
    ASSERT_TRUE(rig.runSecrets([&](auto done) { reader.reload(done); }));
    EXPECT_TRUE(reader.ring().current().equals(bytes("whsec-rot-1")));
    EXPECT_TRUE(reader.ring().previous().isEmpty());

    // The sandbox's side: both subscriptions still sign with the old secret (the first one was
    // put back).
    for (int i = 0; i < 2; ++i) {
        const WebhookLogEntry e = rig.sendTest(i);
        EXPECT_EQ(e.verdict.kind, K::Valid) << i << ": " << e.verdict.message.toStdString();
        EXPECT_EQ(e.verdict.secret, S::Current) << i;
    }
}

TEST(SecretRotation, WhenPuttingBackFailsTooTheOutcomeNamesWhatIsOutOfStep)
{
    RotationRig rig;
    ASSERT_TRUE(rig.start(2));
    auto listed = await<QList<WebhookSubscription>>(
        [&](auto cb) { WebhookSubscriptionClient(*rig.api).list(cb); });
    ASSERT_TRUE(listed && listed->ok());
    const int first = int(rig.ids.indexOf(listed->value().first().id));
    const int last = 1 - first;
    ASSERT_TRUE(rig.injectPatchFailure(last, 1));
    ASSERT_TRUE(rig.injectPatchFailure(first, 1, /*after=*/1)); // its put-back fails

    const SecretRotation::Outcome o = rig.rotate(QByteArray("whsec-rot-2"));
    EXPECT_FALSE(o.ok);
    EXPECT_EQ(o.leftWithNewSecret, QStringList { rig.ids.at(first) });
    EXPECT_TRUE(o.message.contains(rig.ids.at(first))) << o.message.toStdString();
    EXPECT_TRUE(rig.secrets->ring().current().equals(bytes("whsec-rot-1")));
    // The first subscription really signs with the new secret: the ring does not know it.
    const WebhookLogEntry e = rig.sendTest(first);
    EXPECT_EQ(e.verdict.kind, K::NoSecretMatched);
    EXPECT_EQ(e.httpStatus, 401);
}

TEST(SecretRotation, TheSandboxStoppedFailsAtTheListAndChangesNothing)
{
    RotationRig rig;
    ASSERT_TRUE(rig.start(1));
    rig.h.sandbox.stop();
    const SecretRotation::Outcome o = rig.rotate();
    EXPECT_FALSE(o.ok);
    EXPECT_EQ(o.failedCall, QStringLiteral("POST /webhooks/list"));
    EXPECT_TRUE(o.message.contains(QLatin1String("POST /webhooks/list")))
        << o.message.toStdString();
    EXPECT_TRUE(o.message.contains(QLatin1String("Nothing was changed")))
        << o.message.toStdString();
    EXPECT_TRUE(rig.secrets->ring().current().equals(bytes("whsec-rot-1")));
    EXPECT_TRUE(rig.secrets->ring().previous().isEmpty());
}

TEST(SecretRotation, AnEnvironmentWithoutSubscriptionsRotatesLocallyAndSaysSo)
{
    RotationRig rig;
    ASSERT_TRUE(rig.start(0));
    const SecretRotation::Outcome o = rig.rotate(QByteArray("whsec-rot-local"));
    ASSERT_TRUE(o.ok) << o.message.toStdString();
    EXPECT_TRUE(o.patched.isEmpty());
    EXPECT_TRUE(o.message.contains(QLatin1String("no webhook subscription")))
        << o.message.toStdString();
    EXPECT_TRUE(rig.secrets->ring().current().equals(bytes("whsec-rot-local")));
    EXPECT_TRUE(rig.secrets->ring().previous().equals(bytes("whsec-rot-1")));
}

TEST(SecretRotation, NoEnvironmentChangesNothing)
{
    SystemClock clock;
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    WebhookSecrets secrets(QStringLiteral("aerodesk-test-rotation-none"), settings, clock);
    SecretRotation rotation(nullptr, secrets);
    std::optional<SecretRotation::Outcome> out;
    rotation.rotateTo(bytes("whsec-x"), [&](const SecretRotation::Outcome &o) { out = o; });
    ASSERT_TRUE(out.has_value()) << "answered at once";
    EXPECT_FALSE(out->ok);
    EXPECT_TRUE(out->message.contains(QLatin1String("Nothing was changed")));
    EXPECT_FALSE(secrets.isSaving());
}
