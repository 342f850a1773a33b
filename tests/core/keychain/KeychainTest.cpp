// Keychain against the real Secret Service (scripts/run-headless.sh gives each run a private
// D-Bus session and an unlocked gnome-keyring).
#include "core/keychain/Keychain.h"

#include "core/keychain/KeychainEntries.h"
#include "tests/support/BareSessionBus.h"
#include "tests/support/Wait.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>
#include <optional>

using aerodesk::crypto::SecureBytes;
using aerodesk::keychain::Keychain;
using aerodesk::keychain::KeychainError;
using aerodesk::test::waitUntil;

namespace {

QString uniqueProfile()
{
    return QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

KeychainError writeSync(Keychain &kc, const QString &name, const SecureBytes &value)
{
    std::optional<KeychainError> result;
    kc.write(name, value, [&](const KeychainError &e) { result = e; });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 20000)) << "write never finished";
    return result.value_or(
        KeychainError { KeychainError::Kind::Timeout, QStringLiteral("test timeout") });
}

std::pair<KeychainError, QByteArray> readSync(Keychain &kc, const QString &name)
{
    std::optional<KeychainError> result;
    QByteArray bytes;
    kc.read(name, [&](const KeychainError &e, SecureBytes v) {
        bytes = QByteArray(v.constChar(), qsizetype(v.size()));
        result = e;
    });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 20000)) << "read never finished";
    return { result.value_or(
                 KeychainError { KeychainError::Kind::Timeout, QStringLiteral("test timeout") }),
             bytes };
}

KeychainError removeSync(Keychain &kc, const QString &name)
{
    std::optional<KeychainError> result;
    kc.remove(name, [&](const KeychainError &e) { result = e; });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 20000)) << "remove never finished";
    return result.value_or(
        KeychainError { KeychainError::Kind::Timeout, QStringLiteral("test timeout") });
}

/// Runs `secret-tool lookup` for an AeroDesk item; returns its exit code (0 found, 1 not).
int secretToolLookup(const QString &qualifiedKey)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    EXPECT_FALSE(tool.isEmpty()) << "secret-tool not found: run scripts/install-deps.sh";
    QProcess p;
    p.start(tool,
            { QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("AeroDesk"),
              QStringLiteral("user"), qualifiedKey });
    if (!p.waitForFinished(15000)) {
        p.kill();
        ADD_FAILURE() << "secret-tool hung";
        return -1;
    }
    return p.exitCode();
}

} // namespace

TEST(Keychain, WriteThenReadReturnsTheSameBytes)
{
    Keychain kc(uniqueProfile());
    QByteArray secret("api-secret-\x00\x01\xff-end", 19);
    ASSERT_TRUE(writeSync(kc, QStringLiteral("apiSecret"), SecureBytes(secret)).ok());
    const auto [error, bytes] = readSync(kc, QStringLiteral("apiSecret"));
    ASSERT_TRUE(error.ok()) << error.message.toStdString();
    EXPECT_EQ(bytes, secret);
    EXPECT_TRUE(removeSync(kc, QStringLiteral("apiSecret")).ok());
}

TEST(Keychain, LargeValueSurvives)
{
    Keychain kc(uniqueProfile());
    QByteArray big(3300, Qt::Uninitialized);
    for (auto &c : big)
        c = char(QRandomGenerator::global()->bounded(256));
    ASSERT_TRUE(writeSync(kc, QStringLiteral("eb.partnerPrivateKey"), SecureBytes(big)).ok());
    EXPECT_EQ(readSync(kc, QStringLiteral("eb.partnerPrivateKey")).second, big);
    EXPECT_TRUE(removeSync(kc, QStringLiteral("eb.partnerPrivateKey")).ok());
}

TEST(Keychain, SecretToolSeesTheItemUntilItIsDeleted)
{
    Keychain kc(uniqueProfile());
    const QString key = kc.qualifiedKey(QStringLiteral("apiKey"));
    EXPECT_EQ(key, kc.profile() + QStringLiteral("/apiKey"));
    ASSERT_TRUE(writeSync(kc, QStringLiteral("apiKey"), SecureBytes(QByteArrayView("k-123"))).ok());
    EXPECT_EQ(secretToolLookup(key), 0) << "the item is not in the Secret Service";
    ASSERT_TRUE(removeSync(kc, QStringLiteral("apiKey")).ok());
    EXPECT_EQ(secretToolLookup(key), 1) << "the item is still in the Secret Service after delete";
}

TEST(Keychain, MissingEntryIsNotFoundNotACrash)
{
    Keychain kc(uniqueProfile());
    const auto [error, bytes] = readSync(kc, QStringLiteral("never-written"));
    EXPECT_EQ(error.kind, KeychainError::Kind::NotFound);
    EXPECT_TRUE(error.message.contains(QStringLiteral("never-written")))
        << error.message.toStdString();
    EXPECT_TRUE(bytes.isEmpty());
}

TEST(Keychain, RemovingAMissingEntryIsFine)
{
    Keychain kc(uniqueProfile());
    EXPECT_TRUE(removeSync(kc, QStringLiteral("never-written")).ok());
}

TEST(Keychain, ProfilesAreIsolated)
{
    Keychain a(uniqueProfile());
    Keychain b(uniqueProfile());
    ASSERT_TRUE(
        writeSync(a, QStringLiteral("apiSecret"), SecureBytes(QByteArrayView("alpha"))).ok());
    ASSERT_TRUE(
        writeSync(b, QStringLiteral("apiSecret"), SecureBytes(QByteArrayView("bravo"))).ok());
    EXPECT_EQ(readSync(a, QStringLiteral("apiSecret")).second, QByteArray("alpha"));
    EXPECT_EQ(readSync(b, QStringLiteral("apiSecret")).second, QByteArray("bravo"));
    removeSync(a, QStringLiteral("apiSecret"));
    removeSync(b, QStringLiteral("apiSecret"));
}

TEST(Keychain, CallbacksNeverRunInsideTheCall)
{
    Keychain kc(uniqueProfile());
    bool returned = false;
    bool calledBeforeReturn = false;
    bool called = false;
    kc.read(QStringLiteral("whatever"), [&](const KeychainError &, SecureBytes) {
        calledBeforeReturn = !returned;
        called = true;
    });
    returned = true;
    ASSERT_TRUE(waitUntil([&] { return called; }, 20000));
    EXPECT_FALSE(calledBeforeReturn);
}

// Runs only as a child of NoSecretServiceFailsFast, with a session bus that has no Secret Service.
TEST(KeychainChild, ReportsNoBackend)
{
    if (qEnvironmentVariableIsEmpty("AERODESK_KEYCHAIN_CHILD"))
        GTEST_SKIP() << "child-only test (run by Keychain.NoSecretServiceFailsFast)";
    Keychain kc(uniqueProfile());
    kc.setTimeoutMs(8000);
    const auto [error, bytes] = readSync(kc, QStringLiteral("apiSecret"));
    std::printf("KIND=%d\nMESSAGE=%s\n", int(error.kind), qPrintable(error.message));
    EXPECT_EQ(error.kind, KeychainError::Kind::NoBackend) << error.message.toStdString();
}

TEST(Keychain, NoSecretServiceFailsFastWithAClearMessage)
{
    // A fresh private bus with no service directories: nothing can provide (or be activated
    // as) org.freedesktop.secrets on it.
    aerodesk::test::BareSessionBus bus;
    QString busError;
    ASSERT_TRUE(bus.start(&busError)) << busError.toStdString();
    const QString address = bus.address();

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    env.insert(QStringLiteral("AERODESK_KEYCHAIN_CHILD"), QStringLiteral("1"));
    env.remove(QStringLiteral("DISPLAY"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                { QStringLiteral("--gtest_filter=KeychainChild.ReportsNoBackend") });
    const bool finished = child.waitForFinished(40000);
    if (!finished)
        child.kill();
    const QString out = QString::fromUtf8(child.readAll());
    ASSERT_TRUE(finished) << "the keychain hung with no Secret Service:\n" << out.toStdString();
    EXPECT_EQ(child.exitCode(), 0) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("KIND=2"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("Secret Service"))) << out.toStdString();
}

namespace {
/// The label the real Secret Service shows for an AeroDesk item, read back with
/// `secret-tool search --all` (what Seahorse shows as the item's name).
QString secretServiceLabel(const QString &qualifiedKey)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    EXPECT_FALSE(tool.isEmpty()) << "secret-tool not found: run scripts/install-deps.sh";
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(tool,
            { QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
              QStringLiteral("AeroDesk"), QStringLiteral("user"), qualifiedKey });
    if (!p.waitForFinished(15000)) {
        p.kill();
        ADD_FAILURE() << "secret-tool hung";
        return {};
    }
    QStringList labels;
    for (const QByteArray &line : p.readAll().split('\n'))
        if (line.startsWith("label = "))
            labels << QString::fromUtf8(line.mid(8));
    EXPECT_EQ(labels.size(), 1) << "items for " << qualifiedKey.toStdString();
    return labels.value(0);
}
} // namespace

// Issue 13, finding 9: every item showed as just "AeroDesk". Each one now has a descriptive label
// of its own — profile and what it holds — that never contains the secret or a userCode.
TEST(Keychain, EveryItemHasADescriptiveDistinctLabelWithoutTheSecret)
{
    const QString profile = uniqueProfile();
    Keychain kc(profile);
    const QByteArray apiKey = "ak-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QByteArray apiSecret = "as-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QByteArray userCode = QUuid::createUuid().toByteArray(QUuid::Id128);
    const QString codeEntry = QStringLiteral("userCode.partner-7");
    ASSERT_TRUE(writeSync(kc, QStringLiteral("apiKey"), SecureBytes(apiKey)).ok());
    ASSERT_TRUE(writeSync(kc, QStringLiteral("apiSecret"), SecureBytes(apiSecret)).ok());
    ASSERT_TRUE(writeSync(kc, codeEntry, SecureBytes(userCode)).ok());

    const QString keyLabel = secretServiceLabel(kc.qualifiedKey(QStringLiteral("apiKey")));
    const QString secretLabel = secretServiceLabel(kc.qualifiedKey(QStringLiteral("apiSecret")));
    const QString codeLabel = secretServiceLabel(kc.qualifiedKey(codeEntry));
    EXPECT_EQ(secretLabel, QStringLiteral("AeroDesk — %1: API secret").arg(profile));
    EXPECT_EQ(keyLabel, QStringLiteral("AeroDesk — %1: API key").arg(profile));
    EXPECT_TRUE(codeLabel.contains(profile) && codeLabel.contains(QLatin1String("partner-7")))
        << codeLabel.toStdString();
    EXPECT_NE(keyLabel, secretLabel);
    EXPECT_NE(secretLabel, codeLabel);
    for (const QString &label : { keyLabel, secretLabel, codeLabel }) {
        EXPECT_FALSE(label.contains(QString::fromLatin1(apiKey)) ||
                     label.contains(QString::fromLatin1(apiSecret)) ||
                     label.contains(QString::fromLatin1(userCode)))
            << "a label shows a secret: " << label.toStdString();
    }
    // Rewriting keeps the label; the attributes (and so every lookup) are unchanged.
    ASSERT_TRUE(writeSync(kc, QStringLiteral("apiSecret"), SecureBytes(apiKey)).ok());
    EXPECT_EQ(secretServiceLabel(kc.qualifiedKey(QStringLiteral("apiSecret"))), secretLabel);
    EXPECT_EQ(secretToolLookup(kc.qualifiedKey(QStringLiteral("apiSecret"))), 0);

    for (const QString &n : { QStringLiteral("apiKey"), QStringLiteral("apiSecret"), codeEntry })
        EXPECT_TRUE(removeSync(kc, n).ok());
}

// Team mode: the team store's PostgreSQL password (docs/team.md) is labelled for what it is,
// without the password, like the team key beside it.
TEST(Keychain, TheTeamStorePasswordHasItsOwnLabel)
{
    const QString profile = uniqueProfile();
    Keychain kc(profile);
    const QString entry = QString::fromLatin1(aerodesk::keychain::entries::kTeamStorePassword);
    const QByteArray password = "pw-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    ASSERT_TRUE(writeSync(kc, entry, SecureBytes(password)).ok());
    const QString label = secretServiceLabel(kc.qualifiedKey(entry));
    EXPECT_EQ(label, QStringLiteral("AeroDesk — %1: team store password").arg(profile));
    EXPECT_FALSE(label.contains(QString::fromLatin1(password)));
    EXPECT_TRUE(removeSync(kc, entry).ok());
}
