// Injected faults (by flag and by control path) and a certificate loaded from files.
#include "tests/support/EmulatorRig.h"
#include "tests/support/TestPaths.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using aerodesk::test::EmulatorRig;

namespace {
QJsonObject creds(const EmulatorRig &sb)
{
    return { { QStringLiteral("apiKey"), sb.endpoint().apiKey },
             { QStringLiteral("apiSecret"), sb.apiSecret() } };
}
QString code(const EmulatorRig::Reply &r)
{
    return r.json.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}
} // namespace

TEST(EmulatorFaults, ServerErrorBurstFromAFlag)
{
    EmulatorRig sb;
    ASSERT_TRUE(sb.start({ QStringLiteral("--fault"), QStringLiteral("server-error=2") }))
        << sb.lastError().toStdString();
    const auto first = sb.request("POST", QStringLiteral("/v2/token"), creds(sb));
    EXPECT_EQ(first.status, 503);
    EXPECT_EQ(code(first), QStringLiteral("AR-500"));
    EXPECT_EQ(sb.request("POST", QStringLiteral("/v2/token"), creds(sb)).status, 503);
    EXPECT_EQ(sb.request("POST", QStringLiteral("/v2/token"), creds(sb)).status, 200)
        << "the burst is spent";
}

TEST(EmulatorFaults, RateLimitAndMalformedFromTheControlPath)
{
    EmulatorRig sb;
    ASSERT_TRUE(sb.start());
    const QString id = sb.linkConnection();
    const auto headers = sb.bearer();
    const auto set =
        sb.request("POST", QStringLiteral("/sandbox/faults"),
                   { { QStringLiteral("rate-limit"), 1 }, { QStringLiteral("malformed"), 1 } });
    ASSERT_EQ(set.status, 200);
    EXPECT_EQ(set.json.value(QStringLiteral("rate-limit")).toInt(), 1);

    const auto limited = sb.request("GET", QStringLiteral("/v2/accounts/") + id, {}, headers);
    EXPECT_EQ(limited.status, 429);
    bool retryAfter = false;
    for (const auto &h : limited.headers)
        retryAfter |= h.first.compare("Retry-After", Qt::CaseInsensitive) == 0 && h.second == "1";
    EXPECT_TRUE(retryAfter);

    const auto broken = sb.request("GET", QStringLiteral("/v2/accounts/") + id, {}, headers);
    EXPECT_EQ(broken.status, 200);
    QJsonParseError error {};
    QJsonDocument::fromJson(broken.body, &error);
    EXPECT_NE(error.error, QJsonParseError::NoError) << "the body must be malformed JSON";

    EXPECT_EQ(sb.request("GET", QStringLiteral("/v2/accounts/") + id, {}, headers).status, 200);
    // Control paths themselves are never faulted, and bad input is refused whole.
    EXPECT_EQ(
        sb.request("POST", QStringLiteral("/sandbox/faults"), { { QStringLiteral("explode"), 1 } })
            .status,
        400);
    EXPECT_EQ(sb.request("POST", QStringLiteral("/sandbox/faults"),
                         { { QStringLiteral("latency-ms"), 999999 } })
                  .status,
              400);
    EXPECT_EQ(sb.request("POST", QStringLiteral("/sandbox/faults"),
                         { { QStringLiteral("server-error"), 1e300 } })
                  .status,
              400);
}

TEST(EmulatorFaults, LatencyMakesAShortClientTimeoutFire)
{
    EmulatorRig sb;
    ASSERT_TRUE(sb.start());
    sb.request("POST", QStringLiteral("/sandbox/faults"),
               { { QStringLiteral("latency-ms"), 1500 } });
    const auto slow = sb.request("POST", QStringLiteral("/v2/token"), creds(sb), {}, 200);
    EXPECT_EQ(slow.status, 0);
    EXPECT_FALSE(slow.networkError.isEmpty());
    sb.request("DELETE", QStringLiteral("/sandbox/faults"), {}, {}, 5000);
    EXPECT_EQ(sb.request("POST", QStringLiteral("/v2/token"), creds(sb)).status, 200);
}

TEST(EmulatorFaults, DropClosesTheNextNewConnectionsBeforeTls)
{
    EmulatorRig sb;
    ASSERT_TRUE(sb.start({ QStringLiteral("--fault"), QStringLiteral("drop=1") }));
    const quint16 port = quint16(sb.endpoint().baseUrl.port());
    QSslSocket dropped;
    dropped.setSslConfiguration(sb.pinnedSslConfiguration());
    dropped.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    EXPECT_FALSE(dropped.waitForEncrypted(5000)) << "the first connection must be dropped";
    EXPECT_NE(dropped.error(), QAbstractSocket::SocketTimeoutError) << "dropped, not hung";

    QSslSocket next;
    next.setSslConfiguration(sb.pinnedSslConfiguration());
    next.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    EXPECT_TRUE(next.waitForEncrypted(5000)) << next.errorString().toStdString();
}

TEST(EmulatorFaults, BadFaultFlagIsAUsageError)
{
    QProcess p;
    p.start(aerodesk::test::executable(QStringLiteral("aerodesk-sandbox")),
            { QStringLiteral("--fault"), QStringLiteral("meteor=1") });
    ASSERT_TRUE(p.waitForFinished(15000));
    EXPECT_EQ(p.exitCode(), 2);
    EXPECT_TRUE(p.readAllStandardError().contains("unknown fault"));
}

TEST(SandboxCertificate, LoadsACertificateFromFiles)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    ASSERT_FALSE(openssl.isEmpty()) << "openssl CLI missing: run scripts/install-deps.sh";
    QTemporaryDir dir;
    QProcess gen;
    gen.setWorkingDirectory(dir.path());
    gen.start(openssl,
              { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                QStringLiteral("key.pem"), QStringLiteral("-out"), QStringLiteral("cert.pem"),
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                QStringLiteral("/CN=Loaded Sandbox"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1") });
    ASSERT_TRUE(gen.waitForFinished(60000));
    ASSERT_EQ(gen.exitCode(), 0) << gen.readAllStandardError().toStdString();
    QProcess fp;
    fp.start(openssl,
             { QStringLiteral("x509"), QStringLiteral("-in"),
               dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-noout"),
               QStringLiteral("-fingerprint"), QStringLiteral("-sha256") });
    ASSERT_TRUE(fp.waitForFinished(10000));
    const QByteArray expected =
        fp.readAllStandardOutput().split('=').last().trimmed().replace(":", "").toLower();

    EmulatorRig sb;
    ASSERT_TRUE(sb.start({ QStringLiteral("--cert"), dir.filePath(QStringLiteral("cert.pem")),
                           QStringLiteral("--key"), dir.filePath(QStringLiteral("key.pem")) }))
        << sb.lastError().toStdString();
    EXPECT_EQ(sb.endpoint().certSha256Hex, expected);
    EXPECT_EQ(sb.request("GET", QStringLiteral("/sandbox/info")).status, 200)
        << "served over the loaded certificate";
}
