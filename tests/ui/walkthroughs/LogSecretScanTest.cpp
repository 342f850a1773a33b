// "Must show" of issue 10: a full sandbox run with every aerodesk.* category at debug level —
// all four walkthroughs on the real Walkthroughs panel against the real emulator, keychain and
// encrypted store, plus a webhook secret rotation and two verdicts — with the diagnostic log
// installed WITHOUT its last-resort redaction and this process's stdout and stderr captured.
// Then every keychain secret of the run (apiKey, apiSecret, store key, partner private key,
// webhook secrets), every token the emulator issued, every userCode and every unmasked
// connectionId / aeroPassUserUuid is searched for in the log, stdout and stderr: zero hits. The
// captured text must be substantial (debug lines of several categories, masked ids), so the
// test fails if logging is switched off rather than cleaned up.

#include "core/connections/IdMask.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"
#include "core/util/DiagnosticLog.h"
#include "core/webhooks/SecretRingStore.h"
#include "core/webhooks/SignatureVerifier.h"
#include "core/webhooks/WebhookLog.h"
#include "tests/core/api/ClientHarness.h"
#include "ui/walkthroughs/WalkthroughsPanel.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using Kind = walkthrough::Walkthrough::Kind;

namespace {

/// Redirects this process's file descriptors 1 and 2 into files until stop().
class StdCapture
{
public:
    explicit StdCapture(const QString &dir)
        : m_out(dir + QStringLiteral("/stdout.txt"))
        , m_err(dir + QStringLiteral("/stderr.txt"))
    {
        std::fflush(stdout);
        std::fflush(stderr);
        m_savedOut = ::dup(1);
        m_savedErr = ::dup(2);
        const int out =
            ::open(QFile::encodeName(m_out).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err =
            ::open(QFile::encodeName(m_err).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        m_ok = m_savedOut >= 0 && m_savedErr >= 0 && out >= 0 && err >= 0 && ::dup2(out, 1) >= 0 &&
            ::dup2(err, 2) >= 0;
        if (out >= 0)
            ::close(out);
        if (err >= 0)
            ::close(err);
    }
    ~StdCapture() { stop(); }
    bool ok() const { return m_ok; }
    void stop()
    {
        if (m_savedOut < 0)
            return;
        std::fflush(stdout);
        std::fflush(stderr);
        ::dup2(m_savedOut, 1);
        ::dup2(m_savedErr, 2);
        ::close(m_savedOut);
        ::close(m_savedErr);
        m_savedOut = m_savedErr = -1;
    }
    QByteArray out() const { return read(m_out); }
    QByteArray err() const { return read(m_err); }

private:
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QString m_out, m_err;
    int m_savedOut = -1, m_savedErr = -1;
    bool m_ok = false;
};

/// What the console received from the emulator, read off its own network manager (the reply is
/// peeked before the client reads it): the tokens it was issued and the encrypted events.
struct Sniffer
{
    QStringList tokens;
    QList<QByteArray> eventPayloadsHex;
    int replies = 0;

    void watch(QNetworkAccessManager &nam)
    {
        QObject::connect(
            &nam, &QNetworkAccessManager::finished, &nam, [this](QNetworkReply *reply) {
                ++replies;
                const QByteArray auth = reply->request().rawHeader("Authorization");
                if (auth.startsWith("Bearer "))
                    tokens.append(QString::fromLatin1(auth.mid(7)));
                const QJsonObject json =
                    QJsonDocument::fromJson(reply->peek(reply->bytesAvailable())).object();
                const QString path = reply->url().path();
                if (path.endsWith(QLatin1String("/v2/token")) ||
                    path.endsWith(QLatin1String("/v2/token_widget")))
                    tokens.append(json.value(QLatin1String("token")).toString());
                if (path.contains(QLatin1String("/sandbox/eb/")) &&
                    path.endsWith(QLatin1String("-event")))
                    eventPayloadsHex.append(
                        json.value(QLatin1String("payload")).toString().toLatin1());
            });
    }
};

struct Secret
{
    QString what; ///< for the failure message: never the value itself
    QByteArray value;
};

QByteArray readLogs(const QString &dir)
{
    QByteArray all;
    for (const QString &name : QDir(dir).entryList(QDir::Files, QDir::Name)) {
        QFile f(QDir(dir).filePath(name));
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class LogSecretScan : public ::testing::Test
{
protected:
    void TearDown() override
    {
        DiagnosticLog::uninstall();
        QLoggingCategory::setFilterRules(QString());
        panel.reset();
        if (!h.keychain)
            return;
        namespace e = keychain::entries;
        int pending = 5;
        for (const char *name : { e::kPartnerPrivateKey, e::kProviderPublicKey, e::kStoreKey,
                                  e::kWebhookSecretCurrent, e::kWebhookSecretPrevious })
            h.keychain->remove(QString::fromLatin1(name),
                               [&](const keychain::KeychainError &) { --pending; });
        waitUntil([&] { return pending == 0; }, 10000);
    }

    crypto::SecureBytes readKeychain(const QString &name)
    {
        bool done = false;
        crypto::SecureBytes value;
        h.keychain->read(name, [&](const keychain::KeychainError &, crypto::SecureBytes v) {
            value = std::move(v);
            done = true;
        });
        waitUntil([&] { return done; }, 20000);
        return value;
    }

    QPushButton *runButton() const
    {
        for (QPushButton *b : panel->findChildren<QPushButton *>())
            if (b->text().remove(QLatin1Char('&')) == QLatin1String("Run walkthrough"))
                return b;
        return nullptr;
    }

    test::ClientHarness h;
    QTemporaryDir dir;
    SystemClock clock;
    std::unique_ptr<QSettings> settings; ///< the session's, in the test's folder
    std::unique_ptr<session::Session> session;
    std::unique_ptr<ui::WalkthroughsPanel> panel;
};

TEST_F(LogSecretScan, FullSandboxRunAtDebugLevelLogsNoSecretTokenUserCodeOrId)
{
    ASSERT_TRUE(dir.isValid());
    const QString logDir = dir.filePath(QStringLiteral("logs"));
    DiagnosticLog::Options options;
    options.directory = logDir;
    options.maxBytes = 64 * 1024 * 1024; // one file for the whole run
    options.redact = false; // prove the rule, not the safety net
    ASSERT_TRUE(DiagnosticLog::install(options));
    // As QT_LOGGING_RULES="aerodesk.*.debug=true" would (the application object already exists).
    QLoggingCategory::setFilterRules(QStringLiteral("aerodesk.*.debug=true"));

    // Nothing below asserts until the capture ends: a failure message would land in the file.
    auto capture = std::make_unique<StdCapture>(dir.path());
    const bool captured = capture->ok();
    bool started = captured && h.start();
    bool storeOpened = false;
    QStringList walkthroughProblems;
    Sniffer sniffer;
    bool webhooksDone = false;
    webhooks::WebhookLog webhookLog;
    if (started) {
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("session.ini")),
                                               QSettings::IniFormat);
        session = std::make_unique<session::Session>(clock, settings.get());
        store::StoreOpener opener(*h.keychain);
        std::optional<Result<std::shared_ptr<store::Store>, store::StoreError>> opened;
        opener.open(dir.filePath(QStringLiteral("store.sqlite")),
                    [&](auto r) { opened.emplace(std::move(r)); });
        storeOpened = waitUntil([&] { return opened.has_value(); }, 20000) && opened->ok();
        if (storeOpened)
            session->setStore(opened->value());
        panel = std::make_unique<ui::WalkthroughsPanel>(*session);
        session->setEnvironment(h.environment());
        sniffer.watch(session->client()->transport().networkAccessManager());
        panel->show();

        for (Kind kind : { Kind::MfaBank, Kind::OAuthBank, Kind::SecurityQuestionBank,
                           Kind::EmbeddedBanking }) {
            panel->select(kind);
            std::optional<bool> result;
            auto c = QObject::connect(panel.get(), &ui::WalkthroughsPanel::walkthroughFinished,
                                      panel.get(), [&](Kind, bool ok) { result = ok; });
            QPushButton *run = runButton();
            if (run && run->isEnabled())
                QTest::mouseClick(run, Qt::LeftButton);
            if (!waitUntil([&] { return result.has_value(); }, 90000) || !*result)
                walkthroughProblems << walkthrough::Walkthrough::title(kind);
            QObject::disconnect(c);
        }

        // Webhooks: a secret set, rotated and saved through the ring's store (keychain +
        // settings), then a delivery signed with the previous secret and a forged one verified.
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        webhooks::SecretRingStore ringStore(*h.keychain, settings);
        webhooks::SecretRing ring(clock);
        ring.setCurrent(crypto::SecureBytes(crypto::Random::hex(32)));
        ring.rotate(crypto::SecureBytes(crypto::Random::hex(32)));
        std::optional<keychain::KeychainError> saved, loaded;
        ringStore.save(ring, [&](const keychain::KeychainError &e) { saved = e; });
        webhooks::SecretRing reloaded(clock);
        if (waitUntil([&] { return saved.has_value(); }, 20000) && saved->ok()) {
            ringStore.load(reloaded, [&](const keychain::KeychainError &e) { loaded = e; });
            waitUntil([&] { return loaded.has_value(); }, 20000);
        }
        if (loaded && loaded->ok()) {
            const QByteArray body = R"({"event":"job.balance","data":{"status":"COMPLETED"}})";
            const QByteArray good =
                webhooks::SignatureVerifier::sign(body, reloaded.previous().view());
            for (const QByteArray &signature :
                 { good, QByteArray("sha256=") + QByteArray(64, 'a') }) {
                webhooks::WebhookLogEntry entry;
                entry.receivedAt = clock.nowUtc();
                entry.verdict = webhooks::SignatureVerifier::verify(
                    body, std::optional<QByteArray>(signature), reloaded);
                entry.event = QStringLiteral("job.balance");
                entry.bodySize = body.size();
                webhookLog.append(entry);
            }
            webhooksDone = true;
        }
    }

    // Every secret of the run, while the capture still runs (reading them logs too).
    QList<Secret> secrets;
    int tokenCount = 0, userCodeCount = 0, idCount = 0;
    QStringList maskedIds;
    if (started) {
        namespace e = keychain::entries;
        for (const char *name :
             { e::kApiKey, e::kApiSecret, e::kWebhookSecretCurrent, e::kWebhookSecretPrevious }) {
            const crypto::SecureBytes v = readKeychain(QString::fromLatin1(name));
            if (!v.isEmpty())
                secrets.append({ QStringLiteral("keychain %1").arg(QLatin1String(name)),
                                 v.view().toByteArray() });
        }
        const crypto::SecureBytes storeKey = readKeychain(QString::fromLatin1(e::kStoreKey));
        if (!storeKey.isEmpty()) {
            const QByteArray raw = storeKey.view().toByteArray();
            secrets.append({ QStringLiteral("store key (raw)"), raw });
            secrets.append({ QStringLiteral("store key (hex)"), raw.toHex() });
            secrets.append({ QStringLiteral("store key (base64)"), raw.toBase64() });
        }
        const crypto::SecureBytes pem = readKeychain(QString::fromLatin1(e::kPartnerPrivateKey));
        int pemLines = 0;
        for (const QByteArray &line : pem.view().toByteArray().split('\n')) {
            if (line.size() >= 16 && !line.startsWith("-----")) {
                secrets.append({ QStringLiteral("partner private key PEM line %1").arg(++pemLines),
                                 line.trimmed() });
            }
        }
        // Tokens: whole, and their payload and signature parts (the JWT header is the same for
        // all).
        sniffer.tokens.removeAll(QString());
        sniffer.tokens.removeDuplicates();
        tokenCount = int(sniffer.tokens.size());
        for (const QString &t : sniffer.tokens) {
            secrets.append({ QStringLiteral("token"), t.toLatin1() });
            const QStringList parts = t.split(QLatin1Char('.'));
            for (qsizetype i = 1; i < parts.size(); ++i)
                if (parts[i].size() >= 16)
                    secrets.append({ QStringLiteral("token part %1").arg(i), parts[i].toLatin1() });
        }
        // userCodes (and the connect retUrl's capability token): the events as the console got
        // them, opened with the partner key from the keychain.
        auto partner = crypto::RsaPrivateKey::fromPem(pem.view());
        for (const QByteArray &hex : sniffer.eventPayloadsHex) {
            if (!partner)
                break;
            auto payload = embedded::PayloadDecryptor::decrypt(*partner, hex);
            if (!payload)
                continue;
            if (payload->userCode().isEmpty())
                continue; // a silent-auth event: its attemptId is not a secret
            secrets.append(
                { QStringLiteral("userCode"), payload->userCode().view().toByteArray() });
            ++userCodeCount;
            const QString last = payload->retUrl().path().section(QLatin1Char('/'), -1);
            if (last.size() >= 16)
                secrets.append({ QStringLiteral("connect retUrl capability"), last.toUtf8() });
        }
        // Ids: the emulator's full listing, and what the store holds.
        const auto listing = h.sandbox.request(
            "GET", QStringLiteral("/sandbox/connections?limit=5000"), {}, h.sandbox.bearer());
        QStringList ids, users;
        for (const QJsonValue &v : listing.json.value(QLatin1String("connections")).toArray()) {
            ids << v.toObject().value(QLatin1String("connectionId")).toString();
            users << v.toObject().value(QLatin1String("aeroPassUserUuid")).toString();
        }
        if (session && session->store()) {
            if (auto all = session->store()->connections().listAll(); all.ok()) {
                for (const auto &c : all.value()) {
                    ids << c.connectionId;
                    users << c.aeroPassUserUuid;
                    maskedIds << connections::IdMask::mask(c.connectionId);
                }
            }
        }
        ids.removeAll(QString());
        users.removeAll(QString());
        ids.removeDuplicates();
        users.removeDuplicates();
        idCount = int(ids.size() + users.size());
        for (const QString &id : ids)
            secrets.append({ QStringLiteral("connectionId"), id.toUtf8() });
        for (const QString &u : users)
            secrets.append({ QStringLiteral("aeroPassUserUuid"), u.toUtf8() });
    }
    capture->stop();
    const QByteArray out = capture->out();
    const QByteArray err = capture->err();
    DiagnosticLog::uninstall();
    const QByteArray log = readLogs(logDir);

    // The run itself.
    ASSERT_TRUE(captured) << "stdout/stderr could not be redirected";
    ASSERT_TRUE(started) << "the sandbox did not start:\n" << err.toStdString();
    ASSERT_TRUE(storeOpened);
    EXPECT_TRUE(walkthroughProblems.isEmpty())
        << "walkthroughs that did not finish: "
        << walkthroughProblems.join(QStringLiteral(", ")).toStdString();
    EXPECT_TRUE(webhooksDone) << "the webhook secret ring was not saved and loaded";

    // The search is meaningful: secrets of every kind were found, and the text is substantial.
    EXPECT_GE(tokenCount, 4) << "an API token and a widget token per widget launch";
    EXPECT_GE(userCodeCount, 1) << "the embedded walkthrough's connect event";
    EXPECT_GE(idCount, 6) << "three linked connections, each with an aeroPassUserUuid";
    EXPECT_GE(secrets.size(), 20);
    EXPECT_GE(sniffer.replies, 20);
    for (const char *line :
         { " debug aerodesk.api: ", " debug aerodesk.jobs: ", " debug aerodesk.keychain: ",
           " debug aerodesk.store: ", " debug aerodesk.embedded: ", " info aerodesk.walkthrough: ",
           " info aerodesk.sandboxhost: ", " info aerodesk.webhooks: ",
           " info aerodesk.connections: ", " info aerodesk.session: " })
        EXPECT_TRUE(log.contains(line)) << "the diagnostic log has no '" << line << "' line";
    EXPECT_TRUE(log.contains("GET /v2/accounts/"))
        << "API calls are logged with their (masked) paths";
    EXPECT_TRUE(err.contains("aerodesk.api: ")) << "stderr still gets every message";
    EXPECT_GT(log.count('\n'), 100);
    int maskedSeen = 0;
    for (const QString &m : maskedIds)
        maskedSeen += log.contains(m.toUtf8()) ? 1 : 0;
    EXPECT_GE(maskedSeen, 1) << "connection ids appear, masked";

    // Zero hits.
    int hits = 0;
    for (const Secret &s : secrets) {
        for (const auto &[where, text] :
             { std::pair { "diagnostic log", &log }, std::pair { "stdout", &out },
               std::pair { "stderr", &err } }) {
            if (text->contains(s.value)) {
                ++hits;
                const qsizetype at = text->indexOf(s.value);
                const qsizetype lineStart = text->lastIndexOf('\n', at) + 1;
                ADD_FAILURE()
                    << s.what.toStdString() << " found in " << where << ", in the line starting: "
                    << text->mid(lineStart, std::min<qsizetype>(at - lineStart, 160)).toStdString();
            }
        }
    }
    EXPECT_EQ(hits, 0);
    if (HasFailure() || qEnvironmentVariableIsSet("AERODESK_KEEP_SCAN_OUTPUT")) {
        dir.setAutoRemove(false); // for a look at what was logged
        std::printf("captured log, stdout and stderr kept in %s\n", qPrintable(dir.path()));
    }
}
