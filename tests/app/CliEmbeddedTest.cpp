// aerodesk-cli's embedded-banking commands from the outside (issue 11, item 9): the built
// executable against a real sandbox over HTTPS (--base-url/--cert/--profile), the real keychain,
// and — for "storage made to fail" — a session bus with no Secret Service at all. The sandbox's
// own /sandbox/eb/state (read here with the test's client) is the judge of what reached it.

#include "core/audit/AuditTrail.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Random.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"
#include "core/store/UserCodeVault.h"
#include "core/util/Clock.h"
#include "tests/app/CliRunner.h"
#include "tests/core/api/ClientHarness.h"
#include "tests/core/crypto/OpenSslCli.h"
#include "tests/support/BareSessionBus.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

using namespace aerodesk;
using aerodesk::embedded::EmulatorEventSource;
using aerodesk::test::cli;
using aerodesk::test::CliRun;
using aerodesk::test::errorField;
using aerodesk::test::str;
using aerodesk::test::waitUntil;

namespace {

QString uniqueUser(const char *prefix)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(prefix),
                                       QString::fromLatin1(crypto::Random::hex(3)));
}

class CliEmbedded : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.start());
        ASSERT_TRUE(dir.isValid());
        QFile cert(dir.filePath(QStringLiteral("sandbox.pem")));
        ASSERT_TRUE(cert.open(QIODevice::WriteOnly));
        cert.write(h.sandbox.endpoint().certPem);
        cert.close();
        client = h.makeClient(clock);
        events = std::make_unique<EmulatorEventSource>(*client);
        keys = std::make_unique<embedded::EmbeddedKeyStore>(*h.keychain);
        std::optional<QString> installed;
        events->installSandboxKeys(*keys, [&](const QString &e) { installed = e; });
        ASSERT_TRUE(waitUntil([&] { return installed.has_value(); }, 30000));
        ASSERT_TRUE(installed->isEmpty()) << installed->toStdString();
    }
    void TearDown() override
    {
        if (!h.keychain)
            return;
        QStringList names { QStringLiteral("eb.partnerPrivateKey"),
                            QStringLiteral("eb.providerPublicKey"),
                            QStringLiteral("eb.partnerUsers") };
        for (const QString &u : std::as_const(usersToForget))
            names << store::UserCodeVault::keyName(u);
        int pending = int(names.size());
        for (const QString &n : names)
            h.keychain->remove(n, [&](const keychain::KeychainError &) { --pending; });
        waitUntil([&] { return pending == 0; }, 20000);
    }

    QStringList env() const
    {
        return { QStringLiteral("--base-url"), h.sandbox.endpoint().baseUrl.toString(),
                 QStringLiteral("--cert"),     dir.filePath(QStringLiteral("sandbox.pem")),
                 QStringLiteral("--profile"),  h.profile };
    }
    CliRun run(const QStringList &args, const QByteArray &input = {},
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        return cli(env() + args, input, 90000, environment);
    }
    /// A fresh event from the sandbox for `user` (connect or silent authentication), as hex.
    QByteArray event(bool connect, const QString &user)
    {
        if (connect && !usersToForget.contains(user))
            usersToForget << user;
        std::optional<Result<EmulatorEventSource::SampleEvent, api::ApiError>> r;
        auto done = [&](Result<EmulatorEventSource::SampleEvent, api::ApiError> e) {
            r.emplace(std::move(e));
        };
        if (connect)
            events->connectEvent(user, done);
        else
            events->authEvent(user, done);
        if (!waitUntil([&] { return r.has_value(); }, 20000) || !r->ok()) {
            ADD_FAILURE() << "no sandbox event for " << user.toStdString();
            return {};
        }
        return r->value().payloadHex;
    }
    QJsonObject sandboxState()
    {
        std::optional<Result<QJsonObject, api::ApiError>> r;
        events->state([&](Result<QJsonObject, api::ApiError> s) { r.emplace(std::move(s)); });
        if (!waitUntil([&] { return r.has_value(); }, 20000) || !r->ok()) {
            ADD_FAILURE() << "no sandbox state";
            return {};
        }
        return r->value();
    }
    QJsonObject sandboxUser(const QString &user)
    {
        return EmulatorEventSource::sandboxUserState(sandboxState(), user);
    }
    keychain::KeychainError::Kind userCodeState(const QString &user)
    {
        std::optional<keychain::KeychainError> e;
        store::UserCodeVault(*h.keychain)
            .load(user, [&](const keychain::KeychainError &err, crypto::SecureBytes) { e = err; });
        waitUntil([&] { return e.has_value(); }, 20000);
        return e ? e->kind : keychain::KeychainError::Kind::Other;
    }
    /// The sandbox's partner private key as a PEM file (for --key).
    QString partnerKeyFile()
    {
        const auto keysReply =
            h.sandbox.request("GET", QStringLiteral("/sandbox/eb/keys"), {}, h.sandbox.bearer());
        const QString path = dir.filePath(QStringLiteral("partner.pem"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(keysReply.json.value(QLatin1String("partnerPrivateKeyPem")).toString().toUtf8());
        return path;
    }

    test::ClientHarness h;
    SystemClock clock;
    QTemporaryDir dir;
    std::unique_ptr<api::ApiClient> client;
    std::unique_ptr<EmulatorEventSource> events;
    std::unique_ptr<embedded::EmbeddedKeyStore> keys;
    QStringList usersToForget;
};

} // namespace

TEST_F(CliEmbedded, TwoUsersSilentAuthForBThenLogoutB)
{
    const QString a = uniqueUser("cli-a");
    const QString b = uniqueUser("cli-b");
    for (const QString &u : { a, b }) {
        const CliRun c = run({ QStringLiteral("eb-connect"), QStringLiteral("--user"), u,
                               QString::fromLatin1(event(true, u)) });
        ASSERT_EQ(c.exitCode, 0) << c.out.toStdString() << c.err.toStdString();
        EXPECT_EQ(str(c, "result"), QStringLiteral("answered"));
        EXPECT_EQ(str(c, "statusSent"), QStringLiteral("OK"));
        EXPECT_EQ(c.json.value(QLatin1String("httpStatus")).toInt(), 204);
        EXPECT_TRUE(c.json.value(QLatin1String("codeStored")).toBool());
        EXPECT_EQ(userCodeState(u), keychain::KeychainError::Kind::None) << "code stored";
    }

    // B's silent authentication: the sandbox decrypts the reply and checks it is B's code.
    const CliRun s = run({ QStringLiteral("eb-silent-auth"), QStringLiteral("--user"), b,
                           QString::fromLatin1(event(false, b)) });
    ASSERT_EQ(s.exitCode, 0) << s.out.toStdString() << s.err.toStdString();
    EXPECT_EQ(s.json.value(QLatin1String("httpStatus")).toInt(), 204);
    EXPECT_EQ(sandboxUser(b).value(QLatin1String("state")).toString(),
              QStringLiteral("authenticated"));
    EXPECT_EQ(sandboxUser(a).value(QLatin1String("state")).toString(), QStringLiteral("connected"))
        << "A's session is untouched";

    const CliRun users = run({ QStringLiteral("eb-users") });
    ASSERT_EQ(users.exitCode, 0) << users.out.toStdString();
    QStringList ids;
    for (const QJsonValue &row : users.json.value(QLatin1String("users")).toArray()) {
        ids << row.toObject().value(QLatin1String("id")).toString();
        EXPECT_EQ(row.toObject().value(QLatin1String("state")).toString(),
                  QStringLiteral("connected"));
    }
    EXPECT_TRUE(ids.contains(a) && ids.contains(b)) << users.out.toStdString();
    EXPECT_FALSE(users.out.toLower().contains("usercode\":")) << "no code in the listing";

    // A second connect for a connected user needs --yes.
    const QByteArray again = event(true, a);
    const CliRun unconfirmed = run(
        { QStringLiteral("eb-connect"), QStringLiteral("--user"), a, QString::fromLatin1(again) });
    EXPECT_EQ(unconfirmed.exitCode, 1) << unconfirmed.out.toStdString();
    EXPECT_EQ(str(unconfirmed, "result"), QStringLiteral("confirm"));
    EXPECT_TRUE(str(unconfirmed, "message").contains(QLatin1String("already connected")));
    const CliRun confirmed = run({ QStringLiteral("eb-connect"), QStringLiteral("--user"), a,
                                   QStringLiteral("--yes"), QString::fromLatin1(again) });
    EXPECT_EQ(confirmed.exitCode, 0) << confirmed.out.toStdString();

    const CliRun out = run({ QStringLiteral("eb-logout"), QStringLiteral("--user"), b });
    ASSERT_EQ(out.exitCode, 0) << out.out.toStdString() << out.err.toStdString();
    EXPECT_TRUE(out.json.value(QLatin1String("codeRemoved")).toBool());
    EXPECT_EQ(userCodeState(b), keychain::KeychainError::Kind::NotFound);
    EXPECT_EQ(userCodeState(a), keychain::KeychainError::Kind::None) << "only B's code goes";
    const QJsonObject bState = sandboxUser(b);
    EXPECT_EQ(bState.value(QLatin1String("state")).toString(), QStringLiteral("logged-out"));
    EXPECT_FALSE(bState.value(QLatin1String("hasUserCode")).toBool(true));

    // B has no code now: a silent authentication cannot be answered OK.
    const CliRun noCode = run({ QStringLiteral("eb-silent-auth"), QStringLiteral("--user"), b,
                                QString::fromLatin1(event(false, a)) });
    EXPECT_EQ(noCode.exitCode, 1) << noCode.out.toStdString();
    EXPECT_EQ(str(noCode, "result"), QStringLiteral("not-sent"));
    EXPECT_TRUE(str(noCode, "statusSent").isEmpty());
}

TEST_F(CliEmbedded, StatusIsSentAndRecorded)
{
    const QString u = uniqueUser("cli-status");
    const CliRun r =
        run({ QStringLiteral("eb-status"), QStringLiteral("--user"), u, QStringLiteral("--status"),
              QStringLiteral("SESSION_EXPIRED"), QString::fromLatin1(event(true, u)) });
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_EQ(str(r, "statusSent"), QStringLiteral("SESSION_EXPIRED"));
    EXPECT_EQ(r.json.value(QLatin1String("httpStatus")).toInt(), 400);
    EXPECT_EQ(str(r, "code"), QStringLiteral("EB-400-STATUS"));
    EXPECT_FALSE(r.json.value(QLatin1String("codeStored")).toBool());

    const CliRun bad =
        run({ QStringLiteral("eb-status"), QStringLiteral("--user"), u, QStringLiteral("--status"),
              QStringLiteral("OK"), QString::fromLatin1(event(true, u)) });
    EXPECT_EQ(bad.exitCode, 2) << "OK is not a status for eb-status: " << bad.out.toStdString();
}

TEST_F(CliEmbedded, WrappedAndPrefixedPayloadIsAccepted)
{
    const QString u = uniqueUser("cli-wrap");
    const QByteArray hex = event(true, u);
    QByteArray wrapped = "0x";
    for (qsizetype i = 0; i < hex.size(); i += 64)
        wrapped += hex.mid(i, 64) + "\n  ";
    const CliRun r =
        run({ QStringLiteral("eb-connect"), QStringLiteral("--user"), u, QStringLiteral("-") },
            wrapped);
    ASSERT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    const QJsonObject note = r.json.value(QLatin1String("hexInput")).toObject();
    EXPECT_TRUE(note.value(QLatin1String("normalised")).toBool());
    EXPECT_TRUE(note.value(QLatin1String("note")).toString().contains(QLatin1String("0x")))
        << r.out.toStdString();

    // A stray character is still refused with its position (after "0x" and the first line).
    QByteArray stray = wrapped;
    stray[70] = 'g';
    const CliRun bad = run(
        { QStringLiteral("eb-connect"), QStringLiteral("--user"), u, QStringLiteral("-") }, stray);
    EXPECT_EQ(bad.exitCode, 3);
    EXPECT_EQ(errorField(bad, "code"), QStringLiteral("bad-hex"));
    EXPECT_EQ(
        bad.json.value(QLatin1String("error")).toObject().value(QLatin1String("position")).toInt(),
        70);
}

// Issue 13, finding 4: a wrong key, PKCS#1 v1.5 and OAEP-SHA-256 give the byte-identical answer
// (exit code, stdout, stderr) — no padding oracle for scripts — and --diagnose no longer exists.
TEST_F(CliEmbedded, DecryptFailuresAreOneIdenticalAnswerAndDiagnoseIsUnknown)
{
    test::OpenSslCli ssl;
    ASSERT_TRUE(ssl.ok());
    ssl.makeRsaKey(QStringLiteral("other"));
    const QString otherKey = ssl.path(QStringLiteral("other.pkcs8.pem"));
    const QString u = uniqueUser("cli-diag");
    const QString hex = QString::fromLatin1(event(true, u)); // encrypted to the sandbox's key
    const auto keysReply =
        h.sandbox.request("GET", QStringLiteral("/sandbox/eb/keys"), {}, h.sandbox.bearer());
    ssl.writeFile(QStringLiteral("partner.pem"),
                  keysReply.json.value(QLatin1String("partnerPrivateKeyPem")).toString().toUtf8());
    ssl.run({ QStringLiteral("pkey"), QStringLiteral("-in"),
              ssl.path(QStringLiteral("partner.pem")), QStringLiteral("-pubout"),
              QStringLiteral("-out"), ssl.path(QStringLiteral("partner.spki.pem")) });
    const QByteArray plain =
        R"({"retUrl":"https://127.0.0.1/x","userCode":"00112233445566778899aabbccddeeff"})";
    const auto sealTo = [&](const QStringList &padding) {
        return QString::fromLatin1(crypto::Hex::encode(
            ssl.run(QStringList { QStringLiteral("pkeyutl"), QStringLiteral("-encrypt"),
                                  QStringLiteral("-pubin"), QStringLiteral("-inkey"),
                                  ssl.path(QStringLiteral("partner.spki.pem")) } +
                        padding,
                    plain)));
    };
    // Both to the right key, with the wrong padding: the oracle a script must not get.
    const QString v15 =
        sealTo({ QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:pkcs1") });
    const QString sha256 =
        sealTo({ QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:oaep"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("rsa_oaep_md:sha256") });
    ASSERT_EQ(v15.size(), hex.size());
    ASSERT_EQ(sha256.size(), hex.size());
    const QString partnerKey = ssl.path(QStringLiteral("partner.pem"));

    for (const QString &command : { QStringLiteral("decrypt"), QStringLiteral("eb-connect") }) {
        QStringList base { command };
        if (command != QLatin1String("decrypt"))
            base << QStringLiteral("--user") << u;
        const CliRun wrongKey = run(base + QStringList { QStringLiteral("--key"), otherKey, hex });
        const CliRun padding = run(base + QStringList { QStringLiteral("--key"), partnerKey, v15 });
        const CliRun oaepHash =
            run(base + QStringList { QStringLiteral("--key"), partnerKey, sha256 });
        EXPECT_EQ(wrongKey.exitCode, 3) << wrongKey.out.toStdString();
        EXPECT_EQ(errorField(wrongKey, "code"), QStringLiteral("decrypt-failed"));
        for (const CliRun *other : { &padding, &oaepHash }) {
            EXPECT_EQ(other->exitCode, wrongKey.exitCode);
            EXPECT_EQ(other->out, wrongKey.out) << "stdout tells the causes apart";
            EXPECT_EQ(other->err, wrongKey.err) << "stderr tells the causes apart";
        }

        const CliRun diagnosed = run(
            base +
            QStringList { QStringLiteral("--diagnose"), QStringLiteral("--key"), partnerKey, v15 });
        EXPECT_EQ(diagnosed.exitCode, 2) << diagnosed.out.toStdString();
        EXPECT_EQ(errorField(diagnosed, "kind"), QStringLiteral("usage"));
        EXPECT_TRUE(errorField(diagnosed, "message").contains(QLatin1String("diagnose")))
            << diagnosed.out.toStdString();
        EXPECT_FALSE(diagnosed.out.contains("wrong-padding"));
    }
    EXPECT_EQ(sandboxUser(u).value(QLatin1String("openConnects")).toInt(), 1)
        << "nothing was answered";
}

TEST_F(CliEmbedded, StorageMadeToFailSendsDataStoreUnavailable)
{
    // A private bus with no service directories: no Secret Service exists or can be activated.
    test::BareSessionBus bus;
    QString busError;
    ASSERT_TRUE(bus.start(&busError)) << busError.toStdString();
    const QString address = bus.address();
    QProcessEnvironment noKeychain = QProcessEnvironment::systemEnvironment();
    noKeychain.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    noKeychain.remove(QStringLiteral("DISPLAY"));

    const QString u = uniqueUser("cli-nostore");
    const QString key = partnerKeyFile();
    ASSERT_FALSE(key.isEmpty());
    const CliRun r = run({ QStringLiteral("eb-connect"), QStringLiteral("--user"), u,
                           QStringLiteral("--key"), key, QString::fromLatin1(event(true, u)) },
                         {}, noKeychain);

    EXPECT_NE(r.exitCode, 0) << r.out.toStdString();
    EXPECT_EQ(r.exitCode, 4) << "the keychain's exit code: " << r.out.toStdString();
    EXPECT_EQ(str(r, "statusSent"), QStringLiteral("DATA_STORE_UNAVAILABLE"));
    EXPECT_FALSE(r.json.value(QLatin1String("codeStored")).toBool(true));
    EXPECT_TRUE(str(r, "message").contains(QLatin1String("keychain")) &&
                str(r, "message").contains(QLatin1String("Secret Service")))
        << str(r, "message").toStdString();
    EXPECT_TRUE(r.err.contains(QLatin1String("DATA_STORE_UNAVAILABLE"))) << r.err.toStdString();

    // The sandbox, asked with the test's own client: the connect answer it got was that status.
    bool refused = false;
    for (const QJsonValue &row : sandboxState().value(QLatin1String("log")).toArray()) {
        const QJsonObject o = row.toObject();
        if (o.value(QLatin1String("kind")).toString() == QLatin1String("connect-answer") &&
            o.value(QLatin1String("user")).toString() == u) {
            EXPECT_EQ(o.value(QLatin1String("outcome")).toString(), QStringLiteral("refused"));
            EXPECT_TRUE(o.value(QLatin1String("message"))
                            .toString()
                            .contains(QLatin1String("DATA_STORE_UNAVAILABLE")))
                << o.value(QLatin1String("message")).toString().toStdString();
            refused = true;
        }
    }
    EXPECT_TRUE(refused) << "the sandbox never got the connect answer";
    EXPECT_NE(sandboxUser(u).value(QLatin1String("state")).toString(), QStringLiteral("connected"));
}

// `bundle --user` (issue 15): a connected partner user's escalation bundle. The userCode the
// keychain holds is in none of its files (raw or hex); the user id is masked unless --form
// provider.
TEST_F(CliEmbedded, BundleOfAPartnerUserNeverHoldsTheUserCode)
{
    const QString user = uniqueUser("cli-bundle");
    const CliRun c = run({ QStringLiteral("eb-connect"), QStringLiteral("--user"), user,
                           QString::fromLatin1(event(true, user)) });
    ASSERT_EQ(c.exitCode, 0) << c.out.toStdString() << c.err.toStdString();
    std::optional<QByteArray> code;
    store::UserCodeVault(*h.keychain)
        .load(user, [&](const keychain::KeychainError &e, crypto::SecureBytes v) {
            code = e.ok() ? QByteArray(v.constChar(), qsizetype(v.size())) : QByteArray();
        });
    ASSERT_TRUE(waitUntil([&] { return code.has_value(); }, 20000));
    ASSERT_FALSE(code->isEmpty());

    const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip"));
    ASSERT_FALSE(unzip.isEmpty()) << "unzip missing: run scripts/install-deps.sh";
    auto everything = [&](const QString &zip) {
        QProcess p;
        p.start(unzip, { QStringLiteral("-p"), zip });
        EXPECT_TRUE(p.waitForFinished(10000));
        EXPECT_EQ(p.exitCode(), 0);
        return p.readAllStandardOutput();
    };
    for (const char *form : { "masked", "provider" }) {
        const QString zip = dir.filePath(QStringLiteral("%1.zip").arg(QLatin1String(form)));
        const CliRun b =
            run({ QStringLiteral("bundle"), QStringLiteral("--user"), user,
                  QStringLiteral("--output"), zip, QStringLiteral("--form"), QLatin1String(form) });
        ASSERT_EQ(b.exitCode, 0) << b.out.toStdString() << b.err.toStdString();
        EXPECT_EQ(str(b, "subject"), QStringLiteral("partner-user"));
        const QByteArray all = everything(zip);
        EXPECT_TRUE(all.contains("\"state\": \"connected\"")) << all.left(2000).toStdString();
        EXPECT_FALSE(all.contains(*code)) << form;
        EXPECT_FALSE(all.contains(code->toHex())) << form;
        EXPECT_EQ(all.contains("\"" + user.toUtf8() + "\""), QByteArray(form) == "provider")
            << form;
    }
    const CliRun unknown =
        run({ QStringLiteral("bundle"), QStringLiteral("--user"), QStringLiteral("nobody-here"),
              QStringLiteral("--output"), dir.filePath(QStringLiteral("x.zip")) });
    EXPECT_EQ(unknown.exitCode, 3) << unknown.out.toStdString();
}

// Issue 15: decrypt, eb-connect / eb-silent-auth (retUrl answers), eb-logout and import-key
// record one audit record each in the store given with --store (a real store file and the real
// keychain: its data key and the audit head); a reveal without a reason records nothing.
TEST_F(CliEmbedded, CommandsWithAStoreRecordOneAuditRecordEach)
{
    const QString storeProfile =
        QStringLiteral("cli-eb-audit-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    keychain::Keychain storeKc(storeProfile);
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    std::optional<Result<std::shared_ptr<store::Store>, store::StoreError>> opened;
    store::StoreOpener opener(storeKc);
    opener.open(path, [&](auto r) { opened.emplace(std::move(r)); });
    ASSERT_TRUE(waitUntil([&] { return opened.has_value(); }, 20000));
    ASSERT_TRUE(opened->ok()) << opened->error().message.toStdString();
    audit::AuditTrail reader(opened->value(), storeKc, clock);
    auto records = [&] {
        const auto r = reader.log().read();
        EXPECT_TRUE(r.ok());
        return r.ok() ? r.value() : QList<audit::AuditRecord>();
    };
    const QStringList withStore { QStringLiteral("--store"), path,
                                  QStringLiteral("--store-profile"), storeProfile };
    auto expectOneMore = [&](const CliRun &r, qsizetype before, audit::AuditAction action,
                             audit::AuditOutcome outcome) {
        const QList<audit::AuditRecord> now = records();
        ASSERT_EQ(now.size(), before + 1) << r.out.toStdString() << r.err.toStdString();
        EXPECT_EQ(now.last().action, action)
            << audit::AuditActions::name(now.last().action).toStdString();
        EXPECT_EQ(now.last().outcome, outcome);
        EXPECT_EQ(now.last().profile, h.profile);
        EXPECT_FALSE(r.err.contains(QLatin1String("not recorded in the audit log")));
    };
    const QString u = uniqueUser("cli-audit");

    // decrypt: recorded; without --store it works as before and says so on stderr.
    const QString connect = QString::fromLatin1(event(true, u));
    const CliRun plain = run({ QStringLiteral("decrypt"), connect });
    EXPECT_EQ(plain.exitCode, 0) << plain.out.toStdString();
    EXPECT_TRUE(
        plain.err.contains(QLatin1String("not recorded in the audit log: no store (--store)")))
        << plain.err.toStdString();
    EXPECT_TRUE(records().isEmpty());
    const CliRun decrypted =
        run(QStringList { QStringLiteral("decrypt") } + withStore + QStringList { connect });
    EXPECT_EQ(decrypted.exitCode, 0) << decrypted.out.toStdString();
    expectOneMore(decrypted, 0, audit::AuditAction::Decrypt, audit::AuditOutcome::Ok);

    // decrypt --reveal: no reason, exit 2 and nothing recorded; with one, recorded with it.
    const CliRun noReason =
        run(QStringList { QStringLiteral("decrypt"), QStringLiteral("--reveal") } + withStore +
            QStringList { connect });
    EXPECT_EQ(noReason.exitCode, 2) << noReason.out.toStdString();
    EXPECT_EQ(records().size(), 1);
    const CliRun revealed =
        run(QStringList { QStringLiteral("decrypt"), QStringLiteral("--reveal"),
                          QStringLiteral("--reason"), QStringLiteral("ticket 4711") } +
            withStore + QStringList { connect });
    EXPECT_EQ(revealed.exitCode, 0) << revealed.out.toStdString();
    expectOneMore(revealed, 1, audit::AuditAction::Decrypt, audit::AuditOutcome::Ok);
    EXPECT_EQ(records().last().reason, QStringLiteral("ticket 4711"));

    // eb-connect: the retUrl answer, outcome from the answer.
    const CliRun c = run(QStringList { QStringLiteral("eb-connect"), QStringLiteral("--user"), u } +
                         withStore + QStringList { connect });
    ASSERT_EQ(c.exitCode, 0) << c.out.toStdString() << c.err.toStdString();
    expectOneMore(c, 2, audit::AuditAction::RetUrlAnswer, audit::AuditOutcome::Ok);
    EXPECT_FALSE(records().last().object.contains(u)) << "the partner user is masked";

    // eb-silent-auth for a user with no code: not sent, recorded as refused.
    const QString other = uniqueUser("cli-audit-none");
    const CliRun s =
        run(QStringList { QStringLiteral("eb-silent-auth"), QStringLiteral("--user"), other } +
            withStore + QStringList { QString::fromLatin1(event(false, u)) });
    EXPECT_EQ(s.exitCode, 1) << s.out.toStdString();
    expectOneMore(s, 3, audit::AuditAction::RetUrlAnswer, audit::AuditOutcome::Refused);

    // eb-logout.
    const CliRun out =
        run(QStringList { QStringLiteral("eb-logout"), QStringLiteral("--user"), u } + withStore);
    ASSERT_EQ(out.exitCode, 0) << out.out.toStdString() << out.err.toStdString();
    expectOneMore(out, 4, audit::AuditAction::Logout, audit::AuditOutcome::Ok);

    // import-key: the key's kind, never its material.
    const CliRun imported = run(QStringList { QStringLiteral("import-key"),
                                              QStringLiteral("--partner"), partnerKeyFile() } +
                                withStore);
    ASSERT_EQ(imported.exitCode, 0) << imported.out.toStdString() << imported.err.toStdString();
    expectOneMore(imported, 5, audit::AuditAction::Import, audit::AuditOutcome::Ok);
    EXPECT_EQ(records().last().object, QStringLiteral("partner private key"));

    // The chain the CLI extended is intact (its head in the store's keychain profile).
    std::optional<audit::AuditVerification> verdict;
    reader.verify([&](audit::AuditVerification v) { verdict = v; });
    ASSERT_TRUE(waitUntil([&] { return verdict.has_value(); }, 20000));
    EXPECT_TRUE(verdict->ok()) << verdict->message.toStdString();
    EXPECT_EQ(verdict->records, 6);

    int removed = 0;
    for (const char *name : { keychain::entries::kStoreKey, keychain::entries::kAuditHead })
        storeKc.remove(QString::fromLatin1(name),
                       [&](const keychain::KeychainError &) { ++removed; });
    waitUntil([&] { return removed == 2; }, 10000);
}
