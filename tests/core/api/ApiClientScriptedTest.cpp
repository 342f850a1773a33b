// ApiClient and TokenProvider against a scripted Aerosync peer on loopback HTTP (deterministic
// error shapes and token revocation) with the real keychain. The same behaviours against the
// real sandbox over HTTPS: ApiClientIntegrationTest.cpp.
#include "core/api/ApiClient.h"
#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/util/FixedClock.h"
#include "tests/core/jobs/ScriptedAerosync.h"
#include "tests/support/Wait.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::api;

namespace {
struct Rig
{
    explicit Rig(const QString &base = {}, int timeoutMs = 1000)
    {
        keychain = std::make_unique<keychain::Keychain>(
            QStringLiteral("aerodesk-test-api-%1")
                .arg(QString::fromLatin1(crypto::Random::hex(6))));
        write(QStringLiteral("apiKey"), "k");
        write(QStringLiteral("apiSecret"), "s");
        Environment env = peer.environment(keychain->profile(), base);
        env.requestTimeoutMs = timeoutMs;
        client = std::make_unique<ApiClient>(env, *keychain, clock);
    }
    ~Rig()
    {
        int pending = 2;
        for (const QString &n : { QStringLiteral("apiKey"), QStringLiteral("apiSecret") })
            keychain->remove(n, [&](const keychain::KeychainError &) { --pending; });
        test::waitUntil([&] { return pending == 0; }, 10000);
    }
    void write(const QString &name, const char *value)
    {
        bool done = false;
        keychain->write(name, crypto::SecureBytes(QByteArrayView(value)),
                        [&](const keychain::KeychainError &) { done = true; });
        EXPECT_TRUE(test::waitUntil([&] { return done; }, 20000));
    }
    Result<Account, ApiError> get(const QString &id)
    {
        std::optional<Result<Account, ApiError>> out;
        client->getAccount(id, [&](Result<Account, ApiError> r) { out.emplace(std::move(r)); });
        EXPECT_TRUE(test::waitUntil([&] { return out.has_value(); }, 20000));
        return out.has_value()
            ? std::move(*out)
            : Result<Account, ApiError>(ApiError::make(ApiError::Kind::Cancelled, {}));
    }

    test::ScriptedAerosync peer;
    FixedClock clock;
    std::unique_ptr<keychain::Keychain> keychain;
    std::unique_ptr<ApiClient> client;
};
} // namespace

TEST(ApiClientScripted, DistinctErrorKinds)
{
    Rig rig;
    EXPECT_TRUE(rig.get(QStringLiteral("okA")).ok());
    auto nonJson = rig.get(QStringLiteral("nonjson"));
    ASSERT_FALSE(nonJson.ok());
    EXPECT_EQ(nonJson.error().kind, ApiError::Kind::NonJson);
    EXPECT_TRUE(nonJson.error().message.contains(QStringLiteral("proxy page")));
    auto server = rig.get(QStringLiteral("boom"));
    EXPECT_EQ(server.error().kind, ApiError::Kind::Server);
    EXPECT_EQ(server.error().httpStatus, 502);
    auto limited = rig.get(QStringLiteral("limit"));
    EXPECT_EQ(limited.error().kind, ApiError::Kind::RateLimited);
    EXPECT_EQ(limited.error().info.retry, RetryPolicy::Backoff);
    auto gone = rig.get(QStringLiteral("gone"));
    EXPECT_EQ(gone.error().kind, ApiError::Kind::Aerosync);
    EXPECT_EQ(gone.error().code, QStringLiteral("AC-102"));
    EXPECT_TRUE(gone.error().info.known);
}

TEST(ApiClientScripted, SilentServerIsATimeout)
{
    QTcpServer silent; // accepts and never answers
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> held;
    QObject ctx;
    QObject::connect(&silent, &QTcpServer::newConnection, &ctx,
                     [&] { held.append(silent.nextPendingConnection()); });
    Rig rig(QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort()));
    auto r = rig.get(QStringLiteral("x"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ApiError::Kind::Timeout) << r.error().message.toStdString();
}

TEST(ApiClientScripted, RevokedTokenRefreshedAndReplayedOnce)
{
    Rig rig;
    ASSERT_TRUE(rig.get(QStringLiteral("okA")).ok());
    ASSERT_EQ(rig.peer.tokenRequests, 1);
    rig.peer.revokedTokens.insert("tok-1");
    const int before = rig.peer.accountGets;
    auto r = rig.get(QStringLiteral("okA"));
    EXPECT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(rig.peer.tokenRequests, 2);
    EXPECT_EQ(rig.peer.accountGets - before, 2);
}

TEST(ApiClientScripted, PersistentAc001IsReturnedWithoutLooping)
{
    Rig rig;
    rig.peer.revokeAll = true;
    auto r = rig.get(QStringLiteral("okA"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("AC-001"));
    EXPECT_EQ(rig.peer.accountGets, 2);
    EXPECT_EQ(rig.peer.tokenRequests, 2);
}

TEST(ApiClientScripted, ConcurrentAc001ShareOneRefresh)
{
    Rig rig;
    ASSERT_TRUE(rig.get(QStringLiteral("okA")).ok());
    rig.peer.revokedTokens.insert("tok-1");
    int ok = 0;
    for (int i = 0; i < 50; ++i)
        rig.client->getAccount(QStringLiteral("okA"),
                               [&](Result<Account, ApiError> r) { ok += r.ok(); });
    ASSERT_TRUE(test::waitUntil([&] { return ok == 50; }, 20000)) << ok;
    EXPECT_EQ(rig.peer.tokenRequests, 2);
}

TEST(ApiClientScripted, ThousandConcurrentCallsOneTokenRequest)
{
    Rig rig({}, 60000);
    int answered = 0;
    int ok = 0;
    QString firstError;
    for (int i = 0; i < 1000; ++i)
        rig.client->getAccount(QStringLiteral("okA"), [&](Result<Account, ApiError> r) {
            ++answered;
            ok += r.ok();
            if (!r.ok() && firstError.isEmpty())
                firstError = r.error().message;
        });
    ASSERT_TRUE(test::waitUntil([&] { return answered == 1000; }, 90000)) << answered;
    EXPECT_EQ(ok, 1000) << firstError.toStdString();
    EXPECT_EQ(rig.peer.tokenRequests, 1);
}

TEST(ApiClientScripted, NumericTtlAndEarlyRefresh)
{
    Rig rig;
    rig.peer.ttl = 100; // a number, and ≤ 120 s: refresh at half-life (50 s)
    ASSERT_TRUE(rig.get(QStringLiteral("okA")).ok());
    rig.clock.advanceMs(49000);
    ASSERT_TRUE(rig.get(QStringLiteral("okA")).ok());
    EXPECT_EQ(rig.peer.tokenRequests, 1);
    rig.clock.advanceMs(2000);
    ASSERT_TRUE(rig.get(QStringLiteral("okA")).ok());
    EXPECT_EQ(rig.peer.tokenRequests, 2);
}

// Found by fuzz/ApiResponse: "TTL": "1e300" was converted to qint64 with undefined behaviour —
// INT64_MIN on x86, so the token was never fresh and every call asked for a new one. It now
// counts as a day.
TEST(ApiClientScripted, AbsurdTtlCountsAsADay)
{
    Rig rig;
    rig.peer.ttl = QStringLiteral("1e300");
    ASSERT_TRUE(rig.get(QStringLiteral("okA")).ok());
    rig.clock.advanceMs(3600 * 1000);
    ASSERT_TRUE(rig.get(QStringLiteral("okA")).ok());
    EXPECT_EQ(rig.peer.tokenRequests, 1);
}
