// The console's built-in environment: the sandbox starts as a child, the banner shows its pinned
// address, its credentials land in the real keychain, and it stops when the console does.
#include "app/console/BuiltInSandboxWiring.h"

#include "core/session/Session.h"
#include "core/util/Clock.h"
#include "tests/support/Wait.h"
#include "ui/shell/EnvironmentBanner.h"

#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <gtest/gtest.h>

namespace {
int secretToolLookup(const QString &key)
{
    QProcess p;
    p.start(QStandardPaths::findExecutable(QStringLiteral("secret-tool")),
            { QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("AeroDesk"),
              QStringLiteral("user"), key });
    if (!p.waitForFinished(15000))
        return -1;
    return p.exitCode();
}
} // namespace

TEST(BuiltInSandboxWiring, StartsPinsStoresCredentialsAndStops)
{
    aerodesk::ui::EnvironmentBanner banner;
    aerodesk::SystemClock clock;
    aerodesk::session::Session session(clock);
    qint64 pid = 0;
    {
        aerodesk::BuiltInSandboxWiring wiring(&banner, &session);
        wiring.start();
        EXPECT_TRUE(banner.text().contains(QStringLiteral("starting")))
            << banner.text().toStdString();
        ASSERT_TRUE(aerodesk::test::waitUntil(
            [&] { return banner.text().contains(QStringLiteral("127.0.0.1")); }, 20000))
            << banner.text().toStdString();
        EXPECT_TRUE(banner.text().contains(QStringLiteral("pinned")));
        pid = wiring.sandbox().endpoint().pid;
        ASSERT_GT(pid, 0);
        EXPECT_EQ(::kill(pid_t(pid), 0), 0) << "the sandbox child is running";
        // The credentials are in the Secret Service under the built-in profile.
        EXPECT_TRUE(aerodesk::test::waitUntil(
            [] { return secretToolLookup(QStringLiteral("Built-in sandbox/apiSecret")) == 0; },
            15000));
        // ...and only then does the shared session get the environment, pinned to the child.
        ASSERT_TRUE(aerodesk::test::waitUntil([&] { return session.isReady(); }, 15000));
        EXPECT_EQ(session.environment().baseUrl, wiring.sandbox().endpoint().baseUrl);
        EXPECT_EQ(session.environment().pinnedCertSha256Hex,
                  wiring.sandbox().endpoint().certSha256Hex);
        EXPECT_NE(session.jobs(), nullptr);
        EXPECT_NE(session.sandboxEvents(), nullptr);
    }
    // The wiring is gone (the console closed): the child must be gone too.
    EXPECT_TRUE(aerodesk::test::waitUntil([&] { return ::kill(pid_t(pid), 0) != 0; }, 10000))
        << "the sandbox outlived the console";
}
