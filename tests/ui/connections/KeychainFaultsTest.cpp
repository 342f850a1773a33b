// Faults as a user meets them (issue 13), the keychain's side: a keychain that is slow, hung,
// locked or gone, met by the console's real start-up path (StoreOpener reads the store key, the
// Connections panel shows the outcome) and by Settings → Save (secrets go to the keychain).
// Each case ends in a clear state on screen that names the cause, a UI thread that kept
// answering (a 20 ms heartbeat never stalls for a second), no crash, and nothing lost: the store
// file is untouched, no new store key is made in its place, and the connectionId stored before
// the fault is there afterwards.
//
// Every case runs in a child process of this test with a Secret Service of its own
// (tests/support PrivateKeyring: private bus + gnome-keyring-daemon), or none (BareSessionBus),
// because GLib and QtDBus attach to the session bus once per process — and the keyring that
// run-headless.sh shares with every other test is never locked, stopped or hidden.
#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/store/StoreLocation.h"
#include "core/store/StoreOpener.h"
#include "core/util/Clock.h"
#include "tests/support/BareSessionBus.h"
#include "tests/support/Heartbeat.h"
#include "tests/support/PrivateKeyring.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "ui/common/NoticeLine.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"
#include "ui/settings/SettingsPanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <gtest/gtest.h>
#include <memory>
#include <optional>
#include <sys/types.h>

using namespace aerodesk;
using aerodesk::test::waitUntil;

namespace {

using Opened = Result<std::shared_ptr<store::Store>, store::StoreError>;
constexpr auto kChildVar = "AERODESK_KEYCHAIN_FAULT_CHILD";
// A connectionId as the widget sends them; the test's own, so it is known afterwards.
const QString kStoredId = QStringLiteral("5f0d3c2a-7b1e-4c9a-9d3e-2a1b0c4d5e6f");

// ---- The child: the console's parts on a keychain with a fault. ----

class KeychainFaultsChild : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (qEnvironmentVariableIsEmpty(kChildVar))
            GTEST_SKIP() << "child-only test (run by the KeychainFaults test of the same name)";
        ASSERT_TRUE(dir.isValid());
        storeKeychain.setTimeoutMs(15000);
    }
    void TearDown() override
    {
        settingsPanel.reset();
        panel.reset();
    }
    QString storePath() const { return dir.filePath(QStringLiteral("aerodesk.sqlite")); }
    static qint64 daemonPid() { return qEnvironmentVariableIntValue("AERODESK_TEST_KEYRING_PID"); }
    static QString busAddress() { return qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"); }

    /// The console's start-up step (ConsoleWiring::start): StoreOpener, then the session.
    Opened openStore(int waitMs = 40000)
    {
        store::StoreOpener opener(storeKeychain);
        std::optional<Opened> opened;
        opener.open(storePath(), [&](Opened r) { opened.emplace(std::move(r)); });
        EXPECT_TRUE(waitUntil([&] { return opened.has_value(); }, waitMs))
            << "the store never said how opening ended";
        return opened.value_or(Opened(store::StoreError::make(store::StoreError::Kind::OpenFailed,
                                                              QStringLiteral("test timeout"))));
    }
    void hand(const Opened &opened)
    {
        if (opened.ok())
            session.setStore(opened.value());
        else
            session.setStoreFailed(opened.error().message);
    }

    /// A store with kStoredId in it, made while the keychain still works; closed again.
    void storeOneConnection()
    {
        Opened opened = openStore();
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        connections::Connection c;
        c.connectionId = kStoredId;
        ASSERT_TRUE(opened.value()->connections().upsert(c));
    }

    void showPanels()
    {
        panel = std::make_unique<ui::ConnectionsPanel>(session);
        panel->resize(1200, 700);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat);
        settingsPanel = std::make_unique<ui::SettingsPanel>(session, settings.get());
        settingsPanel->resize(1000, 800);
        settingsPanel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(settingsPanel.get()));
    }
    QString connectionsMessage() const
    {
        return test::labelText(panel.get(), QStringLiteral("connectionsMessage"));
    }
    QString settingsNotice() const
    {
        return settingsPanel->findChild<ui::NoticeLine *>(QStringLiteral("settingsNotice"))
            ->message();
    }
    bool rowShown(const QString &id) const { return panel->model()->rowOf(id) >= 0; }

    /// Settings → a custom sandbox, an apiKey typed, Save. Returns without waiting for the end.
    void startSavingAnApiKey()
    {
        settingsPanel->addCustomProfile();
        ASSERT_TRUE(test::typeInto(settingsPanel.get(), QStringLiteral("baseUrlEdit"),
                                   QStringLiteral("https://127.0.0.1:9/")));
        ASSERT_TRUE(test::typeInto(settingsPanel.get(), QStringLiteral("apiKeyEdit"),
                                   QStringLiteral("ak-typed-in-settings")));
        ASSERT_TRUE(test::clickNamed(settingsPanel.get(), QStringLiteral("saveProfileButton")));
    }
    /// Waits until Save is possible again, i.e. the keychain write ended; the notice then.
    QString waitForSaveToEnd(int ms = 40000)
    {
        auto *save = settingsPanel->findChild<QPushButton *>(QStringLiteral("saveProfileButton"));
        EXPECT_TRUE(waitUntil([&] { return save->isEnabled() && !settingsNotice().isEmpty(); }, ms))
            << "Settings never said how saving ended: " << settingsNotice().toStdString();
        return settingsNotice();
    }

    QByteArray fileHash() const
    {
        QFile f(storePath());
        return f.open(QIODevice::ReadOnly)
            ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
            : QByteArray();
    }

    /// SIGCONT for the keyring daemon after `ms`, from a process of its own, so that it comes
    /// even if this process's UI thread were stuck.
    static void continueDaemonAfter(int ms)
    {
        QProcess::startDetached(
            QStringLiteral("sh"),
            { QStringLiteral("-c"),
              QStringLiteral("sleep %1; kill -CONT %2").arg(ms / 1000.0).arg(daemonPid()) });
    }

    QTemporaryDir dir;
    SystemClock clock;
    session::Session session { clock };
    keychain::Keychain storeKeychain { QString::fromLatin1(
        store::StoreLocation::kKeychainProfile) };
    std::unique_ptr<ui::ConnectionsPanel> panel;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ui::SettingsPanel> settingsPanel;
};

TEST_F(KeychainFaultsChild, Slow)
{
    storeOneConnection();
    showPanels();
    test::Heartbeat heartbeat;
    ASSERT_EQ(::kill(pid_t(daemonPid()), SIGSTOP), 0);
    continueDaemonAfter(4000);

    // Opening the store waits for the keychain: meanwhile the panel says the store is not open
    // (nothing can be linked into nowhere), and Settings' Save says it is writing.
    std::optional<Opened> opened;
    store::StoreOpener opener(storeKeychain);
    opener.open(storePath(), [&](Opened r) { opened.emplace(std::move(r)); });
    startSavingAnApiKey();
    QTest::qWait(2000);
    ASSERT_FALSE(opened.has_value()) << "the keychain answered while stopped?";
    EXPECT_FALSE(panel->linkAction()->isEnabled());
    EXPECT_FALSE(connectionsMessage().contains(QStringLiteral("could not be opened")))
        << "slow is not failed: " << connectionsMessage().toStdString();
    const QString waiting = settingsNotice();
    std::fprintf(stderr, "slow, while waiting: %s\n", qPrintable(waiting));
    EXPECT_TRUE(waiting.contains(QStringLiteral("keychain"))) << "Settings says nothing while "
                                                                 "the keychain is slow: "
                                                              << waiting.toStdString();

    // The keychain answers late: both finish as if it had been quick.
    ASSERT_TRUE(waitUntil([&] { return opened.has_value(); }, 30000));
    ASSERT_TRUE(opened->ok()) << opened->error().message.toStdString();
    QSignalSpy loaded(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
    hand(*opened);
    ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1; }, 20000));
    EXPECT_TRUE(rowShown(kStoredId));
    const QString saved = waitForSaveToEnd();
    std::fprintf(stderr, "slow, at the end: %s\n", qPrintable(saved));
    EXPECT_TRUE(saved.startsWith(QStringLiteral("Saved."))) << saved.toStdString();
    EXPECT_LT(heartbeat.longestGapMs(), test::kUiStallMs);
}

TEST_F(KeychainFaultsChild, Hung)
{
    storeOneConnection();
    const QByteArray before = fileHash();
    showPanels();
    storeKeychain.setTimeoutMs(3000);
    test::Heartbeat heartbeat;
    ASSERT_EQ(::kill(pid_t(daemonPid()), SIGSTOP), 0);
    continueDaemonAfter(7000);
    const Opened opened = openStore();
    hand(opened);
    const QString said = connectionsMessage();
    std::fprintf(stderr, "hung: %s\n", qPrintable(said));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().kind, store::StoreError::Kind::Keychain);
    EXPECT_TRUE(said.contains(QStringLiteral("did not answer within 3 s"))) << said.toStdString();
    EXPECT_LT(heartbeat.longestGapMs(), test::kUiStallMs);
    EXPECT_EQ(fileHash(), before);

    // The daemon comes back (its late answer to the timed-out read is dropped): the store opens.
    storeKeychain.setTimeoutMs(15000);
    const Opened again = openStore();
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    QSignalSpy loaded(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
    hand(again);
    ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1; }, 20000));
    EXPECT_TRUE(rowShown(kStoredId)) << "the stored connection was lost";
}

TEST_F(KeychainFaultsChild, Locked)
{
    storeOneConnection();
    const QByteArray before = fileHash();
    QString error;
    ASSERT_TRUE(test::PrivateKeyring::lock(busAddress(), &error)) << error.toStdString();
    showPanels();
    test::Heartbeat heartbeat;

    // Start-up: the store key cannot be read. The panel says the keyring is locked and what to
    // do; the store is not replaced by a new one with a new key.
    const Opened opened = openStore();
    hand(opened);
    const QString said = connectionsMessage();
    std::fprintf(stderr, "locked, store: %s\n", qPrintable(said));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().kind, store::StoreError::Kind::Keychain)
        << opened.error().message.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("keyring is locked"))) << said.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("Unlock it"))) << said.toStdString();
    EXPECT_EQ(fileHash(), before);

    // Settings: the status of a secret is not "not set" but the lock; Save says it is locked.
    ASSERT_TRUE(waitUntil([&] {
        return test::labelText(settingsPanel.get(), QStringLiteral("apiKeyStatus")) !=
            QStringLiteral("checking…");
    }));
    startSavingAnApiKey();
    const QString saved = waitForSaveToEnd();
    std::fprintf(stderr, "locked, settings: %s\n", qPrintable(saved));
    EXPECT_TRUE(saved.startsWith(QStringLiteral("Not saved in the keychain")))
        << saved.toStdString();
    EXPECT_TRUE(saved.contains(QStringLiteral("keyring is locked"))) << saved.toStdString();
    ASSERT_TRUE(waitUntil([&] {
        return test::labelText(settingsPanel.get(), QStringLiteral("apiKeyStatus")) !=
            QStringLiteral("checking…");
    }));
    const QString status = test::labelText(settingsPanel.get(), QStringLiteral("apiKeyStatus"));
    EXPECT_EQ(status, QStringLiteral("keyring locked")) << status.toStdString();
    EXPECT_LT(heartbeat.longestGapMs(), test::kUiStallMs);

    // Unlocked: the same store opens with its own key, the connection is there.
    ASSERT_TRUE(test::PrivateKeyring::unlock(busAddress(),
                                             qgetenv("AERODESK_TEST_KEYRING_PASSWORD"), &error))
        << error.toStdString();
    const Opened again = openStore();
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    QSignalSpy loaded(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
    hand(again);
    ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1; }, 20000));
    EXPECT_TRUE(rowShown(kStoredId)) << "the stored connection was lost";
}

TEST_F(KeychainFaultsChild, Gone)
{
    // The store was made (on a machine that had a keychain) with a key the test keeps.
    const crypto::SecureBytes key = crypto::Random::secretBytes(32);
    {
        auto made = store::Store::open(storePath(), key.clone());
        ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
        connections::Connection c;
        c.connectionId = kStoredId;
        ASSERT_TRUE(made.value()->connections().upsert(c));
    }
    const QByteArray before = fileHash();
    showPanels();
    test::Heartbeat heartbeat;
    const Opened opened = openStore();
    hand(opened);
    const QString said = connectionsMessage();
    std::fprintf(stderr, "gone, store: %s\n", qPrintable(said));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().kind, store::StoreError::Kind::Keychain);
    EXPECT_TRUE(said.contains(QStringLiteral("No keychain is available"))) << said.toStdString();
    EXPECT_TRUE(said.contains(QStringLiteral("start and unlock a Secret Service")))
        << said.toStdString();

    startSavingAnApiKey();
    const QString saved = waitForSaveToEnd();
    std::fprintf(stderr, "gone, settings: %s\n", qPrintable(saved));
    EXPECT_TRUE(saved.startsWith(QStringLiteral("Not saved in the keychain")))
        << saved.toStdString();
    EXPECT_TRUE(saved.contains(QStringLiteral("No keychain is available"))) << saved.toStdString();
    ASSERT_TRUE(waitUntil([&] {
        return test::labelText(settingsPanel.get(), QStringLiteral("apiKeyStatus")) !=
            QStringLiteral("checking…");
    }));
    const QString status = test::labelText(settingsPanel.get(), QStringLiteral("apiKeyStatus"));
    EXPECT_EQ(status, QStringLiteral("no keychain")) << status.toStdString();
    EXPECT_LT(heartbeat.longestGapMs(), test::kUiStallMs);

    // Nothing lost: the file is as it was, and opens with its key.
    EXPECT_EQ(fileHash(), before);
    auto reopened = store::Store::open(storePath(), key.clone());
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.toStdString();
    EXPECT_TRUE(reopened.value()->connections().get(kStoredId).ok());
}

// ---- The parent: a keychain of the child's own, the child run, its verdict. ----

void runChild(const char *name, QProcessEnvironment env)
{
    env.insert(QString::fromLatin1(kChildVar), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(
        QCoreApplication::applicationFilePath(),
        { QStringLiteral("--gtest_filter=KeychainFaultsChild.%1").arg(QString::fromLatin1(name)) });
    const bool finished = child.waitForFinished(90000);
    if (!finished) {
        child.kill();
        child.waitForFinished(5000);
    }
    const QString out = QString::fromUtf8(child.readAll());
    ASSERT_TRUE(finished) << "the console's parts hung:\n" << out.toStdString();
    EXPECT_EQ(child.exitStatus(), QProcess::NormalExit) << "crashed:\n" << out.toStdString();
    EXPECT_EQ(child.exitCode(), 0) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("[  PASSED  ] 1 test"))) << out.toStdString();
    // What the child's screens said, for the log.
    for (const QString &line : out.split(QLatin1Char('\n')))
        if (line.contains(QRegularExpression(QStringLiteral("^(slow|hung|locked|gone)[ ,]"))))
            std::fprintf(stderr, "%s\n", qPrintable(line));
}

void runChildOnPrivateKeyring(const char *name)
{
    test::PrivateKeyring keyring;
    QString error;
    ASSERT_TRUE(keyring.start(&error)) << error.toStdString();
    QProcessEnvironment env = keyring.environment();
    env.insert(QStringLiteral("AERODESK_TEST_KEYRING_PID"), QString::number(keyring.daemonPid()));
    env.insert(QStringLiteral("AERODESK_TEST_KEYRING_PASSWORD"),
               QString::fromLatin1(keyring.password()));
    runChild(name, env);
}

TEST(KeychainFaults, ASlowKeychainKeepsTheUiAnsweringShowsItIsWaitingAndThenFinishes)
{
    runChildOnPrivateKeyring("Slow");
}

TEST(KeychainFaults, AHungKeychainTimesOutWithAClearMessageAndTheStoreOpensOnceItIsBack)
{
    runChildOnPrivateKeyring("Hung");
}

TEST(KeychainFaults, ALockedKeychainSaysItIsLockedNeverMakesANewKeyAndLosesNothing)
{
    runChildOnPrivateKeyring("Locked");
}

TEST(KeychainFaults, NoKeychainSaysSoAndWhatToDoAndLosesNothing)
{
    test::BareSessionBus bus;
    QString error;
    ASSERT_TRUE(bus.start(&error)) << error.toStdString();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus.address());
    env.remove(QStringLiteral("DISPLAY"));
    runChild("Gone", env);
}

} // namespace
