// The embedded-banking rules (EmbeddedWorkflow) against the real sandbox over HTTPS and the real
// keychain: each partner user's silent authentication carries that user's code and no other
// (the sandbox decrypts the reply and checks it), a user without a code cannot get OK but can
// get a status, the provider's 410 removes the stored code at once, logout removes every
// artifact in the keychain and in the sandbox, and a retUrl off the allow-list is never
// contacted.

#include "core/embedded/EmbeddedWorkflow.h"

#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/embedded/ReplyStatus.h"
#include "core/embedded/RetUrlClient.h"
#include "core/store/UserCodeVault.h"
#include "core/util/Clock.h"
#include "tests/core/api/ClientHarness.h"

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>

using namespace aerodesk;
using namespace aerodesk::embedded;
using aerodesk::test::await;
using aerodesk::test::waitUntil;

namespace {

class EmbeddedWorkflowTest : public ::testing::Test
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
        users = std::make_unique<PartnerUserDirectory>(*h.keychain);
        workflow =
            std::make_unique<EmbeddedWorkflow>(*h.keychain, *keys, *retUrls, *users, events.get());
        QString error = QStringLiteral("pending");
        events->installSandboxKeys(*keys, [&](const QString &e) { error = e; });
        ASSERT_TRUE(waitUntil([&] { return error != QLatin1String("pending"); }, 30000));
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
        std::optional<Result<crypto::RsaPrivateKey, QString>> key;
        keys->loadPartnerKey([&](Result<crypto::RsaPrivateKey, QString> k) { key.emplace(k); });
        ASSERT_TRUE(waitUntil([&] { return key.has_value(); }, 20000));
        ASSERT_TRUE(key->ok());
        partnerKey = key->value();
        bool loaded = false;
        users->load([&](const keychain::KeychainError &) { loaded = true; });
        ASSERT_TRUE(waitUntil([&] { return loaded; }, 20000));
        ASSERT_TRUE(users->isLoaded()) << users->loadError().toStdString();
    }
    void TearDown() override
    {
        if (!h.keychain)
            return;
        QStringList names { QString::fromLatin1(keychain::entries::kPartnerUsers),
                            QString::fromLatin1(keychain::entries::kPartnerPrivateKey),
                            QString::fromLatin1(keychain::entries::kProviderPublicKey) };
        for (const char *u : { "alice", "bob", "carol", "dave", "erin" })
            names << store::UserCodeVault::keyName(QString::fromLatin1(u));
        int pending = int(names.size());
        for (const QString &name : names)
            h.keychain->remove(name, [&](const keychain::KeychainError &) { --pending; });
        waitUntil([&] { return pending == 0; }, 10000);
    }

    /// A sandbox event for `user`, decrypted and received for `as` (default: the same user).
    int receive(bool connect, const QString &user, const QString &as = {})
    {
        auto sample = await<EmulatorEventSource::SampleEvent>([&](auto cb) {
            connect ? events->connectEvent(user, cb) : events->authEvent(user, cb);
        });
        EXPECT_TRUE(sample && sample->ok())
            << (sample ? sample->error().message.toStdString() : "no answer");
        if (!sample || !sample->ok())
            return 0;
        auto payload = PayloadDecryptor::decrypt(partnerKey, sample->value().payloadHex);
        EXPECT_TRUE(payload.ok());
        if (!payload)
            return 0;
        auto id = workflow->receive(as.isEmpty() ? user : as, std::move(payload).value());
        EXPECT_TRUE(id.ok()) << (id ? "" : id.error().toStdString());
        return id ? id.value() : 0;
    }

    EventOutcome run(const std::function<void(EmbeddedWorkflow::Done)> &start)
    {
        std::optional<EventOutcome> out;
        start([&](const EventOutcome &o) { out = o; });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 30000)) << "no outcome";
        return out.value_or(EventOutcome {});
    }
    EventOutcome ok(int id, bool confirmed = false)
    {
        return run([&](auto done) { workflow->answerOk(id, confirmed, done); });
    }
    EventOutcome connect(const QString &user) { return ok(receive(true, user)); }

    QJsonObject sandboxState()
    {
        std::optional<Result<QJsonObject, api::ApiError>> out;
        events->state([&](Result<QJsonObject, api::ApiError> r) { out.emplace(std::move(r)); });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 20000));
        EXPECT_TRUE(out && out->ok());
        return out && out->ok() ? out->value() : QJsonObject {};
    }
    QJsonObject sandboxUser(const QString &user)
    {
        for (const QJsonValue &row : sandboxState().value(QLatin1String("users")).toArray()) {
            if (row.toObject().value(QLatin1String("user")).toString() == user)
                return row.toObject();
        }
        return {};
    }

    keychain::KeychainError::Kind storedCode(const QString &user)
    {
        std::optional<keychain::KeychainError> out;
        store::UserCodeVault(*h.keychain)
            .load(user, [&](const keychain::KeychainError &e, crypto::SecureBytes) { out = e; });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 20000));
        return out ? out->kind : keychain::KeychainError::Kind::Timeout;
    }
    /// `secret-tool lookup` for the user's code: 0 found, 1 not.
    int secretTool(const QString &user)
    {
        QProcess p;
        p.start(QStandardPaths::findExecutable(QStringLiteral("secret-tool")),
                { QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("AeroDesk"),
                  QStringLiteral("user"),
                  h.keychain->qualifiedKey(store::UserCodeVault::keyName(user)) });
        if (!p.waitForFinished(15000)) {
            p.kill();
            return -1;
        }
        return p.exitCode();
    }

    test::ClientHarness h;
    SystemClock clock;
    std::unique_ptr<api::ApiClient> client;
    std::unique_ptr<EmbeddedKeyStore> keys;
    std::unique_ptr<EmulatorEventSource> events;
    std::unique_ptr<RetUrlClient> retUrls;
    std::unique_ptr<PartnerUserDirectory> users;
    std::unique_ptr<EmbeddedWorkflow> workflow;
    crypto::RsaPrivateKey partnerKey;
};

} // namespace

TEST_F(EmbeddedWorkflowTest, SilentAuthForBCarriesBsCodeNeverAs)
{
    const EventOutcome a = connect(QStringLiteral("alice"));
    ASSERT_TRUE(a.ok()) << a.message.toStdString();
    EXPECT_TRUE(a.codeStored);
    EXPECT_EQ(a.statusSent, QStringLiteral("OK"));
    EXPECT_EQ(a.httpStatus, 204);
    ASSERT_TRUE(connect(QStringLiteral("bob")).ok());
    ASSERT_EQ(users->find(QStringLiteral("alice"))->state, PartnerUser::State::Connected);
    ASSERT_EQ(users->find(QStringLiteral("bob"))->state, PartnerUser::State::Connected);

    // The sandbox decrypts the reply and compares the code with the one it issued to bob:
    // alice's code would be refused with 403 EB-403-USERCODE.
    const EventOutcome b = ok(receive(false, QStringLiteral("bob")));
    ASSERT_TRUE(b.ok()) << b.message.toStdString() << " " << b.code.toStdString();
    EXPECT_EQ(b.httpStatus, 204);
    EXPECT_EQ(sandboxUser(QStringLiteral("bob")).value(QLatin1String("state")).toString(),
              QStringLiteral("authenticated"));
    EXPECT_EQ(sandboxUser(QStringLiteral("alice")).value(QLatin1String("state")).toString(),
              QStringLiteral("connected"));
    EXPECT_TRUE(users->find(QStringLiteral("bob"))->lastSilentAuth.isValid());
    EXPECT_FALSE(users->find(QStringLiteral("alice"))->lastSilentAuth.isValid());

    // bob's attempt handled as alice's: alice's code goes out, and the sandbox refuses it —
    // the workflow sends the NAMED user's code, so naming the user is what matters.
    const EventOutcome crossed = ok(receive(false, QStringLiteral("bob"), QStringLiteral("alice")));
    EXPECT_FALSE(crossed.ok());
    EXPECT_EQ(crossed.code, QStringLiteral("EB-403-USERCODE")) << crossed.message.toStdString();
}

TEST_F(EmbeddedWorkflowTest, NoCodeMeansNoOkButAStatusCanBeSent)
{
    // carol connected in the sandbox, but her connect was answered by someone else: AeroDesk has
    // no code for her.
    const int connectId = receive(true, QStringLiteral("carol"));
    const EventOutcome refused = run([&](auto done) {
        workflow->answerNotOk(connectId, QStringLiteral("SESSION_EXPIRED"), QStringLiteral("test"),
                              done);
    });
    EXPECT_TRUE(refused.ok()) << refused.message.toStdString();
    EXPECT_EQ(refused.code, QStringLiteral("EB-400-STATUS"));
    EXPECT_FALSE(refused.codeStored);
    EXPECT_EQ(storedCode(QStringLiteral("carol")), keychain::KeychainError::Kind::NotFound);

    ASSERT_TRUE(connect(QStringLiteral("dave")).ok());
    const int authId = receive(false, QStringLiteral("dave"), QStringLiteral("carol"));
    const EventOutcome noCode = ok(authId);
    EXPECT_EQ(noCode.result, EventOutcome::Result::NotSent);
    EXPECT_TRUE(noCode.canSendNotOk);
    EXPECT_EQ(noCode.suggestedStatus, QStringLiteral("USER_NOT_AUTHENTICATED"));
    EXPECT_TRUE(noCode.statusSent.isEmpty());
    ASSERT_TRUE(workflow->pending(authId).has_value()) << "a refused OK keeps the event";

    const EventOutcome status = run([&](auto done) {
        workflow->answerNotOk(authId, QStringLiteral("USER_NOT_AUTHENTICATED"), {}, done);
    });
    EXPECT_TRUE(status.ok()) << status.message.toStdString();
    EXPECT_EQ(status.statusSent, QStringLiteral("USER_NOT_AUTHENTICATED"));
    EXPECT_FALSE(workflow->pending(authId).has_value());
    // The sandbox recorded the refused attempt with our status.
    bool recorded = false;
    for (const QJsonValue &row : sandboxState().value(QLatin1String("log")).toArray()) {
        const QJsonObject r = row.toObject();
        recorded |= r.value(QLatin1String("kind")).toString() == QLatin1String("auth-answer") &&
            r.value(QLatin1String("outcome")).toString() == QLatin1String("refused") &&
            r.value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("USER_NOT_AUTHENTICATED"));
    }
    EXPECT_TRUE(recorded);

    // A custom value is checked before anything is sent.
    const int another = receive(false, QStringLiteral("dave"));
    const EventOutcome bad =
        run([&](auto done) { workflow->answerNotOk(another, QStringLiteral("OK"), {}, done); });
    EXPECT_EQ(bad.result, EventOutcome::Result::NotSent);
    EXPECT_TRUE(workflow->pending(another).has_value());
}

TEST_F(EmbeddedWorkflowTest, ASecondConnectNeedsConfirmation)
{
    ASSERT_TRUE(connect(QStringLiteral("alice")).ok());
    const int again = receive(true, QStringLiteral("alice"));
    const EventOutcome ask = ok(again);
    EXPECT_EQ(ask.result, EventOutcome::Result::NeedsConfirmation);
    EXPECT_TRUE(ask.statusSent.isEmpty());
    const EventOutcome replaced = ok(again, true);
    EXPECT_TRUE(replaced.ok()) << replaced.message.toStdString();
    // The new code is the one the sandbox knows: silent auth works with it.
    EXPECT_TRUE(ok(receive(false, QStringLiteral("alice"))).ok());
}

TEST_F(EmbeddedWorkflowTest, The410RemovesTheStoredCodeAtOnce)
{
    ASSERT_TRUE(connect(QStringLiteral("erin")).ok());
    ASSERT_EQ(storedCode(QStringLiteral("erin")), keychain::KeychainError::Kind::None);
    ASSERT_EQ(secretTool(QStringLiteral("erin")), 0);
    QString error = QStringLiteral("pending");
    events->expire(QStringLiteral("erin"), [&](const QString &e) { error = e; });
    ASSERT_TRUE(waitUntil([&] { return error != QLatin1String("pending"); }, 20000));
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();

    const EventOutcome gone = ok(receive(false, QStringLiteral("erin")));
    EXPECT_EQ(gone.result, EventOutcome::Result::ProviderRefused);
    EXPECT_EQ(gone.httpStatus, 410);
    EXPECT_EQ(gone.code, QStringLiteral("EB-410-EXPIRED"));
    EXPECT_TRUE(gone.codeRemoved);
    EXPECT_TRUE(gone.message.contains(QLatin1String("connect again")))
        << gone.message.toStdString();
    EXPECT_EQ(users->find(QStringLiteral("erin"))->state, PartnerUser::State::Invalid);
    EXPECT_EQ(storedCode(QStringLiteral("erin")), keychain::KeychainError::Kind::NotFound);
    EXPECT_EQ(secretTool(QStringLiteral("erin")), 1) << "secret-tool still finds the code";

    // Now OK cannot be sent for erin; connecting again makes her usable.
    EXPECT_EQ(ok(receive(false, QStringLiteral("erin"))).result, EventOutcome::Result::NotSent);
    ASSERT_TRUE(connect(QStringLiteral("erin")).ok());
    EXPECT_TRUE(ok(receive(false, QStringLiteral("erin"))).ok());
}

TEST_F(EmbeddedWorkflowTest, LogoutRemovesEveryArtifactHereAndInTheSandbox)
{
    ASSERT_TRUE(connect(QStringLiteral("dave")).ok());
    ASSERT_TRUE(connect(QStringLiteral("alice")).ok());
    const int open = receive(false, QStringLiteral("dave"));
    ASSERT_EQ(workflow->pendingFor(QStringLiteral("dave")).size(), 1);
    ASSERT_EQ(sandboxUser(QStringLiteral("dave")).value(QLatin1String("openAttempts")).toInt(), 1);

    const EventOutcome out =
        run([&](auto done) { workflow->logout(QStringLiteral("dave"), done); });
    EXPECT_TRUE(out.ok()) << out.message.toStdString();
    EXPECT_TRUE(out.codeRemoved);
    EXPECT_TRUE(workflow->pendingFor(QStringLiteral("dave")).isEmpty());
    EXPECT_FALSE(workflow->pending(open).has_value());
    EXPECT_EQ(users->find(QStringLiteral("dave"))->state, PartnerUser::State::LoggedOut);
    EXPECT_EQ(storedCode(QStringLiteral("dave")), keychain::KeychainError::Kind::NotFound);
    EXPECT_EQ(secretTool(QStringLiteral("dave")), 1);
    const QJsonObject there = sandboxUser(QStringLiteral("dave"));
    EXPECT_EQ(there.value(QLatin1String("state")).toString(), QStringLiteral("logged-out"));
    EXPECT_FALSE(there.value(QLatin1String("hasUserCode")).toBool(true));
    EXPECT_EQ(there.value(QLatin1String("openAttempts")).toInt(-1), 0);
    EXPECT_EQ(there.value(QLatin1String("openConnects")).toInt(-1), 0);
    // alice is untouched.
    EXPECT_EQ(storedCode(QStringLiteral("alice")), keychain::KeychainError::Kind::None);
    EXPECT_EQ(users->find(QStringLiteral("alice"))->state, PartnerUser::State::Connected);

    // The list survives a restart of the console: a fresh directory reads it back.
    PartnerUserDirectory reread(*h.keychain);
    bool loaded = false;
    reread.load([&](const keychain::KeychainError &) { loaded = true; });
    ASSERT_TRUE(waitUntil([&] { return loaded; }, 20000));
    ASSERT_TRUE(reread.find(QStringLiteral("dave")).has_value());
    EXPECT_EQ(reread.find(QStringLiteral("dave"))->state, PartnerUser::State::LoggedOut);
    EXPECT_EQ(reread.find(QStringLiteral("alice"))->state, PartnerUser::State::Connected);
}

TEST_F(EmbeddedWorkflowTest, ARetUrlOffTheAllowListIsNeverContacted)
{
    // A listener on loopback that is not the sandbox's origin: it must see no connection.
    QTcpServer elsewhere;
    ASSERT_TRUE(elsewhere.listen(QHostAddress::LocalHost));
    int contacted = 0;
    QObject::connect(&elsewhere, &QTcpServer::newConnection, [&] { ++contacted; });
    const QUrl url(
        QStringLiteral("https://127.0.0.1:%1/eb/ret/connect/abc").arg(elsewhere.serverPort()));
    ASSERT_TRUE(retUrls->refusal(url).has_value());

    std::optional<Result<api::HttpResponse, api::ApiError>> r;
    retUrls->answer(url, RetUrlReply::connect(),
                    [&](Result<api::HttpResponse, api::ApiError> x) { r.emplace(std::move(x)); });
    ASSERT_TRUE(waitUntil([&] { return r.has_value(); }, 10000));
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error().code, QString::fromLatin1(RetUrlClient::kRefusedCode));
    EXPECT_EQ(r->error().httpStatus, 0);
    EXPECT_TRUE(r->error().message.contains(QLatin1String("allow-list")))
        << r->error().message.toStdString();
    waitUntil([&] { return contacted > 0; }, 500);
    EXPECT_EQ(contacted, 0);

    // Production allows only what Settings lists; none by default.
    api::Environment production = api::Environment::production(QStringLiteral("p"));
    EXPECT_TRUE(RetUrlAllowList::forEnvironment(production).isEmpty());
    production.retUrlOrigins = { QStringLiteral("https://eb.provider.example") };
    const RetUrlAllowList listed = RetUrlAllowList::forEnvironment(production);
    EXPECT_FALSE(listed.refusal(QUrl(QStringLiteral("https://EB.provider.example/ret/1"))));
    EXPECT_TRUE(listed.refusal(QUrl(QStringLiteral("https://eb.provider.example:8443/ret/1"))));
    EXPECT_TRUE(listed.refusal(QUrl(QStringLiteral("http://eb.provider.example/ret/1"))));
}

TEST_F(EmbeddedWorkflowTest, AnEventNeedsANamedUser)
{
    auto sample = await<EmulatorEventSource::SampleEvent>(
        [&](auto cb) { events->connectEvent(QStringLiteral("alice"), cb); });
    ASSERT_TRUE(sample && sample->ok());
    for (const QString &bad : { QString(), QStringLiteral("  "), QStringLiteral("a/b") }) {
        auto payload = PayloadDecryptor::decrypt(partnerKey, sample->value().payloadHex);
        ASSERT_TRUE(payload.ok());
        EXPECT_FALSE(workflow->receive(bad, std::move(payload).value()).ok()) << bad.toStdString();
    }
}
