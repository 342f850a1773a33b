#pragma once

#include "core/api/Environment.h"
#include "core/emulatorhost/EmulatorLauncher.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::emulatorhost {

/// The built-in environment's bring-up, the one the console, aerodesk-cli and the self-test
/// share: start aerodesk-sandbox as a child (EmulatorLauncher), write its generated credentials
/// to the keychain (keychain::entries::kApiKey and kApiSecret, in the given Keychain's profile:
/// normally keychain::entries::kBuiltInProfile), then build the api::Environment pinned to the
/// child's certificate.
///
/// Asynchronous end to end: start() returns at once and never blocks the caller's thread;
/// launched() may come first, then exactly one of ready() or failed(). A later start() (or
/// stop(), or destroying the object) drops the answers still pending from the earlier one.
/// Never logs a credential: aerodesk.sandboxhost gets the address, the pid and the pin prefix.
class BuiltInEnvironment : public QObject
{
    Q_OBJECT
public:
    /// What the environment is called on screen ("Built-in sandbox").
    static constexpr const char *kDisplayName = "Built-in sandbox";

    /// Which step failed, and the words of the part that failed (the launcher or the keychain).
    struct Failure
    {
        enum class Stage { Start, Credentials };
        Stage stage = Stage::Start;
        QString reason;
        /// One clear sentence: "The built-in sandbox could not start: …" or "The built-in
        /// sandbox's credentials could not be saved in the keychain: …".
        QString message() const;
    };

    /// `keychain` (which must outlive this object) receives the credentials under its profile;
    /// `executable` and `extraArgs` are passed to EmulatorLauncher.
    BuiltInEnvironment(keychain::Keychain &keychain,
                       QString executable = EmulatorLauncher::defaultExecutablePath(),
                       QStringList extraArgs = {}, QObject *parent = nullptr);
    ~BuiltInEnvironment() override;

    void start();
    /// The widget configurationId (branding) the environment is built with: the built-in
    /// profile's, from Settings. Takes effect at the next ready().
    void setConfigurationId(const QString &configurationId) { m_configurationId = configurationId; }
    /// Stops the child; pending answers are dropped.
    void stop();

    EmulatorLauncher &launcher() { return m_launcher; }
    const EmulatorEndpoint &endpoint() const { return m_launcher.endpoint(); }

Q_SIGNALS:
    /// The child is up and its certificate pinned; its credentials are being stored.
    void launched(const aerodesk::emulatorhost::EmulatorEndpoint &endpoint);
    /// The credentials are in the keychain: `environment` is ready to use.
    void ready(const aerodesk::api::Environment &environment);
    void failed(const aerodesk::emulatorhost::BuiltInEnvironment::Failure &failure);
    /// The child exited (after ready, or while stopping).
    void exited(int code);

private:
    void onLaunched(const EmulatorEndpoint &endpoint);
    void fail(Failure::Stage stage, const QString &reason);

    keychain::Keychain &m_keychain;
    EmulatorLauncher m_launcher;
    QString m_configurationId;
    quint64 m_generation = 0; ///< bumped by start()/stop(): older keychain answers are ignored
};

} // namespace aerodesk::emulatorhost
