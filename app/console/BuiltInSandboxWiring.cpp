#include "app/console/BuiltInSandboxWiring.h"

#include "core/session/EnvironmentProfiles.h"
#include "core/session/Session.h"
#include "ui/shell/EnvironmentBanner.h"

#include <QSettings>

namespace aerodesk {

using Kind = api::Environment::Kind;
using emulatorhost::BuiltInEnvironment;

BuiltInSandboxWiring::BuiltInSandboxWiring(ui::EnvironmentBanner *banner, session::Session *session,
                                           QObject *parent)
    : QObject(parent)
    , m_banner(banner)
    , m_session(session)
    , m_keychain(QString::fromLatin1(kProfile))
    , m_environment(m_keychain)
{
    connect(&m_environment, &BuiltInEnvironment::launched, this, &BuiltInSandboxWiring::onLaunched);
    connect(&m_environment, &BuiltInEnvironment::failed, this, &BuiltInSandboxWiring::onFailed);
    connect(&m_environment, &BuiltInEnvironment::ready, this, [this](const api::Environment &env) {
        if (m_session)
            m_session->setEnvironment(env);
    });
    connect(&m_environment, &BuiltInEnvironment::exited, this, [this](int code) {
        if (m_environment.endpoint().pid != 0 && m_bannerOwned)
            showState(tr("stopped (exit code %1)").arg(code));
    });
}

void BuiltInSandboxWiring::start()
{
    showState(tr("starting…"));
    // Branding: the built-in profile's configurationId (Settings) goes with every widget launch.
    QSettings settings;
    const auto profile = session::EnvironmentProfiles(settings).find(
        QString::fromLatin1(session::EnvironmentProfiles::kBuiltInId));
    m_environment.setConfigurationId(profile ? profile->configurationId : QString());
    m_environment.start();
}

void BuiltInSandboxWiring::showState(const QString &state)
{
    // BuiltInEnvironment::kDisplayName, as the user reads it.
    m_banner->setEnvironment(Kind::BuiltInSandbox, tr("Built-in sandbox"), state);
}

void BuiltInSandboxWiring::onLaunched(const emulatorhost::EmulatorEndpoint &endpoint)
{
    m_where = QStringLiteral("%1:%2").arg(endpoint.baseUrl.host()).arg(endpoint.baseUrl.port());
    showState(tr("%1 · certificate pinned (%2…)")
                  .arg(m_where, QString::fromLatin1(endpoint.certSha256Hex.left(12))));
}

void BuiltInSandboxWiring::onFailed(const BuiltInEnvironment::Failure &failure)
{
    if (failure.stage == BuiltInEnvironment::Failure::Stage::Start)
        showState(tr("could not start: %1").arg(failure.reason));
    else
        showState(tr("%1 · credentials not saved: %2").arg(m_where, failure.reason));
    if (m_session)
        m_session->setEnvironmentFailed(failure.message());
}

} // namespace aerodesk
