#include "app/console/BuiltInSandboxWiring.h"

#include "core/session/Session.h"
#include "ui/shell/EnvironmentBanner.h"

#include <memory>

namespace aerodesk {

using Kind = api::Environment::Kind;

BuiltInSandboxWiring::BuiltInSandboxWiring(ui::EnvironmentBanner *banner, session::Session *session, QObject *parent)
    : QObject(parent)
    , m_banner(banner)
    , m_session(session)
    , m_sandbox(emulatorhost::EmulatorLauncher::defaultExecutablePath())
    , m_keychain(QString::fromLatin1(kProfile))
{
    connect(&m_sandbox, &emulatorhost::EmulatorLauncher::ready, this, &BuiltInSandboxWiring::onReady);
    connect(&m_sandbox, &emulatorhost::EmulatorLauncher::failed, this, [this](const QString &why) {
        if (m_session)
            m_session->setEnvironmentFailed(tr("The built-in sandbox could not start: %1").arg(why));
        m_banner->setEnvironment(Kind::EmulatorLauncher, tr("Built-in sandbox"), tr("could not start: %1").arg(why));
    });
    connect(&m_sandbox, &emulatorhost::EmulatorLauncher::exited, this, [this](int code) {
        if (m_sandbox.endpoint().pid != 0 && m_bannerOwned)
            m_banner->setEnvironment(Kind::EmulatorLauncher, tr("Built-in sandbox"),
                                     tr("stopped (exit code %1)").arg(code));
    });
}

void BuiltInSandboxWiring::start()
{
    m_banner->setEnvironment(Kind::EmulatorLauncher, tr("Built-in sandbox"), tr("starting…"));
    m_sandbox.start();
}

void BuiltInSandboxWiring::onReady(const emulatorhost::EmulatorEndpoint &endpoint)
{
    const QString where = QStringLiteral("%1:%2").arg(endpoint.baseUrl.host()).arg(endpoint.baseUrl.port());
    m_banner->setEnvironment(Kind::EmulatorLauncher, tr("Built-in sandbox"),
                             tr("%1 · certificate pinned (%2…)").arg(where, QString::fromLatin1(endpoint.certSha256Hex.left(12))));
    // The sandbox's credentials go to the keychain only, like any environment's.
    auto pending = std::make_shared<int>(2);
    auto failed = std::make_shared<QString>();
    auto report = [this, pending, failed, where, endpoint](const keychain::KeychainError &error) {
        if (!error.ok()) {
            *failed = error.message;
            m_banner->setEnvironment(Kind::EmulatorLauncher, tr("Built-in sandbox"),
                                     tr("%1 · credentials not saved: %2").arg(where, error.message));
        }
        if (--*pending > 0 || !m_session)
            return;
        if (!failed->isEmpty())
            return m_session->setEnvironmentFailed(tr("The sandbox's credentials could not be saved: %1").arg(*failed));
        m_session->setEnvironment(api::Environment::sandbox(Kind::EmulatorLauncher, tr("Built-in sandbox"),
                                                            QString::fromLatin1(kProfile), endpoint.baseUrl, endpoint.certPem,
                                                            endpoint.certSha256Hex));
    };
    m_keychain.write(QStringLiteral("apiKey"), crypto::SecureBytes::fromUtf8(endpoint.apiKey), report);
    m_keychain.write(QStringLiteral("apiSecret"), crypto::SecureBytes::fromUtf8(endpoint.apiSecret), report);
}

} // namespace aerodesk
