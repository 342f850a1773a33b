#include "core/emulatorhost/EmulatorLauncher.h"
#include "tests/support/EmulatorRig.h"
#include "tests/support/TestPaths.h"
#include "tests/support/Wait.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSslSocket>

#include <csignal>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

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

// Issue 13, finding 8(c): with --secret-fd the apiSecret goes to that descriptor ("<secret>\n",
// then closed), not on the start line (stdout) nor on the command line.
TEST(SandboxStart, SecretFdKeepsTheApiSecretOffTheStartLineAndTheCommandLine)
{
    int fds[2];
    ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
    const int writeEnd = fds[1];
    QProcess p;
    p.setChildProcessModifier([writeEnd] {
        if (writeEnd == 5)
            ::fcntl(5, F_SETFD, 0); // dup2 onto itself would keep FD_CLOEXEC
        else
            ::dup2(writeEnd, 5);
    });
    p.start(aerodesk::test::executable(QStringLiteral("aerodesk-sandbox")),
            { QStringLiteral("--secret-fd"), QStringLiteral("5") });
    ::close(writeEnd);
    ASSERT_TRUE(p.waitForStarted(5000));
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return p.canReadLine(); }, 15000));
    const QByteArray startLine = p.readLine();
    QByteArray secret(256, '\0');
    const ssize_t n = ::read(fds[0], secret.data(), size_t(secret.size()));
    ::close(fds[0]);
    ASSERT_GT(n, 1) << "nothing on the secret descriptor";
    secret.truncate(n);
    ASSERT_TRUE(secret.endsWith('\n'));
    secret.chop(1);
    EXPECT_TRUE(secret.startsWith("sandbox-secret-"));

    EXPECT_TRUE(startLine.contains("\"event\":\"ready\"")) << startLine.toStdString();
    EXPECT_FALSE(startLine.contains("apiSecret")) << "the start line still names the apiSecret";
    EXPECT_FALSE(startLine.contains(secret)) << "the start line carries the secret";
    EXPECT_TRUE(startLine.contains("apiKey"));
    EXPECT_TRUE(
        EmulatorEndpoint::fromStartLine(startLine.trimmed(), aerodesk::crypto::SecureBytes(secret))
            .ok());
    EXPECT_FALSE(EmulatorEndpoint::fromStartLine(startLine.trimmed()).ok())
        << "without the descriptor's secret the line has no credentials";

    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(p.processId()));
    ASSERT_TRUE(cmdline.open(QIODevice::ReadOnly));
    const QByteArray argv = cmdline.readAll();
    EXPECT_TRUE(argv.contains("--secret-fd"));
    EXPECT_FALSE(argv.contains(secret)) << "the secret is on the sandbox's command line";
    p.closeWriteChannel();
    if (!p.waitForFinished(5000))
        p.kill();
}

TEST(SandboxStart, TheLauncherPassesTheSecretOverAPipeAndItSignsIn)
{
    EmulatorRig sb;
    ASSERT_TRUE(sb.start()) << sb.lastError().toStdString();
    ASSERT_TRUE(sb.endpoint().apiSecret);
    EXPECT_TRUE(sb.apiSecret().startsWith(QStringLiteral("sandbox-secret-")));
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(sb.pid()));
    ASSERT_TRUE(cmdline.open(QIODevice::ReadOnly));
    const QByteArray argv = cmdline.readAll();
    EXPECT_TRUE(argv.contains(QByteArray("--secret-fd\0003", 13))) << argv.toStdString();
    EXPECT_FALSE(argv.contains(sb.apiSecret().toUtf8()));
    EXPECT_FALSE(sb.token().isEmpty()) << "the secret from the pipe does not sign in";
}

TEST(SandboxStart, WithoutSecretFdTheStartLineStillCarriesTheApiSecret)
{
    QProcess p; // a sandbox started by hand or from a script
    p.start(aerodesk::test::executable(QStringLiteral("aerodesk-sandbox")), {});
    ASSERT_TRUE(p.waitForStarted(5000));
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return p.canReadLine(); }, 15000));
    const QByteArray line = p.readLine().trimmed();
    auto parsed = EmulatorEndpoint::fromStartLine(line);
    ASSERT_TRUE(parsed.ok()) << parsed.error().toStdString();
    ASSERT_TRUE(parsed->apiSecret);
    EXPECT_TRUE(parsed->apiSecret->view().startsWith("sandbox-secret-"));
    p.closeWriteChannel();
    if (!p.waitForFinished(5000))
        p.kill();
}
