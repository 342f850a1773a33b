// Secret hygiene (issue 13): the console runs its full scripted tour — every sandbox walkthrough
// (three banks, embedded banking from connect to logout), a decrypted payload, a verified
// webhook delivery, a screenshot of every panel — on its built-in sandbox, in a private home.
// Afterwards every secret of the run is searched, raw, as hex and as base64 (at each of the
// three byte alignments), in every file written under that home (store, settings, diagnostic
// log, screenshots, temporary files), in the console's stdout and stderr, and in the
// /proc/<pid>/cmdline of the console and of every process it started. Zero hits.
//
// The secrets: what the keychain holds after the run (API key and secret, webhook secrets, the
// partner's private key, the store's data key) and what the sandbox handed out during it (API
// and widget tokens, userCodes), which the sandbox lists in a file outside the home
// (AERODESK_SANDBOX_ISSUED_SECRETS, emulator/IssuedSecretsLog).
#include "SecretSearch.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "tests/support/TestPaths.h"
#include "tests/support/Wait.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <gtest/gtest.h>
#include <optional>

namespace {

using aerodesk::crypto::SecureBytes;
using aerodesk::keychain::Keychain;
using aerodesk::keychain::KeychainError;
namespace entries = aerodesk::keychain::entries;

using aerodesk::test::filesUnder;
using aerodesk::test::hits;
using aerodesk::test::Place;
using aerodesk::test::Secret;

std::optional<QByteArray> readKeychain(const QString &profile, const QString &name)
{
    Keychain kc(profile);
    std::optional<KeychainError> error;
    SecureBytes value;
    kc.read(name, [&](const KeychainError &e, SecureBytes v) {
        error = e;
        value = std::move(v);
    });
    if (!aerodesk::test::waitUntil([&] { return error.has_value(); }, 20000) || !error->ok())
        return std::nullopt;
    return QByteArray(value.constChar(), qsizetype(value.size()));
}

/// Every process whose parent is in `known`, added to it, with its command line.
void collectDescendants(QSet<qint64> &known, QMap<qint64, QByteArray> &cmdlines)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : pids) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok || known.contains(pid))
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces; ppid follows the last ')'.
        const QList<QByteArray> rest = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (rest.size() < 2 || !known.contains(rest.at(1).toLongLong()))
            continue;
        known.insert(pid);
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly))
            cmdlines[pid] = cmdline.readAll();
    }
}

TEST(SecretHygiene, NoSecretOfAFullWalkthroughRunIsInAnythingTheConsoleWrote)
{
    QTemporaryDir home;
    QTemporaryDir outside; // the sandbox's list of issued secrets: not searched
    ASSERT_TRUE(home.isValid() && outside.isValid());
    const QString issuedPath = outside.filePath(QStringLiteral("issued.hex"));
    for (const char *dir : { "data", "config", "cache", "state", "tmp", "shots" })
        ASSERT_TRUE(QDir(home.path()).mkpath(QLatin1String(dir)));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("TMPDIR"), home.filePath(QStringLiteral("tmp")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("AERODESK_SANDBOX_ISSUED_SECRETS"), issuedPath);
    // Everything the console logs, at every level, goes to its stderr and the diagnostic log.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("aerodesk.*=true"));

    QProcess console;
    console.setProcessEnvironment(env);
    console.start(aerodesk::test::executable(QStringLiteral("aerodesk")),
                  { QStringLiteral("--screenshot-tour"), home.filePath(QStringLiteral("shots")) });
    ASSERT_TRUE(console.waitForStarted(10000));
    QSet<qint64> family { console.processId() };
    QMap<qint64, QByteArray> cmdlines;
    {
        QFile self(QStringLiteral("/proc/%1/cmdline").arg(console.processId()));
        if (self.open(QIODevice::ReadOnly))
            cmdlines[console.processId()] = self.readAll();
    }
    QElapsedTimer clock;
    clock.start();
    while (console.state() != QProcess::NotRunning && clock.elapsed() < 240000) {
        collectDescendants(family, cmdlines);
        console.waitForFinished(50);
    }
    if (console.state() != QProcess::NotRunning) {
        console.kill();
        console.waitForFinished(5000);
        FAIL() << "the tour did not finish within 240 s";
    }
    const QByteArray out = console.readAllStandardOutput();
    const QByteArray err = console.readAllStandardError();
    ASSERT_EQ(console.exitCode(), 0) << err.right(4000).toStdString();
    ASSERT_GE(cmdlines.size(), 2) << "the built-in sandbox child was not seen";

    // The secrets of the run.
    QList<Secret> secrets;
    const QString builtIn = QString::fromLatin1(entries::kBuiltInProfile);
    for (const char *name : { entries::kApiKey, entries::kApiSecret, entries::kWebhookSecretCurrent,
                              entries::kWebhookSecretPrevious, entries::kPartnerPrivateKey }) {
        if (auto value = readKeychain(builtIn, QString::fromLatin1(name));
            value && !value->isEmpty())
            secrets << Secret { QStringLiteral("keychain %1").arg(QLatin1String(name)), *value };
    }
    if (auto key = readKeychain(QString::fromLatin1(entries::kStoreProfile),
                                QString::fromLatin1(entries::kStoreKey)))
        secrets << Secret { QStringLiteral("keychain storeKey"), *key };
    QFile issued(issuedPath);
    ASSERT_TRUE(issued.open(QIODevice::ReadOnly)) << "the sandbox listed no issued secret";
    int n = 0;
    int issuedCount = 0;
    for (const QByteArray &line : issued.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        secrets << Secret { QStringLiteral("issued #%1").arg(++n), QByteArray::fromHex(line) };
        ++issuedCount;
    }
    // apiKey + apiSecret, an API token, a widget token per link (3 walkthroughs + MFA
    // relaunches), a userCode for the embedded walkthrough.
    EXPECT_GE(issuedCount, 7);
    EXPECT_GE(secrets.size(), issuedCount + 3) << "the keychain held too little of the run";

    QList<Place> places = filesUnder(home.path());
    EXPECT_GE(places.size(), 4) << "the console wrote almost nothing: the search means little";
    places << Place { QStringLiteral("the console's stdout"), out }
           << Place { QStringLiteral("the console's stderr"), err };
    for (auto it = cmdlines.cbegin(); it != cmdlines.cend(); ++it)
        places << Place { QStringLiteral("/proc/%1/cmdline").arg(it.key()), it.value() };

    // The search finds what is there: a planted copy of one secret (hex) is reported.
    const QList<Place> planted { Place { QStringLiteral("planted"),
                                         "x" + secrets.first().value.toHex() + "y" } };
    EXPECT_FALSE(hits({ secrets.first() }, planted).isEmpty());

    QStringList kinds;
    for (const Secret &secret : secrets)
        kinds << secret.what;
    std::fprintf(stderr, "searched %d secret(s) [%s] in %d place(s)\n", int(secrets.size()),
                 qPrintable(kinds.join(QStringLiteral(", "))), int(places.size()));
    const QStringList found = hits(secrets, places);
    EXPECT_TRUE(found.isEmpty()) << found.size() << " hit(s):\n"
                                 << found.join(QLatin1Char('\n')).toStdString();
}

} // namespace
