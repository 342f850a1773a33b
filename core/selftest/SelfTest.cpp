#include "core/selftest/SelfTest.h"

#include "core/api/ApiClient.h"
#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/api/LinkWidgetSession.h"
#include "core/connections/IdMask.h"
#include "core/crypto/Random.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/embedded/RetUrlClient.h"
#include "core/emulatorhost/BuiltInEnvironment.h"
#include "core/jobs/JobRunner.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/Clock.h"
#include "core/util/LogCategories.h"
#include "core/util/ProcessHardening.h"

#include <QSslSocket>
#include <QTimer>
#include <QVersionNumber>

#include <openssl/crypto.h>
#include <openssl/opensslv.h>

namespace aerodesk::selftest {

namespace {
const QString kVersions = QStringLiteral("Qt and OpenSSL");
const QString kHardening = QStringLiteral("Process hardening");
const QString kKeychain = QStringLiteral("Keychain backend");
const QString kSandbox = QStringLiteral("Bundled sandbox");
const QString kToken = QStringLiteral("API token");
const QString kLink = QStringLiteral("Link on Aerosync Bank (OAuth)");
const QString kBalance = QStringLiteral("Balance job");
const QString kEmbedded = QStringLiteral("Embedded-banking payload and retUrl");
const QStringList kAll { kVersions, kHardening, kKeychain, kSandbox,
                         kToken,    kLink,      kBalance,  kEmbedded };
} // namespace

struct SelfTest::State
{
    SystemClock clock;
    std::unique_ptr<keychain::Keychain> keychain;
    std::unique_ptr<emulatorhost::BuiltInEnvironment> sandbox;
    std::unique_ptr<api::ApiClient> client;
    std::unique_ptr<api::LinkWidgetEventDispatcher> dispatcher;
    std::unique_ptr<api::LinkWidgetSession> widget;
    std::unique_ptr<jobs::JobRunner> jobs;
    std::unique_ptr<embedded::EmbeddedKeyStore> keys;
    std::unique_ptr<embedded::EmulatorEventSource> events;
    std::unique_ptr<embedded::RetUrlClient> retUrls;
    QString connectionId;
    QStringList written; ///< keychain names to remove at the end
};

SelfTest::SelfTest(QString sandboxExecutable, QObject *parent)
    : QObject(parent)
    , m_sandboxExecutable(std::move(sandboxExecutable))
    , m_state(std::make_unique<State>())
{
}

SelfTest::~SelfTest() = default;

void SelfTest::record(SelfTestStep step)
{
    if (step.passed())
        qCInfo(aerodesk::log::selftest).noquote() << step.name << "passed:" << step.detail;
    else
        qCWarning(aerodesk::log::selftest).noquote()
            << step.name
            << (step.verdict == SelfTestStep::Verdict::Skipped ? "skipped:" : "FAILED:")
            << step.detail << (step.fix.isEmpty() ? QString() : QStringLiteral("- ") + step.fix);
    m_remaining.removeAll(step.name);
    m_steps.append(step);
    Q_EMIT stepFinished(step);
}

void SelfTest::pass(const QString &name, const QString &detail)
{
    record({ name, SelfTestStep::Verdict::Pass, detail, {} });
}

void SelfTest::fail(const QString &name, const QString &detail, const QString &fix)
{
    record({ name, SelfTestStep::Verdict::Fail, detail, fix });
}

void SelfTest::skipRest(const QString &why)
{
    const QStringList rest = m_remaining;
    for (const QString &name : rest)
        record({ name, SelfTestStep::Verdict::Skipped, why, {} });
    cleanUp();
}

void SelfTest::run()
{
    m_remaining = kAll;
    QTimer::singleShot(0, this, [this] {
        checkVersions();
        checkHardening();
        checkKeychain([this] {
            startSandbox([this] {
                getToken([this] {
                    linkConnection([this] {
                        runBalanceJob([this] { answerEmbeddedEvent([this] { cleanUp(); }); });
                    });
                });
            });
        });
    });
}

void SelfTest::checkVersions()
{
    const QString qt = QString::fromLatin1(qVersion());
    const QString ssl = QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
    const QString tls = QSslSocket::activeBackend();
    const QString detail = QStringLiteral("Qt %1 (TLS backend %2), %3")
                               .arg(qt, tls.isEmpty() ? QStringLiteral("none") : tls, ssl);
    if (QVersionNumber::fromString(qt) < QVersionNumber(6, 4))
        return fail(kVersions, detail,
                    QStringLiteral("Install Qt 6.4 or newer (Debian 12: libqt6core6)."));
    if (OpenSSL_version_num() < 0x30000000L)
        return fail(kVersions, detail, QStringLiteral("Install OpenSSL 3 (Debian 12: libssl3)."));
    if (!QSslSocket::supportsSsl())
        return fail(kVersions, detail,
                    QStringLiteral("Qt has no TLS backend: install the Qt OpenSSL TLS plugin "
                                   "(Debian 12: libqt6network6)."));
    pass(kVersions, detail);
}

void SelfTest::checkHardening()
{
    if (ProcessHardening::applied() && ProcessHardening::coreDumpsDisabled())
        return pass(kHardening, QStringLiteral("core dumps off, not dumpable"));
    fail(kHardening,
         ProcessHardening::applied() ? QStringLiteral("core dumps were turned back on")
                                     : ProcessHardening::failure(),
         QStringLiteral("Find out why the system refuses RLIMIT_CORE = 0 or PR_SET_DUMPABLE = 0 "
                        "(a seccomp profile or a security module); until then a crash may write "
                        "secrets to disk."));
}

void SelfTest::checkKeychain(Next next)
{
    const QString profile =
        QStringLiteral("AeroDesk self-test %1").arg(QString::fromLatin1(crypto::Random::hex(4)));
    m_state->keychain = std::make_unique<keychain::Keychain>(profile);
    m_state->keychain->setTimeoutMs(10000);
    auto probe = std::make_shared<crypto::SecureBytes>(crypto::Random::secretBytes(16));
    const QString probeName = QString::fromLatin1(keychain::entries::kSelfTestProbe);
    m_state->keychain->write(
        probeName, *probe, [this, probe, probeName, next](const keychain::KeychainError &w) {
            if (!w.ok()) {
                fail(kKeychain, w.message,
                     QStringLiteral("AeroDesk keeps every secret in the OS keychain. Start and "
                                    "unlock a Secret Service "
                                    "(GNOME Keyring or KWallet) in this session, then run the "
                                    "self-test again."));
                return skipRest(QStringLiteral("needs the keychain"));
            }
            m_state->keychain->read(
                probeName,
                [this, probe, probeName, next](const keychain::KeychainError &r,
                                               crypto::SecureBytes got) {
                    m_state->keychain->remove(probeName, [](const keychain::KeychainError &) {});
                    if (!r.ok() || !got.equals(*probe)) {
                        fail(kKeychain,
                             r.ok() ? QStringLiteral(
                                          "the secret read back differs from the one written")
                                    : r.message,
                             QStringLiteral("The keychain does not return what was stored: check "
                                            "the Secret Service provider."));
                        return skipRest(QStringLiteral("needs the keychain"));
                    }
                    pass(kKeychain, QStringLiteral("wrote, read back and removed a probe secret"));
                    next();
                });
        });
}

void SelfTest::startSandbox(Next next)
{
    using emulatorhost::BuiltInEnvironment;
    // The built-in environment's bring-up, like the console's, but into the throwaway profile.
    m_state->sandbox = std::make_unique<BuiltInEnvironment>(
        *m_state->keychain, m_sandboxExecutable,
        QStringList { QStringLiteral("--time-scale"), QStringLiteral("0.1") });
    m_state->written << QString::fromLatin1(keychain::entries::kApiKey)
                     << QString::fromLatin1(keychain::entries::kApiSecret);
    connect(m_state->sandbox.get(), &BuiltInEnvironment::failed, this,
            [this](const BuiltInEnvironment::Failure &f) {
                if (f.stage == BuiltInEnvironment::Failure::Stage::Start)
                    fail(kSandbox, f.reason,
                         QStringLiteral(
                             "Reinstall AeroDesk: aerodesk-sandbox must sit next to aerodesk (%1).")
                             .arg(m_sandboxExecutable));
                else
                    fail(kSandbox, f.reason,
                         QStringLiteral(
                             "The sandbox's credentials could not be stored in the keychain."));
                skipRest(QStringLiteral("needs the sandbox"));
            });
    connect(m_state->sandbox.get(), &BuiltInEnvironment::ready, this,
            [this, next](api::Environment env) {
                env.requestTimeoutMs = 15000;
                m_state->client =
                    std::make_unique<api::ApiClient>(env, *m_state->keychain, m_state->clock);
                pass(kSandbox,
                     QStringLiteral("%1, certificate pinned (%2…)")
                         .arg(env.baseUrl.toString(),
                              QString::fromLatin1(env.pinnedCertSha256Hex.left(12))));
                next();
            });
    m_state->sandbox->start();
}

void SelfTest::getToken(Next next)
{
    m_state->client->tokens().token([this, next](Result<api::ApiToken, api::ApiError> t) {
        if (!t) {
            fail(kToken, t.error().message,
                 QStringLiteral("The sandbox refused its own credentials: reinstall AeroDesk."));
            return skipRest(QStringLiteral("needs a token"));
        }
        pass(kToken,
             QStringLiteral("POST /v2/token answered; refresh due in %1 s")
                 .arg((m_state->client->tokens().refreshAtMs() - m_state->clock.monotonicMs()) /
                      1000));
        next();
    });
}

void SelfTest::linkConnection(Next next)
{
    m_state->dispatcher = std::make_unique<api::LinkWidgetEventDispatcher>();
    m_state->dispatcher->setPersistHook(
        [this](const api::LinkWidgetEvent::PageSuccess &s, QString *) {
            m_state->connectionId = s.connectionId;
            return true;
        });
    m_state->widget =
        std::make_unique<api::LinkWidgetSession>(*m_state->client, *m_state->dispatcher);
    connect(m_state->widget.get(), &api::LinkWidgetSession::stepReady, this,
            [this](const api::LinkWidgetStep &step) {
                if (step.state == QLatin1String("bank"))
                    m_state->widget->chooseBank(QStringLiteral("oauth"));
                else if (step.state == QLatin1String("credentials"))
                    m_state->widget->signIn(QStringLiteral("selftest"), QStringLiteral("selftest"));
                else if (step.state == QLatin1String("oauth"))
                    m_state->widget->answerOAuth(true);
                else
                    m_state->widget->close(); // the OAuth bank asks nothing else
            });
    connect(m_state->widget.get(), &api::LinkWidgetSession::finished, this,
            [this, next](const api::LinkWidgetResult &r) {
                if (!r.linked() || m_state->connectionId.isEmpty()) {
                    fail(kLink, r.message,
                         QStringLiteral("The widget flow did not complete; run the OAuth "
                                        "walkthrough in the console to see where."));
                    return skipRest(QStringLiteral("needs a connection"));
                }
                pass(kLink,
                     QStringLiteral("connection %1 linked")
                         .arg(connections::IdMask::mask(m_state->connectionId)));
                next();
            });
    m_state->widget->startLink();
}

void SelfTest::runBalanceJob(Next next)
{
    m_state->jobs = std::make_unique<jobs::JobRunner>(*m_state->client, m_state->clock);
    connect(m_state->jobs.get(), &jobs::JobRunner::finished, this,
            [this, next](const jobs::JobResult &r) {
                if (r.outcome != jobs::JobOutcome::Completed || !r.balance) {
                    fail(kBalance,
                         QStringLiteral("%1: %2").arg(jobs::jobOutcomeName(r.outcome), r.message),
                         r.nextStep.isEmpty()
                             ? QStringLiteral("See the Jobs panel for the same job.")
                             : r.nextStep);
                    return skipRest(QStringLiteral("stopped after the balance job"));
                }
                pass(kBalance,
                     QStringLiteral("job %1 completed after %2 polls (%3 %4)")
                         .arg(r.jobId)
                         .arg(r.attempts)
                         .arg(r.balance->availableBalance.value_or(0), 0, 'f', 2)
                         .arg(r.balance->currency));
                next();
            });
    m_state->jobs->start(api::JobType::Balance, m_state->connectionId);
}

void SelfTest::answerEmbeddedEvent(Next next)
{
    m_state->keys = std::make_unique<embedded::EmbeddedKeyStore>(*m_state->keychain);
    m_state->events = std::make_unique<embedded::EmulatorEventSource>(*m_state->client);
    m_state->retUrls = std::make_unique<embedded::RetUrlClient>(
        m_state->client->transport(),
        embedded::RetUrlAllowList::forEnvironment(m_state->client->environment()));
    m_state->written << QString::fromLatin1(keychain::entries::kPartnerPrivateKey)
                     << QString::fromLatin1(keychain::entries::kProviderPublicKey);
    auto failWith = [this, next](const QString &detail, const QString &fix) {
        fail(kEmbedded, detail, fix);
        next();
    };
    m_state->events->installSandboxKeys(
        *m_state->keys, [this, next, failWith](const QString &error) {
            if (!error.isEmpty())
                return failWith(error,
                                QStringLiteral("The keys could not be kept in the keychain."));
            m_state->keys->loadPartnerKey([this, next,
                                           failWith](Result<crypto::RsaPrivateKey, QString> key) {
                if (!key)
                    return failWith(key.error(),
                                    QStringLiteral("The keychain lost the partner key."));
                const crypto::RsaPrivateKey partner = key.value();
                m_state->events->connectEvent(
                    QStringLiteral("self-test"),
                    [this, next, failWith,
                     partner](Result<embedded::EmulatorEventSource::SampleEvent, api::ApiError> e) {
                        if (!e)
                            return failWith(e.error().message,
                                            QStringLiteral("The sandbox gave no event."));
                        auto payload = embedded::PayloadDecryptor::decrypt(partner, e->payloadHex);
                        if (!payload)
                            return failWith(
                                payload.error().message,
                                QStringLiteral(
                                    "OpenSSL could not open the payload: check libssl3."));
                        const QString kind = payload->kindName();
                        m_state->retUrls->answer(
                            payload->retUrl(), embedded::RetUrlReply::connect(),
                            [this, next, failWith,
                             kind](Result<api::HttpResponse, api::ApiError> r) {
                                if (!r)
                                    return failWith(
                                        r.error().message,
                                        QStringLiteral("The retUrl answer was refused."));
                                pass(kEmbedded,
                                     QStringLiteral(
                                         "%1 event decrypted (userCode masked), retUrl answered %2")
                                         .arg(kind)
                                         .arg(r->status));
                                next();
                            });
                    });
            });
        });
}

void SelfTest::cleanUp()
{
    auto pending = std::make_shared<int>(int(m_state->written.size()));
    auto done = [this, pending] {
        if (--*pending > 0)
            return;
        if (m_state->sandbox)
            m_state->sandbox->stop();
        bool all = !m_steps.isEmpty();
        for (const SelfTestStep &s : m_steps)
            all = all && s.passed();
        Q_EMIT finished(all);
    };
    if (m_state->written.isEmpty() || !m_state->keychain) {
        *pending = 1;
        return QTimer::singleShot(0, this, done);
    }
    for (const QString &name : m_state->written)
        m_state->keychain->remove(name, [done](const keychain::KeychainError &) { done(); });
}

} // namespace aerodesk::selftest
