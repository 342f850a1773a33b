// emulatorhost::BuiltInEnvironment, the bring-up the console, the CLI and the self-test share:
// the real bin/aerodesk-sandbox as a child, its credentials in the real Secret Service
// (scripts/run-headless.sh gives each run a private D-Bus session and an unlocked keyring),
// and the pinned environment it builds used by the real ApiClient.
#include "core/emulatorhost/BuiltInEnvironment.h"

#include "core/api/ApiClient.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/Clock.h"
#include "tests/support/MemoryScan.h"
#include "tests/support/TestPaths.h"
#include "tests/support/Wait.h"

#include <QCoreApplication>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk::emulatorhost; // BuiltInEnvironment, EmulatorEndpoint
using namespace aerodesk::keychain; // Keychain, KeychainError, entries::
using aerodesk::api::Environment;
using aerodesk::test::waitUntil;

namespace {

QString sandboxExecutable()
{
    return aerodesk::test::executable(QStringLiteral("aerodesk-sandbox"));
}

/// A throwaway profile, so the test never touches the user's "Built-in sandbox" entries.
QString uniqueProfile()
{
    return QStringLiteral("test-builtin-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::optional<QString> readSecret(Keychain &kc, const char *name)
{
    std::optional<std::optional<QString>> result;
    kc.read(QString::fromLatin1(name),
            [&](const KeychainError &e, aerodesk::crypto::SecureBytes v) {
                result = e.ok() ? std::optional<QString>(v.toUtf8String()) : std::nullopt;
            });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 20000)) << "read never finished";
    return result.value_or(std::nullopt);
}

void removeSecrets(Keychain &kc)
{
    int pending = 2;
    for (const char *name : { entries::kApiKey, entries::kApiSecret })
        kc.remove(QString::fromLatin1(name), [&](const KeychainError &) { --pending; });
    waitUntil([&] { return pending == 0; }, 20000);
}

struct Outcome
{
    std::optional<EmulatorEndpoint> launched;
    std::optional<Environment> ready;
    std::optional<BuiltInEnvironment::Failure> failed;
    bool launchedBeforeReady = false;
};

void observe(BuiltInEnvironment &env, Outcome &out)
{
    QObject::connect(&env, &BuiltInEnvironment::launched,
                     [&out](const EmulatorEndpoint &e) { out.launched = e; });
    QObject::connect(&env, &BuiltInEnvironment::ready, [&out](const Environment &e) {
        out.launchedBeforeReady = out.launched.has_value();
        out.ready = e;
    });
    QObject::connect(&env, &BuiltInEnvironment::failed,
                     [&out](const BuiltInEnvironment::Failure &f) { out.failed = f; });
}

} // namespace

TEST(BuiltInEnvironment, StartsThePinnedSandboxStoresItsCredentialsAndBuildsAWorkingEnvironment)
{
    Keychain keychain(uniqueProfile());
    Outcome out;
    qint64 pid = 0;
    {
        BuiltInEnvironment builtIn(keychain, sandboxExecutable(),
                                   { QStringLiteral("--seed"), QStringLiteral("7"),
                                     QStringLiteral("--time-scale"), QStringLiteral("0.05") });
        observe(builtIn, out);
        builtIn.setConfigurationId(QStringLiteral("brand-builtin")); // Settings' built-in profile
        builtIn.start();
        EXPECT_FALSE(out.launched || out.ready || out.failed)
            << "start() must return before any answer";

        ASSERT_TRUE(waitUntil([&] { return out.ready || out.failed; }, 30000)) << "no answer";
        ASSERT_FALSE(out.failed) << out.failed->message().toStdString();
        ASSERT_TRUE(out.launched);
        EXPECT_TRUE(out.launchedBeforeReady);
        const EmulatorEndpoint &ep = *out.launched;
        pid = ep.pid;
        EXPECT_GT(pid, 0);
        EXPECT_EQ(::kill(pid_t(pid), 0), 0) << "the sandbox child is running";

        // The environment: built-in kind, its display name, this keychain's profile, pinned.
        const Environment &env = *out.ready;
        EXPECT_EQ(env.kind, Environment::Kind::BuiltInSandbox);
        EXPECT_EQ(env.name, QStringLiteral("Built-in sandbox"));
        EXPECT_EQ(env.profile, keychain.profile());
        EXPECT_EQ(env.baseUrl, ep.baseUrl);
        EXPECT_EQ(env.baseUrl.host(), QStringLiteral("127.0.0.1"));
        EXPECT_TRUE(env.isPinned());
        EXPECT_EQ(env.pinnedCertSha256Hex, ep.certSha256Hex);
        EXPECT_EQ(env.configurationId, QStringLiteral("brand-builtin"));
        EXPECT_EQ(env.pinnedCertPem, ep.certPem);

        // The credentials are in the real keychain under the entry names of KeychainEntries.h.
        EXPECT_EQ(readSecret(keychain, entries::kApiKey), ep.apiKey);
        const std::optional<QString> secret = readSecret(keychain, entries::kApiSecret);
        ASSERT_TRUE(secret.has_value());
        EXPECT_TRUE(secret->startsWith(QStringLiteral("sandbox-secret-")));
        // ...and nowhere else: the endpoint's shared copy was wiped once handed to the keychain.
        EXPECT_TRUE(!ep.apiSecret || ep.apiSecret->isEmpty());
        EXPECT_TRUE(!builtIn.endpoint().apiSecret || builtIn.endpoint().apiSecret->isEmpty());

        // ...and the real client, reading them from there, gets a token over the pinned TLS.
        aerodesk::SystemClock clock;
        aerodesk::api::ApiClient client(env, keychain, clock);
        std::optional<bool> gotToken;
        QString why;
        client.tokens().token(
            [&](aerodesk::Result<aerodesk::api::ApiToken, aerodesk::api::ApiError> t) {
                gotToken = t.ok();
                if (!t)
                    why = t.error().message;
            });
        ASSERT_TRUE(waitUntil([&] { return gotToken.has_value(); }, 20000));
        EXPECT_TRUE(*gotToken) << why.toStdString();
    }
    // Gone with its owner: the child does not outlive the bring-up.
    EXPECT_TRUE(waitUntil([&] { return ::kill(pid_t(pid), 0) != 0; }, 10000))
        << "the sandbox outlived its owner";
    removeSecrets(keychain);
}

// Issue 13, finding 8(c): the apiSecret used to arrive on the start line (stdout, QProcess's
// buffer, a QJsonDocument) and stay in the launcher's endpoint as a QString for the session.
TEST(BuiltInEnvironment, HoldsNoCopyOfTheApiSecretOnceItIsInTheKeychain)
{
    Keychain keychain(uniqueProfile());
    Outcome out;
    BuiltInEnvironment builtIn(keychain, sandboxExecutable(),
                               { QStringLiteral("--seed"), QStringLiteral("7") });
    observe(builtIn, out);
    builtIn.start();
    ASSERT_TRUE(waitUntil([&] { return out.ready || out.failed; }, 30000)) << "no answer";
    ASSERT_FALSE(out.failed) << out.failed->message().toStdString();
    EXPECT_TRUE(!builtIn.endpoint().apiSecret || builtIn.endpoint().apiSecret->isEmpty());
    out.launched.reset();

    // The pattern, from the keychain (the only place that should have it); the read-back copy
    // is a SecureBytes, wiped at the end of this block, before the scan.
    std::optional<aerodesk::test::MaskedSecret> window;
    {
        std::optional<aerodesk::crypto::SecureBytes> secret;
        keychain.read(QString::fromLatin1(entries::kApiSecret),
                      [&](const KeychainError &e, aerodesk::crypto::SecureBytes v) {
                          EXPECT_TRUE(e.ok()) << e.message.toStdString();
                          secret = std::move(v);
                      });
        ASSERT_TRUE(waitUntil([&] { return secret.has_value(); }, 20000));
        // "sandbox-secret-" + 32 hex digits: a window inside the random part.
        ASSERT_EQ(secret->size(), 47u);
        window = aerodesk::test::MaskedSecret::fromPlain(secret->data() + 19, 24);
    }
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QTest::qWait(20);
    }
    QString where;
    EXPECT_EQ(aerodesk::test::countInProcessMemory(*window, &where), 0)
        << "the apiSecret is still in memory in " << where.toStdString();
    where.clear();
    EXPECT_EQ(aerodesk::test::countInProcessMemory(window->asUtf16(), &where), 0)
        << "the apiSecret is still in memory (as a QString) in " << where.toStdString();
    builtIn.stop();
    removeSecrets(keychain);
}

TEST(BuiltInEnvironment, AMissingExecutableFailsAtStartWithAClearMessage)
{
    Keychain keychain(uniqueProfile());
    BuiltInEnvironment builtIn(keychain, QStringLiteral("/nonexistent/aerodesk-sandbox"));
    Outcome out;
    observe(builtIn, out);
    builtIn.start();
    EXPECT_FALSE(out.failed) << "failures are reported asynchronously too";
    ASSERT_TRUE(waitUntil([&] { return out.failed.has_value(); }, 10000));
    EXPECT_EQ(out.failed->stage, BuiltInEnvironment::Failure::Stage::Start);
    const QString message = out.failed->message();
    EXPECT_TRUE(message.startsWith(QStringLiteral("The built-in sandbox could not start: ")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("/nonexistent/aerodesk-sandbox")))
        << message.toStdString();
    EXPECT_FALSE(out.launched);
    EXPECT_FALSE(out.ready);
    // Nothing was written to the keychain.
    EXPECT_FALSE(readSecret(keychain, entries::kApiKey).has_value());
}

TEST(BuiltInEnvironment, StoppingBeforeTheCredentialsAreStoredDropsTheLateAnswer)
{
    Keychain keychain(uniqueProfile());
    BuiltInEnvironment builtIn(keychain, sandboxExecutable(),
                               { QStringLiteral("--time-scale"), QStringLiteral("0.05") });
    Outcome out;
    observe(builtIn, out);
    // Stop once the child is up, while the two keychain writes are under way (queued: the
    // writes have been issued by then, their answers come later).
    QObject::connect(
        &builtIn, &BuiltInEnvironment::launched, &builtIn, [&builtIn] { builtIn.stop(); },
        Qt::QueuedConnection);
    builtIn.start();
    ASSERT_TRUE(
        waitUntil([&] { return out.launched.has_value() || out.failed.has_value(); }, 30000));
    ASSERT_TRUE(out.launched) << (out.failed ? out.failed->message().toStdString() : std::string());
    const qint64 pid = out.launched->pid;
    EXPECT_TRUE(waitUntil([&] { return ::kill(pid_t(pid), 0) != 0; }, 10000))
        << "stop() did not end the child";
    // The writes finish (the entry is there), but the stopped bring-up reports nothing.
    EXPECT_TRUE(
        waitUntil([&] { return readSecret(keychain, entries::kApiSecret).has_value(); }, 20000));
    EXPECT_FALSE(waitUntil([&] { return out.ready.has_value() || out.failed.has_value(); }, 1000))
        << "a stopped bring-up must not report ready or failed";
    removeSecrets(keychain);
}
