// TLS verification of HttpTransport over real HTTPS on loopback: a self-signed certificate made
// by the openssl CLI (an independent peer), served by QHttpServer. Pinned and trusted → the call
// succeeds; wrong pin → PinMismatch; not trusted → Tls. Nothing is ever ignored.
#include "core/api/ApiClient.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/util/Clock.h"
#include "tests/core/jobs/ScriptedAerosync.h"
#include "tests/support/Wait.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::api;

namespace {
struct SelfSigned
{
    QSslCertificate cert;
    QSslKey key;
    QByteArray pem;
    QByteArray sha256Hex;
};

std::optional<SelfSigned> makeCert(QTemporaryDir &dir)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return std::nullopt;
    QProcess p;
    p.start(openssl,
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
              QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
              dir.filePath(QStringLiteral("k.pem")), QStringLiteral("-out"),
              dir.filePath(QStringLiteral("c.pem")), QStringLiteral("-days"), QStringLiteral("1"),
              QStringLiteral("-subj"), QStringLiteral("/CN=AeroDesk Test"),
              QStringLiteral("-addext"),
              QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost") });
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return std::nullopt;
    QFile c(dir.filePath(QStringLiteral("c.pem")));
    QFile k(dir.filePath(QStringLiteral("k.pem")));
    if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly))
        return std::nullopt;
    SelfSigned s;
    s.pem = c.readAll();
    s.cert = QSslCertificate(s.pem, QSsl::Pem);
    s.key = QSslKey(k.readAll(), QSsl::Rsa, QSsl::Pem);
    s.sha256Hex =
        crypto::Hex::encode(QCryptographicHash::hash(s.cert.toDer(), QCryptographicHash::Sha256));
    return s;
}

struct PinRig
{
    PinRig()
    {
        keychain = std::make_unique<keychain::Keychain>(
            QStringLiteral("aerodesk-test-tls-%1")
                .arg(QString::fromLatin1(crypto::Random::hex(6))));
        for (const char *n : { "apiKey", "apiSecret" }) {
            bool done = false;
            keychain->write(QString::fromLatin1(n), crypto::SecureBytes(QByteArrayView("x")),
                            [&](const keychain::KeychainError &) { done = true; });
            test::waitUntil([&] { return done; }, 20000);
        }
    }
    ~PinRig()
    {
        int pending = 2;
        for (const char *n : { "apiKey", "apiSecret" })
            keychain->remove(QString::fromLatin1(n),
                             [&](const keychain::KeychainError &) { --pending; });
        test::waitUntil([&] { return pending == 0; }, 10000);
    }
    Result<Account, ApiError> get(const Environment &env)
    {
        ApiClient client(env, *keychain, clock);
        std::optional<Result<Account, ApiError>> out;
        client.getAccount(QStringLiteral("okA"),
                          [&](Result<Account, ApiError> r) { out.emplace(std::move(r)); });
        EXPECT_TRUE(test::waitUntil([&] { return out.has_value(); }, 20000));
        return out.has_value()
            ? std::move(*out)
            : Result<Account, ApiError>(ApiError::make(ApiError::Kind::Cancelled, {}));
    }
    SystemClock clock;
    std::unique_ptr<keychain::Keychain> keychain;
};
} // namespace

TEST(TlsPinning, PinnedCertificateVerifiesAndWrongPinOrUntrustedFails)
{
    QTemporaryDir dir;
    const auto cert = makeCert(dir);
    ASSERT_TRUE(cert.has_value()) << "openssl could not make a certificate";
    test::ScriptedAerosync peer(cert->cert, cert->key);
    ASSERT_NE(peer.port, 0);
    PinRig rig;

    const Environment good = Environment::sandbox(Environment::Kind::BuiltInSandbox,
                                                  QStringLiteral("t"), rig.keychain->profile(),
                                                  QUrl(peer.baseUrl()), cert->pem, cert->sha256Hex);
    auto ok = rig.get(good);
    EXPECT_TRUE(ok.ok()) << ok.error().message.toStdString();
    EXPECT_EQ(peer.tokenRequests, 1);

    Environment wrongPin = good;
    wrongPin.pinnedCertSha256Hex = QByteArray(64, '0');
    auto pin = rig.get(wrongPin);
    ASSERT_FALSE(pin.ok());
    EXPECT_EQ(pin.error().kind, ApiError::Kind::PinMismatch) << pin.error().message.toStdString();
    EXPECT_EQ(peer.tokenRequests, 1) << "nothing may be sent to an unpinned server";

    Environment untrusted = good;
    untrusted.pinnedCertPem.clear();
    untrusted.pinnedCertSha256Hex.clear();
    auto tls = rig.get(untrusted);
    ASSERT_FALSE(tls.ok());
    EXPECT_EQ(tls.error().kind, ApiError::Kind::Tls) << tls.error().message.toStdString();
    EXPECT_EQ(peer.tokenRequests, 1);
}

// Issue 13, finding 1: plain http is refused for every host (loopback included) before a byte is
// sent — credentials never travel in clear text and a pin is never silently skipped.
TEST(TlsPinning, PlainHttpIsRefusedBeforeAnythingIsSentEvenWhenPinnedOrLoopback)
{
    QTemporaryDir dir;
    const auto cert = makeCert(dir);
    ASSERT_TRUE(cert.has_value()) << "openssl could not make a certificate";
    test::ScriptedAerosync plain { QSslCertificate(), QSslKey() }; // a plain-http peer
    ASSERT_NE(plain.port, 0);
    ASSERT_TRUE(plain.baseUrl().startsWith(QLatin1String("http://")));
    PinRig rig;

    Environment pinned = Environment::sandbox(Environment::Kind::CustomSandbox, QStringLiteral("t"),
                                              rig.keychain->profile(), QUrl(plain.baseUrl()),
                                              cert->pem, cert->sha256Hex);
    EXPECT_TRUE(pinned.isPinned());
    EXPECT_FALSE(pinned.pinEnforced()) << "no banner may call an http environment pinned";
    auto r = rig.get(pinned);
    ASSERT_FALSE(r.ok()) << "a pinned environment answered over plain http";
    EXPECT_EQ(r.error().kind, ApiError::Kind::Tls) << r.error().message.toStdString();
    EXPECT_TRUE(r.error().message.contains(QLatin1String("https://")))
        << r.error().message.toStdString();

    Environment unpinned = pinned;
    unpinned.pinnedCertPem.clear();
    unpinned.pinnedCertSha256Hex.clear();
    auto u = rig.get(unpinned);
    ASSERT_FALSE(u.ok()) << "apiKey/apiSecret were sent over plain http";
    EXPECT_EQ(u.error().kind, ApiError::Kind::Tls);
    EXPECT_EQ(plain.tokenRequests, 0) << "nothing may reach a plain-http server";
    EXPECT_EQ(plain.accountGets, 0);

    // The one rule behind Settings and the CLI.
    const auto problem = Environment::baseUrlProblem(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    ASSERT_TRUE(problem.has_value());
    EXPECT_TRUE(problem->contains(QLatin1String("https://"))) << problem->toStdString();
    EXPECT_TRUE(Environment::baseUrlProblem(QUrl(QStringLiteral("http://localhost"))));
    EXPECT_TRUE(Environment::baseUrlProblem(QUrl(QStringLiteral("https://"))));
    EXPECT_FALSE(Environment::baseUrlProblem(QUrl(QStringLiteral("https://127.0.0.1:9443/v"))));
    Environment https = pinned;
    https.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:9443"));
    EXPECT_TRUE(https.pinEnforced());
}
