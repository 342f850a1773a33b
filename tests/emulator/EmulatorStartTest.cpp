#include "core/emulatorhost/EmulatorLauncher.h"
#include "tests/support/EmulatorRig.h"
#include "tests/support/TestPaths.h"
#include "tests/support/Wait.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSslSocket>

#include <csignal>
#include <gtest/gtest.h>

using aerodesk::emulatorhost::EmulatorEndpoint;
using aerodesk::emulatorhost::EmulatorLauncher;
using aerodesk::test::EmulatorRig;

TEST(SandboxStart, StartLineCarriesAPinnedCertificateAndCredentials)
{
    EmulatorRig sb;
    ASSERT_TRUE(sb.start()) << sb.lastError().toStdString();
    const EmulatorEndpoint &e = sb.endpoint();
    EXPECT_EQ(e.baseUrl.host(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(e.baseUrl.scheme(), QStringLiteral("https"));
    EXPECT_EQ(e.certSha256Hex.size(), 64);
    EXPECT_FALSE(e.apiKey.isEmpty());
    EXPECT_GT(e.pid, 0);
    // A request through the pinned configuration succeeds (normal verification, no ignoring).
    const auto r = sb.request("GET", QStringLiteral("/sandbox/info"));
    EXPECT_EQ(r.status, 200) << r.networkError.toStdString();
}

TEST(SandboxStart, UnpinnedClientsAreRefusedByTls)
{
    EmulatorRig sb;
    ASSERT_TRUE(sb.start()) << sb.lastError().toStdString();
    QSslSocket socket;
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"),
                                  quint16(sb.endpoint().baseUrl.port()));
    // The system CAs do not know the sandbox's self-signed certificate.
    EXPECT_FALSE(socket.waitForEncrypted(5000));
    EXPECT_FALSE(socket.sslHandshakeErrors().isEmpty());
}

TEST(SandboxStart, SameSeedGivesTheSameIds)
{
    QString first[2];
    for (QString &id : first) {
        EmulatorRig sb;
        ASSERT_TRUE(sb.start({ QStringLiteral("--seed"), QStringLiteral("1234"),
                               QStringLiteral("--time-scale"), QStringLiteral("0.05"),
                               QStringLiteral("--api-key"), QStringLiteral("k"),
                               QStringLiteral("--api-secret"), QStringLiteral("s") }));
        id = sb.linkConnection(QStringLiteral("oauth"));
        ASSERT_EQ(id.size(), 32) << sb.lastError().toStdString();
    }
    EXPECT_EQ(first[0], first[1]);
}

TEST(SandboxStart, MissingExecutableFailsWithAReason)
{
    EmulatorLauncher sb(QStringLiteral("/nonexistent/aerodesk-sandbox"));
    QString why;
    QObject::connect(&sb, &EmulatorLauncher::failed, &sb, [&](const QString &w) { why = w; });
    sb.start();
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return !why.isEmpty(); }, 5000));
    EXPECT_TRUE(why.contains(QStringLiteral("not found"))) << why.toStdString();
}

TEST(SandboxStart, BadFlagsFailWithTheSandboxesOwnMessage)
{
    EmulatorLauncher sb(aerodesk::test::executable(QStringLiteral("aerodesk-sandbox")),
                        { QStringLiteral("--time-scale"), QStringLiteral("-3") });
    QString why;
    QObject::connect(&sb, &EmulatorLauncher::failed, &sb, [&](const QString &w) { why = w; });
    sb.start();
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return !why.isEmpty(); }, 10000));
    EXPECT_TRUE(why.contains(QStringLiteral("--time-scale"))) << why.toStdString();
}

TEST(SandboxStart, StartLineParserRejectsTamperedPins)
{
    EmulatorRig sb;
    ASSERT_TRUE(sb.start());
    QJsonObject line { { QStringLiteral("event"), QStringLiteral("ready") },
                       { QStringLiteral("baseUrl"), sb.endpoint().baseUrl.toString() },
                       { QStringLiteral("certPem"), QString::fromLatin1(sb.endpoint().certPem) },
                       { QStringLiteral("certSha256"), QString(64, QLatin1Char('0')) },
                       { QStringLiteral("apiKey"), QStringLiteral("k") },
                       { QStringLiteral("apiSecret"), QStringLiteral("s") } };
    auto parsed =
        EmulatorEndpoint::fromStartLine(QJsonDocument(line).toJson(QJsonDocument::Compact));
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().contains(QStringLiteral("fingerprint")));
    EXPECT_FALSE(EmulatorEndpoint::fromStartLine("not json").ok());
}

TEST(SandboxStart, ExitsWhenItsParentClosesStdin)
{
    QProcess p;
    p.start(aerodesk::test::executable(QStringLiteral("aerodesk-sandbox")), {});
    ASSERT_TRUE(p.waitForStarted(5000));
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return p.canReadLine(); }, 15000));
    EXPECT_TRUE(p.readLine().contains("\"event\":\"ready\""));
    p.closeWriteChannel();
    EXPECT_TRUE(p.waitForFinished(5000)) << "the sandbox kept running after its stdin closed";
    if (p.state() != QProcess::NotRunning)
        p.kill();
}
