#include "CliEnvironment.h"

#include "CliExit.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>
#include <QTimer>

#include <memory>

namespace aerodesk::cli {

namespace {
using emulatorhost::BuiltInEnvironment;

int timeoutMs(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("timeout-ms")) ? p.value(QStringLiteral("timeout-ms")).toInt()
                                                 : 30000;
}
} // namespace

void CliEnvironment::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("sandbox"),
                       QStringLiteral("Use the bundled offline sandbox (the default).") });
    parser.addOption({ QStringLiteral("base-url"),
                       QStringLiteral("A custom sandbox or API base URL."),
                       QStringLiteral("url") });
    parser.addOption(
        { QStringLiteral("cert"),
          QStringLiteral("Pin --base-url to this PEM certificate (the only one trusted)."),
          QStringLiteral("file") });
    parser.addOption({ QStringLiteral("production"),
                       QStringLiteral("Use production (https://api.aerosync.com).") });
    parser.addOption(
        { QStringLiteral("profile"),
          QStringLiteral("Keychain profile with this environment's secrets (default: \"%1\").")
              .arg(QString::fromLatin1(keychain::entries::kBuiltInProfile)),
          QStringLiteral("name") });
    parser.addOption({ QStringLiteral("timeout-ms"),
                       QStringLiteral("Per-request timeout (default 30000)."),
                       QStringLiteral("ms") });
}

std::optional<QString> CliEnvironment::validate(const QCommandLineParser &p)
{
    const int chosen = int(p.isSet(QStringLiteral("sandbox"))) +
        int(p.isSet(QStringLiteral("base-url"))) + int(p.isSet(QStringLiteral("production")));
    if (chosen > 1)
        return QStringLiteral("Choose one of --sandbox, --base-url and --production.");
    if (p.isSet(QStringLiteral("cert")) && !p.isSet(QStringLiteral("base-url")))
        return QStringLiteral("--cert pins a --base-url; give the URL too.");
    if (p.isSet(QStringLiteral("base-url"))) {
        const QUrl url(p.value(QStringLiteral("base-url")), QUrl::StrictMode);
        if (auto problem = api::Environment::baseUrlProblem(url))
            return QStringLiteral("--base-url: %1").arg(*problem);
    }
    if ((p.isSet(QStringLiteral("base-url")) || p.isSet(QStringLiteral("production"))) &&
        !p.isSet(QStringLiteral("profile")))
        return QStringLiteral(
            "Name the keychain profile that holds this environment's credentials with --profile.");
    if (p.isSet(QStringLiteral("timeout-ms"))) {
        bool ok = false;
        const int ms = p.value(QStringLiteral("timeout-ms")).toInt(&ok);
        if (!ok || ms < 100)
            return QStringLiteral("--timeout-ms must be a number of milliseconds (at least 100).");
    }
    return std::nullopt;
}

QString CliEnvironment::noEnvironmentFor(const QString &profile)
{
    return QStringLiteral(
               "--profile \"%1\" names a keychain profile but no environment: add --base-url URL "
               "[--cert PEM] or --production for the environment whose credentials it holds. "
               "The bundled sandbox (--sandbox, the default) uses only its own profile \"%2\" "
               "and never writes into another one.")
        .arg(profile, QString::fromLatin1(keychain::entries::kBuiltInProfile));
}

QString CliEnvironment::profileFor(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("profile"))
        ? p.value(QStringLiteral("profile"))
        : QString::fromLatin1(keychain::entries::kBuiltInProfile);
}

CliEnvironment::CliEnvironment(const QCommandLineParser &parser, keychain::Keychain &keychain,
                               QObject *parent)
    : QObject(parent)
    , m_parser(parser)
    , m_keychain(keychain)
{
}

CliEnvironment::~CliEnvironment() = default;

void CliEnvironment::prepare(bool startSandbox, Ready ready)
{
    const int timeout = timeoutMs(m_parser);
    const QString profile = profileFor(m_parser);
    auto later = [this](Ready r, Result<api::Environment, Failure> v) {
        QTimer::singleShot(0, this,
                           [r = std::move(r), v = std::move(v)]() mutable { r(std::move(v)); });
    };
    if (m_parser.isSet(QStringLiteral("production"))) {
        api::Environment env = api::Environment::production(profile);
        env.requestTimeoutMs = timeout;
        return later(std::move(ready), env);
    }
    if (m_parser.isSet(QStringLiteral("base-url"))) {
        QByteArray pem;
        QByteArray sha;
        if (m_parser.isSet(QStringLiteral("cert"))) {
            QFile f(m_parser.value(QStringLiteral("cert")));
            if (!f.open(QIODevice::ReadOnly))
                return later(std::move(ready),
                             Failure { BadInput,
                                       QStringLiteral("Cannot read the certificate %1: %2")
                                           .arg(f.fileName(), f.errorString()) });
            pem = f.readAll();
            const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
            if (certs.isEmpty())
                return later(
                    std::move(ready),
                    Failure { BadInput,
                              QStringLiteral("%1 holds no PEM certificate.").arg(f.fileName()) });
            sha = certs.first().digest(QCryptographicHash::Sha256).toHex();
        }
        api::Environment env = api::Environment::sandbox(
            api::Environment::Kind::CustomSandbox, QStringLiteral("Custom sandbox"), profile,
            QUrl(m_parser.value(QStringLiteral("base-url"))), pem, sha);
        env.requestTimeoutMs = timeout;
        return later(std::move(ready), env);
    }
    if (startSandbox && profile != QLatin1String(keychain::entries::kBuiltInProfile)) {
        // The bundled sandbox writes throwaway credentials: only ever into its own reserved
        // profile, never into a user-named one (that would overwrite, say, production's
        // apiSecret with no way back).
        return later(std::move(ready), Failure { Usage, noEnvironmentFor(profile) });
    }
    if (!startSandbox) {
        api::Environment env;
        env.kind = api::Environment::Kind::BuiltInSandbox;
        env.name = QString::fromLatin1(BuiltInEnvironment::kDisplayName);
        env.profile = profile;
        return later(std::move(ready), env);
    }
    // The bundled sandbox for this run; its credentials go to its own reserved keychain profile
    // ("Built-in sandbox", the one the run's client reads here), and nowhere else.
    m_sandboxKeychain = std::make_unique<keychain::Keychain>(
        QString::fromLatin1(keychain::entries::kBuiltInProfile));
    m_sandbox = std::make_unique<BuiltInEnvironment>(*m_sandboxKeychain);
    connect(m_sandbox.get(), &BuiltInEnvironment::ready, this,
            [ready, timeout](api::Environment env) {
                env.requestTimeoutMs = timeout;
                ready(env);
            });
    connect(m_sandbox.get(), &BuiltInEnvironment::failed, this,
            [ready](const BuiltInEnvironment::Failure &f) {
                ready(Failure { f.stage == BuiltInEnvironment::Failure::Stage::Start ? Unreachable
                                                                                     : Keychain,
                                f.message() });
            });
    m_sandbox->start();
}

} // namespace aerodesk::cli
