#pragma once

#include "app/console/BuiltInSandboxWiring.h"
#include "core/keychain/Keychain.h"
#include "core/session/Session.h"
#include "core/store/StoreOpener.h"
#include "core/util/Clock.h"

#include <QObject>

#include <map>
#include <memory>

namespace aerodesk::ui {
class ConnectionsPanel;
class MainWindow;
class SettingsPanel;
} // namespace aerodesk::ui

namespace aerodesk {

/// The console's start-up wiring: one shared session::Session for every panel, the encrypted
/// store opened with its key from the keychain ("Local store"), and the built-in sandbox
/// started as a child and handed to the session once its credentials are in the keychain.
/// Nothing here blocks the UI thread: every step is asynchronous.
class ConsoleWiring : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleWiring(ui::MainWindow &window, QObject *parent = nullptr);
    ~ConsoleWiring() override;
    /// Creates every panel of ui::PanelCatalogue (all bound to session()) in the window, and
    /// links the ones that talk to each other or to the shell (the self-test, screenshots).
    void installPanels();
    /// Opens the store and starts the built-in sandbox.
    void start();
    /// Opens the store the current environment chose in Settings (the local file, or its team
    /// store: docs/team.md) unless that one is open already; the built-in sandbox's choice
    /// before any environment is set. Runs again when the environment changes or its store
    /// choice is applied (`force`: even when that target is open, e.g. a new password).
    void reopenStore(bool force = false);
    /// The target of the store opened last (or being opened).
    const store::StoreTarget &storeTarget() const { return m_storeTarget; }

    /// The interactive start-up, in two steps so the window maps sooner (docs/performance.md):
    /// every catalogue entry gets its navigation row and an empty placeholder page now ...
    void installPanelPlaceholders();
    /// ... the panel that will be shown first is created now (replacing its placeholder); any
    /// other panel is created when it is first shown (MainWindow::addLazyPanel) ...
    void createPanel(const QString &id);
    /// ... and after the window's first paint (or `fallbackMs`, should no paint come) the shell
    /// is linked (the rotation reminder, the Jobs panel created by the first job) and start()
    /// runs; then startupFinished() is emitted. Safe to call once the window is shown.
    void completeStartupAfterFirstPaint(int fallbackMs = 1000);
    /// The second step at once (what completeStartupAfterFirstPaint() runs); idempotent.
    void completeStartup();
    bool isStartupComplete() const { return m_completed; }

    session::Session &session() { return m_session; }
    /// The built-in sandbox's start line (its control token for /sandbox control routes).
    const emulatorhost::EmulatorEndpoint &sandboxEndpoint()
    {
        return m_sandbox.sandbox().endpoint();
    }
    const Clock &clock() const { return m_clock; }

Q_SIGNALS:
    void startupFinished();

private Q_SLOTS:
    void reopenAppliedStore() { reopenStore(true); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void wireConnections(ui::ConnectionsPanel *connections);
    void wireSettings(ui::SettingsPanel *settings);
    /// Links a panel as it is created (MainWindow::panelCreated).
    void linkPanel(const QString &id, QWidget *panel);
    /// What the shell does whether or not a panel exists (status bar reminder, Jobs on demand).
    void linkShell();
    void followJobs();
    void onJobStarted();
    void scheduleCompletion();

    ui::MainWindow &m_window;
    SystemClock m_clock;
    session::Session m_session;
    keychain::Keychain m_storeKeychain;
    store::StoreOpener m_storeOpener;
    /// A team store's password lives in its environment's keychain profile.
    /// One per keychain profile, kept for the wiring's life so no pending callback is dropped.
    std::map<QString, std::unique_ptr<keychain::Keychain>> m_teamStoreKeychains;
    std::map<QString, std::unique_ptr<store::StoreOpener>> m_teamStoreOpeners;
    store::StoreTarget m_storeTarget;
    int m_storeGeneration = 0; ///< an older open's result is dropped
    bool m_storeStarted = false;
    BuiltInSandboxWiring m_sandbox;
    bool m_shellLinked = false;
    bool m_completionScheduled = false;
    bool m_completed = false;
};

} // namespace aerodesk
