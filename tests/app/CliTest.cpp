// aerodesk-cli from the outside: the built executable run as a script would run it, against
// the real sandbox over HTTPS, the real keychain, real store files and ciphertexts made by the
// openssl CLI. Each case checks the exit code and the JSON on stdout.

#include "core/audit/AuditLog.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"
#include "core/webhooks/SignatureVerifier.h"
#include "tests/app/CliRunner.h"
#include "tests/core/api/ClientHarness.h"
#include "tests/core/crypto/OpenSslCli.h"
#include "tests/support/TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using aerodesk::test::cli;
using aerodesk::test::CliRun;
using aerodesk::test::errorField;
using aerodesk::test::str;
using aerodesk::test::waitUntil;

namespace {

QString randomProfile()
{
    return QStringLiteral("aerodesk-test-cli-%1").arg(QString::fromLatin1(crypto::Random::hex(6)));
}

bool writeSecret(keychain::Keychain &kc, const QString &name, const QByteArray &value)
{
    std::optional<keychain::KeychainError> e;
    kc.write(name, crypto::SecureBytes(QByteArrayView(value)),
             [&](const keychain::KeychainError &err) { e = err; });
    return waitUntil([&] { return e.has_value(); }, 20000) && e->ok();
}

QByteArray readSecret(keychain::Keychain &kc, const QString &name)
{
    std::optional<QByteArray> out;
    kc.read(name, [&](const keychain::KeychainError &e, crypto::SecureBytes v) {
        out = e.ok() ? QByteArray(v.toUtf8String().toUtf8()) : QByteArray();
    });
    waitUntil([&] { return out.has_value(); }, 20000);
    return out.value_or(QByteArray());
}

class CliOffline : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        ssl = new test::OpenSslCli;
        ssl->makeRsaKey(QStringLiteral("partner"));
    }
    static void TearDownTestSuite()
    {
        delete ssl;
        ssl = nullptr;
    }
    static QByteArray seal(const QByteArray &plain)
    {
        return crypto::Hex::encode(ssl->run(
            { QStringLiteral("pkeyutl"), QStringLiteral("-encrypt"), QStringLiteral("-pubin"),
              QStringLiteral("-inkey"), ssl->path(QStringLiteral("partner.spki.pem")),
              QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:oaep"),
              QStringLiteral("-pkeyopt"), QStringLiteral("rsa_oaep_md:sha1") },
            plain));
    }
    static test::OpenSslCli *ssl;
};
test::OpenSslCli *CliOffline::ssl = nullptr;

const QByteArray kConnect =
    R"({"retUrl":"https://eb.example.com/ret/c/1","userCode":"5f4dcc3b5aa765d61d8327deb882cf99"})";

} // namespace

TEST(Cli, HelpListsEveryCommandAndExitCodes)
{
    const CliRun r = cli({ QStringLiteral("--help") });
    EXPECT_EQ(r.exitCode, 0);
    for (const char *c : { "decrypt", "verify-webhook", "token", "accounts", "job", "connections",
                           "import-key", "eb-connect", "eb-silent-auth", "eb-status", "eb-users",
                           "eb-logout", "bundle", "audit" })
        EXPECT_TRUE(r.out.contains(c)) << c;
    EXPECT_TRUE(r.out.contains("Exit codes"));
    const CliRun v = cli({ QStringLiteral("--version") });
    EXPECT_EQ(v.exitCode, 0);
    EXPECT_TRUE(v.out.startsWith("aerodesk-cli "));
}

TEST(Cli, UsageErrorsExitTwoWithJson)
{
    const CliRun unknown = cli({ QStringLiteral("frobnicate") });
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_FALSE(unknown.json.value(QLatin1String("ok")).toBool(true));
    EXPECT_EQ(errorField(unknown, "kind"), QStringLiteral("usage"));
    const CliRun both = cli(
        { QStringLiteral("--production"), QStringLiteral("--sandbox"), QStringLiteral("token") });
    EXPECT_EQ(both.exitCode, 2);
    const CliRun noProfile = cli({ QStringLiteral("--production"), QStringLiteral("token") });
    EXPECT_EQ(noProfile.exitCode, 2);
    EXPECT_TRUE(errorField(noProfile, "message").contains(QLatin1String("--profile")));
    const CliRun badJob =
        cli({ QStringLiteral("job"), QStringLiteral("balances"), QStringLiteral("x") });
    EXPECT_EQ(badJob.exitCode, 2);
}

// Issue 13, finding 1: --base-url over plain http is refused (loopback too) with core's one
// specific message, before the keychain or the network is touched.
TEST(Cli, PlainHttpBaseUrlIsRefusedWithTheSpecificMessage)
{
    for (const char *url : { "http://127.0.0.1:9", "http://api.example.com" }) {
        const CliRun r =
            cli({ QStringLiteral("--base-url"), QString::fromLatin1(url),
                  QStringLiteral("--profile"), randomProfile(), QStringLiteral("token") });
        EXPECT_EQ(r.exitCode, 2) << url;
        EXPECT_EQ(errorField(r, "kind"), QStringLiteral("usage"));
        const QString message = errorField(r, "message");
        EXPECT_TRUE(message.contains(QLatin1String("only over TLS")) &&
                    message.contains(QLatin1String(url)))
            << message.toStdString();
    }
}

TEST_F(CliOffline, DecryptWithAKeyFileMasksTheUserCode)
{
    const QString hex = QString::fromLatin1(seal(kConnect));
    const QString keyFile = ssl->path(QStringLiteral("partner.pkcs8.pem"));
    const CliRun r = cli({ QStringLiteral("decrypt"), QStringLiteral("--key-file"), keyFile, hex });
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(str(r, "kind"), QStringLiteral("connect"));
    EXPECT_EQ(str(r, "retUrl"), QStringLiteral("https://eb.example.com/ret/c/1"));
    EXPECT_FALSE(r.out.contains("5f4dcc3b5aa765d61d8327deb882cf99")) << r.out.toStdString();
    EXPECT_TRUE(str(r, "userCode").contains(QLatin1String("hidden")));

    const CliRun revealed = cli({ QStringLiteral("decrypt"), QStringLiteral("--key-file"), keyFile,
                                  QStringLiteral("--reveal"), QStringLiteral("--reason"),
                                  QStringLiteral("ticket 15"), QStringLiteral("-") },
                                hex.toLatin1() + '\n');
    ASSERT_EQ(revealed.exitCode, 0) << revealed.err.toStdString();
    EXPECT_EQ(str(revealed, "userCode"), QStringLiteral("5f4dcc3b5aa765d61d8327deb882cf99"));
}

TEST_F(CliOffline, DecryptFailuresExitThreeWithTheirCode)
{
    const QString keyFile = ssl->path(QStringLiteral("partner.pkcs8.pem"));
    QByteArray hex = seal(kConnect);
    hex[10] = 'x';
    const CliRun bad = cli({ QStringLiteral("decrypt"), QStringLiteral("--key-file"), keyFile,
                             QString::fromLatin1(hex) });
    EXPECT_EQ(bad.exitCode, 3);
    EXPECT_EQ(errorField(bad, "code"), QStringLiteral("bad-hex"));
    EXPECT_EQ(
        bad.json.value(QLatin1String("error")).toObject().value(QLatin1String("position")).toInt(),
        10);
    EXPECT_FALSE(bad.err.isEmpty()) << "a sentence for people on stderr";

    const CliRun notJson = cli({ QStringLiteral("decrypt"), QStringLiteral("--key-file"), keyFile,
                                 QString::fromLatin1(seal("hello")) });
    EXPECT_EQ(notJson.exitCode, 3);
    EXPECT_EQ(errorField(notJson, "code"), QStringLiteral("not-json"));

    ssl->writeFile(QStringLiteral("junk.pem"), "not a key");
    const CliRun junkKey =
        cli({ QStringLiteral("decrypt"), QStringLiteral("--key-file"),
              ssl->path(QStringLiteral("junk.pem")), QString::fromLatin1(seal(kConnect)) });
    EXPECT_EQ(junkKey.exitCode, 3);
    EXPECT_EQ(errorField(junkKey, "kind"), QStringLiteral("key"));
}

TEST_F(CliOffline, ImportedKeyDecryptsFromTheKeychain)
{
    const QString profile = randomProfile();
    const CliRun missing = cli({ QStringLiteral("--profile"), profile, QStringLiteral("decrypt"),
                                 QString::fromLatin1(seal(kConnect)) });
    EXPECT_EQ(missing.exitCode, 4) << missing.out.toStdString();
    EXPECT_EQ(errorField(missing, "kind"), QStringLiteral("keychain"));

    const CliRun imported =
        cli({ QStringLiteral("--profile"), profile, QStringLiteral("import-key"),
              QStringLiteral("--partner"), ssl->path(QStringLiteral("partner.enc.pem")),
              QStringLiteral("--passphrase-file"), ssl->path(QStringLiteral("pass.txt")) });
    // No passphrase file yet: the import fails on the file, nothing is stored.
    EXPECT_EQ(imported.exitCode, 3);
    ssl->writeFile(QStringLiteral("pass.txt"), "correct horse\n");
    const CliRun ok =
        cli({ QStringLiteral("--profile"), profile, QStringLiteral("import-key"),
              QStringLiteral("--partner"), ssl->path(QStringLiteral("partner.enc.pem")),
              QStringLiteral("--passphrase-file"), ssl->path(QStringLiteral("pass.txt")) });
    ASSERT_EQ(ok.exitCode, 0) << ok.out.toStdString();

    const CliRun r =
        cli({ QStringLiteral("--profile"), profile, QStringLiteral("decrypt") }, seal(kConnect));
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString();
    EXPECT_EQ(str(r, "kind"), QStringLiteral("connect"));

    keychain::Keychain kc(profile);
    bool removed = false;
    kc.remove(QStringLiteral("eb.partnerPrivateKey"),
              [&](const keychain::KeychainError &) { removed = true; });
    waitUntil([&] { return removed; }, 10000);
}

TEST_F(CliOffline, VerifyWebhookGivesTheVerdictAndExitCode)
{
    const QByteArray body =
        R"({"data":{"status":"test"},"event":"test.event","merchant_id":"m","timestamp":1764054843})";
    ssl->writeFile(QStringLiteral("body.json"), body);
    ssl->writeFile(QStringLiteral("secret.txt"), "whsec-cli\n");
    const QString sig = QString::fromLatin1(webhooks::SignatureVerifier::sign(body, "whsec-cli"));
    const QStringList base { QStringLiteral("verify-webhook"), QStringLiteral("--body"),
                             ssl->path(QStringLiteral("body.json")),
                             QStringLiteral("--secret-file"),
                             ssl->path(QStringLiteral("secret.txt")) };
    const CliRun ok = cli(base + QStringList { QStringLiteral("--signature"), sig });
    EXPECT_EQ(ok.exitCode, 0) << ok.out.toStdString();
    EXPECT_EQ(str(ok, "verdict"), QStringLiteral("valid"));

    ssl->writeFile(QStringLiteral("body.json"),
                   QByteArray(body).replace("test.event", "test.evenT"));
    const CliRun tampered = cli(base + QStringList { QStringLiteral("--signature"), sig });
    EXPECT_EQ(tampered.exitCode, 1);
    EXPECT_NE(str(tampered, "verdict"), QStringLiteral("valid"));
    EXPECT_FALSE(str(tampered, "message").isEmpty());

    const CliRun noHeader = cli(base);
    EXPECT_EQ(noHeader.exitCode, 1);
    EXPECT_EQ(str(noHeader, "verdict"), QStringLiteral("header-missing"));
}

TEST_F(CliOffline, VerifyWebhookReadsTheSecretFromTheKeychain)
{
    const QString profile = randomProfile();
    keychain::Keychain kc(profile);
    ASSERT_TRUE(writeSecret(kc, QStringLiteral("webhookSecret.current"), "whsec-kc"));
    const QByteArray body = R"({"event":"test.event"})";
    ssl->writeFile(QStringLiteral("body2.json"), body);
    const CliRun r =
        cli({ QStringLiteral("--profile"), profile, QStringLiteral("verify-webhook"),
              QStringLiteral("--body"), ssl->path(QStringLiteral("body2.json")),
              QStringLiteral("--signature"),
              QString::fromLatin1(webhooks::SignatureVerifier::sign(body, "whsec-kc")) });
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();
    EXPECT_EQ(str(r, "secret"), QStringLiteral("current"));
    bool removed = false;
    kc.remove(QStringLiteral("webhookSecret.current"),
              [&](const keychain::KeychainError &) { removed = true; });
    waitUntil([&] { return removed; }, 10000);
}

TEST(CliStore, ConnectionsAreListedMaskedUnlessRevealed)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    const QString profile = randomProfile();
    keychain::Keychain kc(profile);
    store::StoreOpener opener(kc);
    std::optional<Result<std::shared_ptr<store::Store>, store::StoreError>> opened;
    opener.open(path, [&](auto r) { opened.emplace(std::move(r)); });
    ASSERT_TRUE(waitUntil([&] { return opened.has_value(); }, 20000));
    ASSERT_TRUE(opened->ok()) << opened->error().message.toStdString();
    connections::Connection c;
    c.connectionId = QStringLiteral("3f0c8a2e5a7b4c1d9e2f0a1b2c3d4e5f");
    c.aeroPassUserUuid = QStringLiteral("9b2d6a7e-1c3f-4e5a-8b9c-0d1e2f3a4b5c");
    c.bankName = QStringLiteral("Aerosync Bank (MFA)");
    c.connectionExpiry = QDateTime::currentDateTimeUtc().addDays(3);
    ASSERT_TRUE(opened->value()->connections().upsert(c).ok());
    opened.reset();

    const QStringList base { QStringLiteral("connections"), QStringLiteral("--store"), path,
                             QStringLiteral("--store-profile"), profile };
    const CliRun masked = cli(base);
    ASSERT_EQ(masked.exitCode, 0) << masked.out.toStdString();
    EXPECT_EQ(masked.json.value(QLatin1String("total")).toInt(), 1);
    EXPECT_FALSE(masked.out.contains("3f0c8a2e5a7b4c1d9e2f0a1b2c3d4e5f"));
    EXPECT_FALSE(masked.out.contains("9b2d6a7e-1c3f"));
    const QJsonObject row =
        masked.json.value(QLatin1String("connections")).toArray().first().toObject();
    EXPECT_EQ(row.value(QLatin1String("connectionId")).toString(), QStringLiteral("3f0c…4e5f"));
    EXPECT_EQ(row.value(QLatin1String("expiryBand")).toString(), QStringLiteral("within-7-days"));

    // A reveal needs its reason (issue 15) and is recorded in the audit log.
    const CliRun noReason = cli(base + QStringList { QStringLiteral("--reveal") });
    EXPECT_EQ(noReason.exitCode, 2);
    EXPECT_FALSE(noReason.out.contains("3f0c8a2e5a7b4c1d9e2f0a1b2c3d4e5f"));
    const CliRun revealed =
        cli(base +
            QStringList { QStringLiteral("--reveal"), QStringLiteral("--reason"),
                          QStringLiteral("ticket 12") });
    EXPECT_TRUE(revealed.out.contains("3f0c8a2e5a7b4c1d9e2f0a1b2c3d4e5f"));
    const CliRun audit = cli({ QStringLiteral("audit"), QStringLiteral("export"),
                               QStringLiteral("--store"), path, QStringLiteral("--store-profile"),
                               profile, QStringLiteral("--action"), QStringLiteral("reveal.id") });
    EXPECT_EQ(audit.exitCode, 0) << audit.err.toStdString();
    EXPECT_EQ(audit.out.trimmed().split('\n').size(), 2) << audit.out.toStdString();
    EXPECT_TRUE(audit.out.contains("\"ticket 12\""));

    const CliRun wrongProfile = cli({ QStringLiteral("connections"), QStringLiteral("--store"),
                                      path, QStringLiteral("--store-profile"), randomProfile() });
    EXPECT_EQ(wrongProfile.exitCode, 4) << wrongProfile.out.toStdString();
    const CliRun none = cli({ QStringLiteral("connections"), QStringLiteral("--store"),
                              dir.filePath(QStringLiteral("absent.sqlite")) });
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_EQ(none.json.value(QLatin1String("total")).toInt(), 0);
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("absent.sqlite"))))
        << "listing never creates a store";
}

// `bundle` (issue 15): the escalation bundle of a stored connection, its id read from stdin
// (never argv), masked unless --form provider, secrets never; unpacked with `unzip`.
TEST(CliStore, BundleWritesTheConnectionsRedactedZip)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    const QString profile = randomProfile();
    keychain::Keychain kc(profile);
    store::StoreOpener opener(kc);
    std::optional<Result<std::shared_ptr<store::Store>, store::StoreError>> opened;
    opener.open(path, [&](auto r) { opened.emplace(std::move(r)); });
    ASSERT_TRUE(waitUntil([&] { return opened.has_value(); }, 20000));
    ASSERT_TRUE(opened->ok()) << opened->error().message.toStdString();
    const QString id = QStringLiteral("3f0c8a2e5a7b4c1d9e2f0a1b2c3d4e5f");
    connections::Connection c;
    c.connectionId = id;
    c.aeroPassUserUuid = QStringLiteral("9b2d6a7e-1c3f-4e5a-8b9c-0d1e2f3a4b5c");
    c.bankName = QStringLiteral("Aerosync Bank (MFA)");
    ASSERT_TRUE(opened->value()->connections().upsert(c).ok());
    ASSERT_TRUE(opened->value()
                    ->history()
                    .record(id,
                            { QDateTime::currentDateTimeUtc(),
                              QStringLiteral("job"),
                              { { "state", "COMPLETED" }, { "token", "tok-never-in-a-bundle" } } })
                    .ok());
    opened.reset();

    const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip"));
    ASSERT_FALSE(unzip.isEmpty()) << "unzip missing: run scripts/install-deps.sh";
    auto entry = [&](const QString &zip, const QString &name) {
        QProcess p;
        p.start(unzip, { QStringLiteral("-p"), zip, name });
        EXPECT_TRUE(p.waitForFinished(10000));
        EXPECT_EQ(p.exitCode(), 0) << name.toStdString();
        return p.readAllStandardOutput();
    };
    const QStringList base { QStringLiteral("bundle"),
                             QStringLiteral("--store"),
                             path,
                             QStringLiteral("--store-profile"),
                             profile,
                             QStringLiteral("--ids-file"),
                             QStringLiteral("-"),
                             QStringLiteral("--output") };

    const QString masked = dir.filePath(QStringLiteral("masked.zip"));
    const CliRun m = cli(base + QStringList { masked }, id.toUtf8() + "\n");
    ASSERT_EQ(m.exitCode, 0) << m.out.toStdString() << m.err.toStdString();
    EXPECT_FALSE(m.out.contains(id.toUtf8())) << "the id is masked in the output";
    EXPECT_EQ(str(m, "form"), QStringLiteral("masked"));
    EXPECT_EQ(m.json.value(QLatin1String("files")).toArray().size(), 5);
    const QByteArray state = entry(masked, QStringLiteral("connection.json"));
    EXPECT_TRUE(state.contains("Aerosync Bank (MFA)"));
    EXPECT_FALSE(state.contains(id.toUtf8()));
    EXPECT_TRUE(state.contains("3f0c\xE2\x80\xA6"
                               "4e5f"));
    const QByteArray timeline = entry(masked, QStringLiteral("timeline.json"));
    EXPECT_TRUE(timeline.contains("COMPLETED"));
    EXPECT_FALSE(timeline.contains("tok-never-in-a-bundle"));

    const QString provider = dir.filePath(QStringLiteral("provider.zip"));
    const CliRun p =
        cli(base + QStringList { provider, QStringLiteral("--form"), QStringLiteral("provider") },
            id.toUtf8() + "\n");
    ASSERT_EQ(p.exitCode, 0) << p.out.toStdString();
    EXPECT_TRUE(entry(provider, QStringLiteral("connection.json")).contains(id.toUtf8()));
    EXPECT_FALSE(
        entry(provider, QStringLiteral("timeline.json")).contains("tok-never-in-a-bundle"));

    // The id on argv is refused; an unknown form is a usage error.
    const CliRun argv = cli({ QStringLiteral("bundle"), QStringLiteral("--output"), masked, id });
    EXPECT_EQ(argv.exitCode, 2);
    const CliRun badForm =
        cli(base + QStringList { masked, QStringLiteral("--form"), QStringLiteral("plain") },
            id.toUtf8() + "\n");
    EXPECT_EQ(badForm.exitCode, 2);

    // The act is audited: each bundle written is exactly one `export` record in the store's
    // audit log, on the connection (its blind index); a refused command records nothing.
    store::StoreOpener reopen(kc);
    reopen.open(path, [&](auto r) { opened.emplace(std::move(r)); });
    ASSERT_TRUE(waitUntil([&] { return opened.has_value(); }, 20000));
    ASSERT_TRUE(opened->ok()) << opened->error().message.toStdString();
    const audit::AuditLog log(*opened->value());
    auto all = log.read();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2);
    for (const audit::AuditRecord &r : all.value()) {
        EXPECT_EQ(r.action, audit::AuditAction::Export);
        EXPECT_EQ(r.connectionRef, log.connectionRef(id));
        EXPECT_FALSE(r.object.contains(id)) << r.object.toStdString();
    }
    EXPECT_TRUE(all->first().object.contains(QStringLiteral("(masked)")))
        << all->first().object.toStdString();
    EXPECT_TRUE(all->last().object.contains(QStringLiteral("(provider)")))
        << all->last().object.toStdString();
}

class CliSandbox : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.start());
        ASSERT_TRUE(certDir.isValid());
        QFile f(certDir.filePath(QStringLiteral("sandbox.pem")));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(h.sandbox.endpoint().certPem);
    }
    QStringList env() const
    {
        return { QStringLiteral("--base-url"), h.sandbox.endpoint().baseUrl.toString(),
                 QStringLiteral("--cert"),     certDir.filePath(QStringLiteral("sandbox.pem")),
                 QStringLiteral("--profile"),  h.profile };
    }
    test::ClientHarness h;
    QTemporaryDir certDir;
};

TEST_F(CliSandbox, TokenIsMaskedUnlessRevealed)
{
    const CliRun r = cli(env() + QStringList { QStringLiteral("token") });
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(str(r, "token").contains(QLatin1String("hidden")));
    EXPECT_GT(r.json.value(QLatin1String("refreshInSeconds")).toInt(), 0);
    const CliRun revealed =
        cli(env() + QStringList { QStringLiteral("token"), QStringLiteral("--reveal") });
    ASSERT_EQ(revealed.exitCode, 0);
    EXPECT_GT(str(revealed, "token").size(), 20);
    EXPECT_FALSE(str(revealed, "token").contains(QLatin1String("hidden")));
    EXPECT_FALSE(r.out.contains(str(revealed, "token").mid(6).toLatin1()))
        << "the masked form shows 6 characters at most";
}

TEST_F(CliSandbox, AccountsAndJobsOnALinkedConnection)
{
    const QString id = h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(id.isEmpty()) << h.sandbox.lastError().toStdString();
    const QByteArray idLine = id.toLatin1() + '\n'; // ids on stdin, never argv
    const CliRun acc = cli(env() +
                               QStringList { QStringLiteral("accounts"),
                                             QStringLiteral("--ids-file"), QStringLiteral("-") },
                           idLine);
    ASSERT_EQ(acc.exitCode, 0) << acc.out.toStdString();
    EXPECT_FALSE(str(acc, "bankName").isEmpty());
    EXPECT_FALSE(acc.out.contains(id.toLatin1())) << "ids are masked by default";

    const CliRun job = cli(env() +
                               QStringList { QStringLiteral("job"), QStringLiteral("balance"),
                                             QStringLiteral("--ids-file"), QStringLiteral("-") },
                           idLine);
    ASSERT_EQ(job.exitCode, 0) << job.out.toStdString() << job.err.toStdString();
    EXPECT_EQ(str(job, "outcome"), QStringLiteral("completed"));
    EXPECT_TRUE(job.json.contains(QLatin1String("balance")));
    EXPECT_TRUE(job.err.contains(QLatin1String("poll")))
        << "progress goes to stderr: " << job.err.toStdString();

    const CliRun unknown =
        cli(env() +
                QStringList { QStringLiteral("accounts"), QStringLiteral("--ids-file"),
                              QStringLiteral("-") },
            "00000000000000000000000000000000\n");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_EQ(errorField(unknown, "code"), QStringLiteral("AC-102"));
}

// Issue 13, finding 5: a connection id on argv (readable in /proc/<pid>/cmdline, kept in shell
// history) is refused with how to pass it; --ids-file FILE and --ids-file - (stdin) work.
TEST_F(CliSandbox, ConnectionIdsAreRefusedOnArgvAndReadFromAFileOrStdin)
{
    const QString id = h.sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(id.isEmpty()) << h.sandbox.lastError().toStdString();
    for (const QStringList &argvForm :
         { QStringList { QStringLiteral("accounts"), id },
           QStringList { QStringLiteral("job"), QStringLiteral("balance"), id } }) {
        const CliRun refused = cli(env() + argvForm);
        EXPECT_EQ(refused.exitCode, 2) << refused.out.toStdString();
        EXPECT_EQ(errorField(refused, "kind"), QStringLiteral("usage"));
        EXPECT_TRUE(errorField(refused, "message").contains(QLatin1String("--ids-file -")))
            << refused.out.toStdString();
        EXPECT_FALSE(refused.out.contains(id.toLatin1()) || refused.err.contains(id))
            << "the refusal never repeats the id";
    }
    const CliRun noId = cli(env() + QStringList { QStringLiteral("accounts") });
    EXPECT_EQ(noId.exitCode, 2);
    EXPECT_TRUE(errorField(noId, "message").contains(QLatin1String("--ids-file")));

    const CliRun fromStdin =
        cli(env() +
                QStringList { QStringLiteral("accounts"), QStringLiteral("--ids-file"),
                              QStringLiteral("-") },
            "  " + id.toLatin1() + "  \n\n");
    ASSERT_EQ(fromStdin.exitCode, 0) << fromStdin.out.toStdString();
    EXPECT_FALSE(str(fromStdin, "bankName").isEmpty());

    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("ids.txt")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(id.toLatin1() + '\n');
    f.close();
    const CliRun fromFile =
        cli(env() +
            QStringList { QStringLiteral("accounts"), QStringLiteral("--ids-file"), f.fileName() });
    ASSERT_EQ(fromFile.exitCode, 0) << fromFile.out.toStdString();
    EXPECT_EQ(str(fromFile, "bankName"), str(fromStdin, "bankName"));

    const CliRun two = cli(env() +
                               QStringList { QStringLiteral("accounts"),
                                             QStringLiteral("--ids-file"), QStringLiteral("-") },
                           id.toLatin1() + '\n' + id.toLatin1() + '\n');
    EXPECT_EQ(two.exitCode, 3) << two.out.toStdString();
}

TEST_F(CliSandbox, MissingCredentialsAndUnreachableHostsHaveTheirExitCodes)
{
    QStringList noCreds = env();
    noCreds[noCreds.indexOf(h.profile)] = randomProfile();
    const CliRun creds = cli(noCreds + QStringList { QStringLiteral("token") });
    EXPECT_EQ(creds.exitCode, 4) << creds.out.toStdString();

    QStringList closed = env();
    closed[1] = QStringLiteral("https://127.0.0.1:1");
    const CliRun down = cli(closed +
                            QStringList { QStringLiteral("--timeout-ms"), QStringLiteral("3000"),
                                          QStringLiteral("token") });
    EXPECT_EQ(down.exitCode, 5) << down.out.toStdString();
}

TEST(CliBuiltIn, TokenAgainstTheBundledSandbox)
{
    const CliRun r = cli({ QStringLiteral("--sandbox"), QStringLiteral("token") });
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_EQ(str(r, "environment"), QStringLiteral("Built-in sandbox"));
    EXPECT_TRUE(str(r, "baseUrl").startsWith(QLatin1String("https://127.0.0.1:")));
}

// Issue 13, finding 2: `--profile X` with no environment option never starts the bundled sandbox
// into X — X's apiKey/apiSecret (say, production's) stay as they were, and the run is refused
// (exit 2) with a message naming the missing option.
TEST(CliBuiltIn, ProfileWithoutAnEnvironmentIsRefusedAndItsSecretsAreKept)
{
    const QString profile = randomProfile();
    keychain::Keychain kc(profile);
    const QByteArray apiKey = "prod-key-" + crypto::Random::hex(8);
    const QByteArray apiSecret = "prod-secret-" + crypto::Random::hex(16);
    ASSERT_TRUE(writeSecret(kc, QStringLiteral("apiKey"), apiKey));
    ASSERT_TRUE(writeSecret(kc, QStringLiteral("apiSecret"), apiSecret));

    for (const QStringList &args :
         { QStringList { QStringLiteral("--profile"), profile, QStringLiteral("token") },
           QStringList { QStringLiteral("--profile"), profile, QStringLiteral("--sandbox"),
                         QStringLiteral("token") },
           QStringList { QStringLiteral("--profile"), profile, QStringLiteral("eb-logout"),
                         QStringLiteral("--user"), QStringLiteral("u1") } }) {
        const CliRun r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(QLatin1Char(' ')).toStdString() << ": "
                                 << r.out.toStdString();
        EXPECT_EQ(errorField(r, "kind"), QStringLiteral("environment"));
        const QString message = errorField(r, "message");
        EXPECT_TRUE(message.contains(QLatin1String("--base-url")) &&
                    message.contains(QLatin1String("--production")) && message.contains(profile))
            << message.toStdString();
        EXPECT_EQ(readSecret(kc, QStringLiteral("apiKey")), apiKey) << "X's apiKey was replaced";
        EXPECT_EQ(readSecret(kc, QStringLiteral("apiSecret")), apiSecret)
            << "X's apiSecret was replaced by the sandbox's throwaway one";
    }

    int pending = 2;
    for (const char *n : { "apiKey", "apiSecret" })
        kc.remove(QString::fromLatin1(n), [&](const keychain::KeychainError &) { --pending; });
    waitUntil([&] { return pending == 0; }, 10000);
}
