// The embedded-banking flow as the console runs it, against the real sandbox over HTTPS with
// the real keychain: keys fetched into the keychain, a connect event decrypted and answered
// (204), the userCode kept in the keychain, a silent-auth event answered with the encrypted
// {attemptId, userCode} (204), and the provider's refusals surfaced with their codes. The
// sandbox's logout flow, automatic disconnect and per-user state through EmulatorEventSource.

#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/embedded/RetUrlClient.h"
#include "core/store/UserCodeVault.h"
#include "core/util/Clock.h"
#include "tests/core/api/ClientHarness.h"

using namespace aerodesk;
using namespace aerodesk::embedded;
using aerodesk::test::await;
using aerodesk::test::waitUntil;

namespace {

class EmbeddedSandbox : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.start());
        client = h.makeClient(clock);
        keys = std::make_unique<EmbeddedKeyStore>(*h.keychain);
        events = std::make_unique<EmulatorEventSource>(*client);
        retUrls = std::make_unique<RetUrlClient>(
            client->transport(), RetUrlAllowList::forEnvironment(client->environment()));
        QString error = QStringLiteral("pending");
        events->installSandboxKeys(*keys, [&](const QString &e) { error = e; });
        ASSERT_TRUE(waitUntil([&] { return error != QLatin1String("pending"); }, 30000));
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
        partnerKey = load<crypto::RsaPrivateKey>([&](auto cb) { keys->loadPartnerKey(cb); });
        providerKey = load<crypto::RsaPublicKey>([&](auto cb) { keys->loadProviderKey(cb); });
        ASSERT_FALSE(partnerKey.isNull());
        ASSERT_FALSE(providerKey.isNull());
    }
    void TearDown() override
    {
        if (!h.keychain)
            return;
        int pending = 3;
        for (const char *name : { EmbeddedKeyStore::kPartnerPrivateKey,
                                  EmbeddedKeyStore::kProviderPublicKey, "userCode.alice" })
            h.keychain->remove(QString::fromLatin1(name),
                               [&](const keychain::KeychainError &) { --pending; });
        waitUntil([&] { return pending == 0; }, 10000);
    }

    template<class T, class Start> T load(Start start)
    {
        std::optional<Result<T, QString>> out;
        start([&](Result<T, QString> r) { out.emplace(std::move(r)); });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 20000));
        if (!out || !out->ok()) {
            ADD_FAILURE() << (out ? out->error().toStdString() : std::string("no answer"));
            return T {};
        }
        return out->value();
    }

    Result<EventPayload, PayloadError> event(bool connect, const QString &user)
    {
        auto sample = await<EmulatorEventSource::SampleEvent>([&](auto cb) {
            connect ? events->connectEvent(user, cb) : events->authEvent(user, cb);
        });
        if (!sample || !sample->ok())
            return PayloadError::make(
                PayloadErrc::Empty, sample ? sample->error().message : QStringLiteral("no answer"));
        EXPECT_EQ(sample->value().user, user);
        return PayloadDecryptor::decrypt(partnerKey, sample->value().payloadHex);
    }

    /// Runs one EmulatorEventSource control call; "" or its error text.
    QString control(const std::function<void(EmulatorEventSource::Done)> &start)
    {
        std::optional<QString> error;
        start([&](const QString &e) { error = e; });
        EXPECT_TRUE(waitUntil([&] { return error.has_value(); }, 20000));
        return error.value_or(QStringLiteral("no answer"));
    }

    /// The sandbox's row for `user` (GET /sandbox/eb/state through EmulatorEventSource).
    QJsonObject sandboxUser(const QString &user)
    {
        auto state = await<QJsonObject>([&](auto cb) { events->state(cb); });
        EXPECT_TRUE(state && state->ok());
        if (!state || !state->ok())
            return {};
        EXPECT_TRUE(state->value().value(QStringLiteral("users")).isArray());
        return EmulatorEventSource::sandboxUserState(state->value(), user);
    }

    /// A connect for `user` answered OK; its userCode.
    crypto::SecureBytes connectUser(const QString &user)
    {
        auto connect = event(true, user);
        EXPECT_TRUE(connect.ok());
        if (!connect.ok())
            return {};
        auto ok = answer(connect->retUrl(), RetUrlReply::connect());
        EXPECT_TRUE(ok && ok->ok());
        return connect->userCode().clone();
    }

    std::optional<Result<api::HttpResponse, api::ApiError>> answer(const QUrl &url,
                                                                   const RetUrlReply &reply)
    {
        return await<api::HttpResponse>([&](auto cb) { retUrls->answer(url, reply, cb); });
    }

    test::ClientHarness h;
    SystemClock clock;
    std::unique_ptr<api::ApiClient> client;
    std::unique_ptr<EmbeddedKeyStore> keys;
    std::unique_ptr<EmulatorEventSource> events;
    std::unique_ptr<RetUrlClient> retUrls;
    crypto::RsaPrivateKey partnerKey;
    crypto::RsaPublicKey providerKey;
};

} // namespace

TEST_F(EmbeddedSandbox, ConnectThenSilentAuthEachGet204)
{
    auto connect = event(true, QStringLiteral("alice"));
    ASSERT_TRUE(connect.ok()) << connect.error().message.toStdString();
    ASSERT_EQ(connect->kind(), EventPayload::Kind::Connect);
    EXPECT_EQ(connect->userCode().size(), 32u);
    EXPECT_EQ(connect->retUrl().host(), h.sandbox.endpoint().baseUrl.host());

    // The userCode goes to the keychain only, before the connect is answered.
    store::UserCodeVault vault(*h.keychain);
    std::optional<keychain::KeychainError> saved;
    vault.save(QStringLiteral("alice"), connect->userCode(),
               [&](const keychain::KeychainError &e) { saved = e; });
    ASSERT_TRUE(waitUntil([&] { return saved.has_value(); }, 20000));
    ASSERT_TRUE(saved->ok()) << saved->message.toStdString();

    auto ok = answer(connect->retUrl(), RetUrlReply::connect());
    ASSERT_TRUE(ok && ok->ok()) << (ok ? ok->error().message.toStdString() : "no answer");
    EXPECT_EQ(ok->value().status, 204);

    auto auth = event(false, QStringLiteral("alice"));
    ASSERT_TRUE(auth.ok()) << auth.error().message.toStdString();
    ASSERT_EQ(auth->kind(), EventPayload::Kind::SilentAuth);
    EXPECT_EQ(auth->attemptId().size(), 32);
    EXPECT_TRUE(auth->retUrl().path().endsWith(auth->attemptId()));

    std::optional<crypto::SecureBytes> code;
    vault.load(QStringLiteral("alice"),
               [&](const keychain::KeychainError &e, crypto::SecureBytes c) {
                   EXPECT_TRUE(e.ok()) << e.message.toStdString();
                   code = std::move(c);
               });
    ASSERT_TRUE(waitUntil([&] { return code.has_value(); }, 20000));
    auto reply = RetUrlReply::silentAuth(providerKey, auth->attemptId(), *code);
    ASSERT_TRUE(reply.ok()) << reply.error().message.toStdString();
    auto done = answer(auth->retUrl(), reply.value());
    ASSERT_TRUE(done && done->ok()) << (done ? done->error().message.toStdString() : "no answer");
    EXPECT_EQ(done->value().status, 204);

    // Single use: the same answer again is refused with the provider's code.
    auto again = answer(auth->retUrl(), reply.value());
    ASSERT_TRUE(again && !again->ok());
    EXPECT_EQ(again->error().code, QStringLiteral("EB-409-ATTEMPT-CLOSED"));
    EXPECT_EQ(again->error().httpStatus, 409);
}

TEST_F(EmbeddedSandbox, WrongUserCodeIsRefusedWithItsCode)
{
    auto connect = event(true, QStringLiteral("bob"));
    ASSERT_TRUE(connect.ok());
    ASSERT_TRUE(answer(connect->retUrl(), RetUrlReply::connect())->ok());
    auto auth = event(false, QStringLiteral("bob"));
    ASSERT_TRUE(auth.ok());
    auto reply = RetUrlReply::silentAuth(
        providerKey, auth->attemptId(),
        crypto::SecureBytes(QByteArrayView("00000000000000000000000000000000")));
    ASSERT_TRUE(reply.ok());
    auto r = answer(auth->retUrl(), reply.value());
    ASSERT_TRUE(r && !r->ok());
    EXPECT_EQ(r->error().httpStatus, 403);
    EXPECT_EQ(r->error().code, QStringLiteral("EB-403-USERCODE"));
    EXPECT_FALSE(r->error().message.isEmpty());
}

TEST_F(EmbeddedSandbox, DeclinedConnectIsRecordedAsAnError)
{
    auto connect = event(true, QStringLiteral("carol"));
    ASSERT_TRUE(connect.ok());
    auto r =
        answer(connect->retUrl(),
               RetUrlReply::connect(QStringLiteral("DECLINED"), QStringLiteral("user cancelled")));
    ASSERT_TRUE(r && !r->ok());
    EXPECT_EQ(r->error().code, QStringLiteral("EB-400-STATUS"));
}

TEST_F(EmbeddedSandbox, LogoutRemovesEverySandboxArtifactOfTheUser)
{
    const crypto::SecureBytes code = connectUser(QStringLiteral("dave"));
    auto auth = event(false, QStringLiteral("dave"));
    ASSERT_TRUE(auth.ok());
    const QJsonObject before = sandboxUser(QStringLiteral("dave"));
    EXPECT_TRUE(before.value(QStringLiteral("hasUserCode")).toBool());
    EXPECT_EQ(before.value(QStringLiteral("openAttempts")).toInt(-1), 1);

    EXPECT_EQ(control([&](auto cb) { events->logout(QStringLiteral("dave"), cb); }), QString());

    const QJsonObject after = sandboxUser(QStringLiteral("dave"));
    EXPECT_EQ(after.value(QStringLiteral("state")).toString(), QStringLiteral("logged-out"));
    EXPECT_FALSE(after.value(QStringLiteral("hasUserCode")).toBool(true));
    EXPECT_EQ(after.value(QStringLiteral("openAttempts")).toInt(-1), 0);
    EXPECT_EQ(after.value(QStringLiteral("openConnects")).toInt(-1), 0);

    // The attempt issued before the logout is closed with the provider's reason.
    auto r = answer(auth->retUrl(),
                    RetUrlReply::silentAuth(providerKey, auth->attemptId(), code).value());
    ASSERT_TRUE(r && !r->ok());
    EXPECT_EQ(r->error().httpStatus, 410);
    EXPECT_EQ(r->error().code, QStringLiteral("EB-410-LOGGED-OUT"));
    EXPECT_TRUE(r->error().info.nextStep.contains(QLatin1String("must connect again")));
    // And no new silent authentication until the user connects again.
    auto refused = await<EmulatorEventSource::SampleEvent>(
        [&](auto cb) { events->authEvent(QStringLiteral("dave"), cb); });
    ASSERT_TRUE(refused && !refused->ok());
    EXPECT_EQ(refused->error().code, QStringLiteral("EB-409-NOT-CONNECTED"));
}

TEST_F(EmbeddedSandbox, LogoutNeedsAKnownUser)
{
    const QString unknown = control([&](auto cb) { events->logout(QStringLiteral("nobody"), cb); });
    EXPECT_TRUE(unknown.endsWith(QLatin1String("[EB-404-USER]"))) << unknown.toStdString();
    const QString missing = control([&](auto cb) { events->logout(QString(), cb); });
    EXPECT_TRUE(missing.endsWith(QLatin1String("[EB-400-FIELDS]"))) << missing.toStdString();
    EXPECT_TRUE(sandboxUser(QStringLiteral("nobody")).isEmpty());
}

TEST_F(EmbeddedSandbox, ExpiredUserCodeGets410)
{
    const crypto::SecureBytes code = connectUser(QStringLiteral("erin"));
    EXPECT_EQ(control([&](auto cb) { events->expire(QStringLiteral("erin"), cb); }), QString());
    EXPECT_EQ(sandboxUser(QStringLiteral("erin")).value(QStringLiteral("state")).toString(),
              QStringLiteral("expired"));
    auto auth = event(false, QStringLiteral("erin"));
    ASSERT_TRUE(auth.ok());
    auto r = answer(auth->retUrl(),
                    RetUrlReply::silentAuth(providerKey, auth->attemptId(), code).value());
    ASSERT_TRUE(r && !r->ok());
    EXPECT_EQ(r->error().httpStatus, 410);
    EXPECT_EQ(r->error().code, QStringLiteral("EB-410-EXPIRED"));
}

TEST_F(EmbeddedSandbox, IdleTimeoutExpiresTheUserAndItsCodeGets410)
{
    const QString bad = control([&](auto cb) { events->setIdleTimeout(0, cb); });
    EXPECT_TRUE(bad.endsWith(QLatin1String("[EB-400-FIELDS]"))) << bad.toStdString();
    const crypto::SecureBytes code = connectUser(QStringLiteral("gus"));
    auto auth = event(false, QStringLiteral("gus"));
    ASSERT_TRUE(auth.ok());
    EXPECT_EQ(sandboxUser(QStringLiteral("gus")).value(QStringLiteral("state")).toString(),
              QStringLiteral("connected"));
    EXPECT_EQ(control([&](auto cb) { events->setIdleTimeout(200, cb); }), QString());
    ASSERT_TRUE(waitUntil(
        [&] {
            return sandboxUser(QStringLiteral("gus")).value(QStringLiteral("state")).toString() ==
                QLatin1String("expired");
        },
        10000));
    auto r = answer(auth->retUrl(),
                    RetUrlReply::silentAuth(providerKey, auth->attemptId(), code).value());
    ASSERT_TRUE(r && !r->ok());
    EXPECT_EQ(r->error().httpStatus, 410);
    EXPECT_EQ(r->error().code, QStringLiteral("EB-410-EXPIRED"));
}

TEST_F(EmbeddedSandbox, ARetUrlOffTheRulesIsNotContacted)
{
    auto r = answer(QUrl(QStringLiteral("http://example.com/ret")), RetUrlReply::connect());
    ASSERT_TRUE(r && !r->ok());
    EXPECT_EQ(r->error().httpStatus, 0);
    EXPECT_TRUE(r->error().message.contains(QLatin1String("https")))
        << r->error().message.toStdString();
}

TEST_F(EmbeddedSandbox, ImportRefusesAKeyThatIsNotOne)
{
    QString error = QStringLiteral("pending");
    keys->importPartnerKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", {},
                           [&](const QString &e) { error = e; });
    ASSERT_TRUE(waitUntil([&] { return error != QLatin1String("pending"); }, 10000));
    EXPECT_TRUE(error.contains(QLatin1String("not a usable partner private key")))
        << error.toStdString();
    // The key stored before is untouched.
    auto still = load<crypto::RsaPrivateKey>([&](auto cb) { keys->loadPartnerKey(cb); });
    EXPECT_EQ(still.publicKey().fingerprintSha256(), partnerKey.publicKey().fingerprintSha256());
}
