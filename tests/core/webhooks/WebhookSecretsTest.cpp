// The session's webhook secret ring (WebhookSecrets) on the real keychain: rotations and new
// secrets keep the previous one and the rotation time, writes asked before the first read wait
// for it, and what is saved is what a fresh read finds.

#include "core/webhooks/WebhookSecrets.h"

#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/FixedClock.h"
#include "core/webhooks/SignatureVerifier.h"
#include "tests/support/Wait.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::webhooks;
using aerodesk::test::waitUntil;

namespace {

class WebhookSecretsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        profile = QStringLiteral("aerodesk-test-secrets-%1")
                      .arg(QString::fromLatin1(crypto::Random::hex(6)));
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat);
    }
    void TearDown() override
    {
        keychain::Keychain kc(profile);
        int pending = 2;
        for (const char *n : { keychain::entries::kWebhookSecretCurrent,
                               keychain::entries::kWebhookSecretPrevious })
            kc.remove(QString::fromLatin1(n), [&](const keychain::KeychainError &) { --pending; });
        waitUntil([&] { return pending == 0; }, 10000);
    }
    /// Runs one operation to its callback.
    template<class Start> keychain::KeychainError run(Start start)
    {
        std::optional<keychain::KeychainError> out;
        start([&](const keychain::KeychainError &e) { out = e; });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 20000));
        return out.value_or(keychain::KeychainError { keychain::KeychainError::Kind::Timeout,
                                                      QStringLiteral("no answer") });
    }
    static crypto::SecureBytes bytes(const char *s)
    {
        return crypto::SecureBytes(QByteArrayView(s));
    }

    FixedClock clock { QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC) };
    QTemporaryDir dir;
    QString profile;
    std::unique_ptr<QSettings> settings;
};

} // namespace

TEST_F(WebhookSecretsTest, RotateAndSetKeepThePreviousSecretAndTheRotationTime)
{
    WebhookSecrets secrets(profile, *settings, clock);
    EXPECT_FALSE(secrets.isLoaded());
    ASSERT_TRUE(run([&](auto done) { secrets.reload(done); }).ok());
    EXPECT_TRUE(secrets.isLoaded()) << "no secret yet counts as read";
    EXPECT_TRUE(secrets.ring().current().isEmpty());

    // A first secret is no rotation.
    ASSERT_TRUE(run([&](auto done) { secrets.setSecret(bytes("whsec-1"), true, done); }).ok());
    EXPECT_TRUE(secrets.ring().current().equals(bytes("whsec-1")));
    EXPECT_TRUE(secrets.ring().previous().isEmpty());
    EXPECT_FALSE(secrets.ring().rotatedAt().isValid());

    // A rotation: a generated secret, the old one previous, the time recorded.
    clock.advanceMs(60 * 1000);
    QSignalSpy changed(&secrets, &WebhookSecrets::changed);
    ASSERT_TRUE(run([&](auto done) { secrets.rotate(done); }).ok());
    EXPECT_EQ(changed.count(), 1);
    const QString generated = secrets.ring().current().toUtf8String();
    EXPECT_TRUE(generated.startsWith(QLatin1String("whsec_")));
    EXPECT_EQ(generated.size(), 6 + 48);
    EXPECT_TRUE(secrets.ring().previous().equals(bytes("whsec-1")));
    EXPECT_EQ(secrets.ring().rotatedAt(), clock.nowUtc());

    // Set with keepPrevious behaves as a rotation; without it the previous secret is dropped.
    clock.advanceMs(60 * 1000);
    ASSERT_TRUE(run([&](auto done) { secrets.setSecret(bytes("whsec-3"), true, done); }).ok());
    EXPECT_EQ(secrets.ring().previous().toUtf8String(), generated);
    EXPECT_EQ(secrets.ring().rotatedAt(), clock.nowUtc());
    const QDateTime rotatedAt = clock.nowUtc();

    // What a fresh reader finds (another object over the same keychain profile and settings).
    WebhookSecrets reader(profile, *settings, clock);
    ASSERT_TRUE(run([&](auto done) { reader.reload(done); }).ok());
    EXPECT_TRUE(reader.ring().current().equals(bytes("whsec-3")));
    EXPECT_EQ(reader.ring().previous().toUtf8String(), generated);
    EXPECT_EQ(reader.ring().rotatedAt(), rotatedAt);

    ASSERT_TRUE(run([&](auto done) { secrets.setSecret(bytes("whsec-4"), false, done); }).ok());
    EXPECT_TRUE(secrets.ring().previous().isEmpty());
    EXPECT_FALSE(secrets.ring().rotatedAt().isValid());
}

TEST_F(WebhookSecretsTest, WritesAskedBeforeTheFirstReadKeepWhatIsAlreadyThereAndRunInOrder)
{
    {
        WebhookSecrets first(profile, *settings, clock);
        ASSERT_TRUE(run([&](auto done) { first.setSecret(bytes("whsec-a"), true, done); }).ok());
    }
    // A new object (e.g. a new session) that has not read anything yet: the write reads first,
    // so "whsec-a" becomes the previous secret instead of being overwritten unseen.
    WebhookSecrets secrets(profile, *settings, clock);
    int done = 0;
    std::vector<int> order;
    QString previousAfterSet;
    secrets.setSecret(bytes("whsec-b"), true, [&](const keychain::KeychainError &e) {
        EXPECT_TRUE(e.ok()) << e.message.toStdString();
        previousAfterSet = secrets.ring().previous().toUtf8String();
        order.push_back(1);
        ++done;
    });
    EXPECT_TRUE(secrets.isSaving());
    secrets.rotate([&](const keychain::KeychainError &e) {
        EXPECT_TRUE(e.ok()) << e.message.toStdString();
        order.push_back(2);
        ++done;
    });
    ASSERT_TRUE(waitUntil([&] { return done == 2; }, 30000));
    EXPECT_EQ(order, (std::vector<int> { 1, 2 }));
    EXPECT_FALSE(secrets.isSaving());
    EXPECT_TRUE(secrets.isLoaded());
    EXPECT_EQ(previousAfterSet, QStringLiteral("whsec-a"))
        << "the set read the ring first and kept the old secret";
    EXPECT_TRUE(secrets.ring().previous().equals(bytes("whsec-b")))
        << "the rotation ran after the set";
    EXPECT_TRUE(secrets.ring().current().toUtf8String().startsWith(QLatin1String("whsec_")));
    WebhookSecrets reader(profile, *settings, clock);
    ASSERT_TRUE(run([&](auto cb) { reader.reload(cb); }).ok());
    EXPECT_TRUE(reader.ring().previous().equals(bytes("whsec-b")));
    EXPECT_TRUE(reader.ring().current().equals(secrets.ring().current()));
}

TEST_F(WebhookSecretsTest, ChangedComesOnceAfterTheWriteWithTheStoredStateVisible)
{
    {
        WebhookSecrets first(profile, *settings, clock);
        ASSERT_TRUE(run([&](auto done) { first.setSecret(bytes("whsec-s1"), true, done); }).ok());
    }
    // Not read yet: the write reads first. Listeners must not hear about that read on its own
    // (it is not what will be stored), and when changed() comes the write is finished: the
    // ring is the new one, nothing is saving any more, and a fresh reader finds it stored.
    WebhookSecrets secrets(profile, *settings, clock);
    struct Seen
    {
        QString current;
        bool saving = true;
        bool loading = true;
    };
    std::vector<Seen> seen;
    QObject::connect(&secrets, &WebhookSecrets::changed, [&] {
        seen.push_back(
            { secrets.ring().current().toUtf8String(), secrets.isSaving(), secrets.isLoading() });
    });
    ASSERT_TRUE(run([&](auto done) { secrets.setSecret(bytes("whsec-s2"), true, done); }).ok());
    ASSERT_EQ(seen.size(), 1u) << "one changed() per operation, none for the read before it";
    EXPECT_EQ(seen[0].current, QStringLiteral("whsec-s2"));
    EXPECT_FALSE(seen[0].saving) << "the write had finished";
    EXPECT_FALSE(seen[0].loading);
    // What the keychain and settings hold, read independently.
    auto reader = std::make_unique<WebhookSecrets>(profile, *settings, clock);
    ASSERT_TRUE(run([&](auto cb) { reader->reload(cb); }).ok());
    EXPECT_EQ(reader->ring().current().toUtf8String(), QStringLiteral("whsec-s2"));
    EXPECT_EQ(reader->ring().previous().toUtf8String(), QStringLiteral("whsec-s1"));
    EXPECT_EQ(reader->ring().currentSince(), clock.nowUtc()) << "when the current secret was set";
}

TEST_F(WebhookSecretsTest, TheRotationPeriodIsASettingOfTheProfile)
{
    WebhookSecrets secrets(profile, *settings, clock);
    EXPECT_EQ(secrets.rotationPeriodDays(), 90) << "the default";
    QSignalSpy changed(&secrets, &WebhookSecrets::rotationPeriodChanged);
    secrets.setRotationPeriodDays(30);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(secrets.rotationPeriodDays(), 30);
    EXPECT_EQ(
        settings->value(QStringLiteral("webhooks/%1/rotationPeriodDays").arg(profile)).toInt(), 30);
    WebhookSecrets other(profile, *settings, clock);
    EXPECT_EQ(other.rotationPeriodDays(), 30);
    WebhookSecrets elsewhere(profile + QStringLiteral("-other"), *settings, clock);
    EXPECT_EQ(elsewhere.rotationPeriodDays(), 90) << "per profile";
}

TEST_F(WebhookSecretsTest, SharedRingIsReplacedOnChangeAndNeverAlteredInPlace)
{
    // The listener and the panel verify off the UI thread with sharedRing() (its HMAC contexts
    // keyed once) instead of a copy per delivery: that is only safe if a change replaces it.
    WebhookSecrets secrets(profile, *settings, clock);
    ASSERT_TRUE(
        run([&](auto done) { secrets.setSecret(bytes("whsec-shared-1"), false, done); }).ok());
    const std::shared_ptr<const SecretRing> first = secrets.sharedRing();
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(secrets.sharedRing(), first) << "the same ring while nothing changes";
    const QByteArray body = R"({"event":"job.balance"})";
    const std::optional<QByteArray> sig1 = SignatureVerifier::sign(body, "whsec-shared-1");
    EXPECT_EQ(SignatureVerifier::verify(body, sig1, *first).kind, WebhookVerdict::Kind::Valid);

    ASSERT_TRUE(
        run([&](auto done) { secrets.setSecret(bytes("whsec-shared-2"), false, done); }).ok());
    const std::shared_ptr<const SecretRing> second = secrets.sharedRing();
    EXPECT_NE(second, first) << "a change publishes a new ring";
    const std::optional<QByteArray> sig2 = SignatureVerifier::sign(body, "whsec-shared-2");
    EXPECT_EQ(SignatureVerifier::verify(body, sig2, *second).kind, WebhookVerdict::Kind::Valid);
    EXPECT_EQ(SignatureVerifier::verify(body, sig1, *second).kind,
              WebhookVerdict::Kind::NoSecretMatched);
    // A verification still holding the old ring finishes with what it started with.
    EXPECT_TRUE(first->current().equals(bytes("whsec-shared-1")));
    EXPECT_EQ(SignatureVerifier::verify(body, sig1, *first).kind, WebhookVerdict::Kind::Valid);
}
