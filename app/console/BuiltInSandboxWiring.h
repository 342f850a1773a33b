#pragma once

#include "core/emulatorhost/BuiltInEnvironment.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"

#include <QObject>

namespace aerodesk::ui {
class EnvironmentBanner;
}
namespace aerodesk::session {
class Session;
}

namespace aerodesk {

/// Start-up wiring of the built-in environment in the console: brings it up through
/// emulatorhost::BuiltInEnvironment (aerodesk-sandbox as a child on a free port, its certificate
/// pinned, its credentials in the keychain under keychain::entries::kBuiltInProfile), shows its
/// state in the environment banner, hands the environment to the session, and stops the child
/// on exit.
class BuiltInSandboxWiring : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kProfile = keychain::entries::kBuiltInProfile;

    /// `session` (optional) gets the environment once the credentials are in the keychain.
    BuiltInSandboxWiring(ui::EnvironmentBanner *banner, session::Session *session = nullptr,
                         QObject *parent = nullptr);
    void start();
    emulatorhost::EmulatorLauncher &sandbox() { return m_environment.launcher(); }
    /// False once the user chose another environment: the sandbox's later news (it stopped)
    /// must not overwrite that environment's banner.
    void setBannerOwned(bool owned) { m_bannerOwned = owned; }

private:
    void showState(const QString &state);
    void onLaunched(const emulatorhost::EmulatorEndpoint &endpoint);
    void onFailed(const emulatorhost::BuiltInEnvironment::Failure &failure);

    ui::EnvironmentBanner *m_banner;
    session::Session *m_session;
    bool m_bannerOwned = true;
    QString m_where; ///< "127.0.0.1:port" once launched
    keychain::Keychain m_keychain;
    emulatorhost::BuiltInEnvironment m_environment;
};

} // namespace aerodesk
