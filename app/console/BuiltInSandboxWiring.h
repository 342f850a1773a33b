#pragma once

#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/emulatorhost/EmulatorLauncher.h"

#include <QObject>

namespace aerodesk::ui {
class EnvironmentBanner;
}
namespace aerodesk::session {
class Session;
}

namespace aerodesk {

/// Start-up wiring of the built-in environment: starts aerodesk-sandbox as a child on a free
/// port, pins its certificate, keeps its credentials in the keychain under the profile
/// "Built-in sandbox", shows its state in the environment banner, and stops it on exit.
class BuiltInSandboxWiring : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kProfile = keychain::entries::kBuiltInProfile;

    /// `session` (optional) gets the environment once the credentials are in the keychain.
    BuiltInSandboxWiring(ui::EnvironmentBanner *banner, session::Session *session = nullptr, QObject *parent = nullptr);
    void start();
    emulatorhost::EmulatorLauncher &sandbox() { return m_sandbox; }
    /// False once the user chose another environment: the sandbox's later news (it stopped)
    /// must not overwrite that environment's banner.
    void setBannerOwned(bool owned) { m_bannerOwned = owned; }

private:
    void onReady(const emulatorhost::EmulatorEndpoint &endpoint);
    ui::EnvironmentBanner *m_banner;
    session::Session *m_session;
    bool m_bannerOwned = true;
    emulatorhost::EmulatorLauncher m_sandbox;
    keychain::Keychain m_keychain;
};

} // namespace aerodesk
