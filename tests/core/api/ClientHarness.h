#pragma once
// Shared by the client's integration tests (api, jobs, webhooks): a running sandbox (D1's
// EmulatorRig, real HTTPS), its credentials written to the REAL keychain under a unique
// profile, and an ApiClient pinned to the sandbox's certificate.

#include "core/api/ApiClient.h"
#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/util/Clock.h"
#include "tests/support/EmulatorRig.h"
#include "tests/support/Wait.h"

#include <gtest/gtest.h>
#include <memory>

namespace aerodesk::test {

class ClientHarness
{
public:
    /// Starts the sandbox with `args` and stores its apiKey/apiSecret in the keychain.
    bool start(const QStringList &args = { QStringLiteral("--seed"), QStringLiteral("42"),
                                           QStringLiteral("--time-scale"), QStringLiteral("0.05") })
    {
        if (!sandbox.start(args)) {
            ADD_FAILURE() << "sandbox did not start: " << sandbox.lastError().toStdString();
            return false;
        }
        profile = QStringLiteral("aerodesk-test-client-%1")
                      .arg(QString::fromLatin1(crypto::Random::hex(6)));
        keychain = std::make_unique<keychain::Keychain>(profile);
        if (!writeSecret(QStringLiteral("apiKey"), sandbox.endpoint().apiKey) ||
            !writeSecret(QStringLiteral("apiSecret"), sandbox.apiSecret()))
            return false;
        return true;
    }

    bool writeSecret(const QString &name, const QString &value)
    {
        bool done = false;
        keychain::KeychainError error;
        keychain->write(name, crypto::SecureBytes::fromUtf8(value),
                        [&](const keychain::KeychainError &e) {
                            error = e;
                            done = true;
                        });
        if (!waitUntil([&] { return done; }, 20000) || !error.ok()) {
            ADD_FAILURE() << "keychain write of " << name.toStdString()
                          << " failed: " << error.message.toStdString();
            return false;
        }
        return true;
    }

    api::Environment environment() const
    {
        const auto &ep = sandbox.endpoint();
        api::Environment env = api::Environment::sandbox(api::Environment::Kind::BuiltInSandbox,
                                                         QStringLiteral("Test sandbox"), profile,
                                                         ep.baseUrl, ep.certPem, ep.certSha256Hex);
        env.requestTimeoutMs = 15000;
        return env;
    }

    std::unique_ptr<api::ApiClient> makeClient(const Clock &clock)
    {
        return std::make_unique<api::ApiClient>(environment(), *keychain, clock);
    }

    ~ClientHarness()
    {
        if (!keychain)
            return;
        int pending = 2;
        for (const QString &name : { QStringLiteral("apiKey"), QStringLiteral("apiSecret") })
            keychain->remove(name, [&](const keychain::KeychainError &) { --pending; });
        waitUntil([&] { return pending == 0; }, 10000);
    }

    EmulatorRig sandbox;
    QString profile;
    std::unique_ptr<keychain::Keychain> keychain;
};

/// Runs an async ApiClient call to completion and returns its result.
template<class T, class Start>
std::optional<Result<T, api::ApiError>> await(Start start, int timeoutMs = 30000)
{
    std::optional<Result<T, api::ApiError>> out;
    start([&](Result<T, api::ApiError> r) { out.emplace(std::move(r)); });
    waitUntil([&] { return out.has_value(); }, timeoutMs);
    return out;
}

} // namespace aerodesk::test
