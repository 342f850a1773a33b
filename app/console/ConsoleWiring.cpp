#include "app/console/ConsoleWiring.h"

#include "core/audit/BundleAudit.h"
#include "core/jobs/JobRunner.h"
#include "core/session/EnvironmentProfiles.h"
#include "core/session/TeamStoreSettings.h"
#include "core/store/Store.h"
#include "core/store/StoreLocation.h"
#include "core/webhooks/WebhookSecrets.h"
#include "ui/connections/ConnectionsPanel.h"
#include "ui/connections/ExpiryNotifier.h"
#include "ui/settings/SettingsPanel.h"
#include "ui/shell/EnvironmentBanner.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PanelCatalogue.h"
#include "ui/webhooks/RotationReminderStatus.h"
#include "ui/webhooks/WebhooksPanel.h"

#include <QEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace aerodesk {

ConsoleWiring::ConsoleWiring(ui::MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_session(m_clock)
    , m_storeKeychain(QString::fromLatin1(store::StoreLocation::kKeychainProfile))
    , m_storeOpener(m_storeKeychain)
    , m_sandbox(window.environmentBanner(), &m_session)
{
    // Every bundle written (the preview dialog's Save) is one `export` record in the audit log.
    audit::BundleAudit::install([this] { return m_session.audit(); });
    // Each environment has its own store choice (Settings → Store).
    connect(&m_session, &session::Session::environmentChanged, this, [this] {
        if (m_storeStarted)
            reopenStore();
    });
    // Panels are created when first needed (docs/performance.md, "Start-up"): each is linked
    // as it comes.
    connect(&m_window, &ui::MainWindow::panelCreated, this, &ConsoleWiring::linkPanel);
}

ConsoleWiring::~ConsoleWiring()
{
    audit::BundleAudit::uninstall();
}

void ConsoleWiring::installPanels()
{
    // Every panel of the catalogue, bound to the one session, created now and linked (the
    // self-test and the screenshot tour see every panel at once).
    installPanelPlaceholders();
    for (const ui::PanelEntry &entry : ui::PanelCatalogue::entries())
        m_window.panel(entry.id);
    linkShell();
}

void ConsoleWiring::installPanelPlaceholders()
{
    for (const ui::PanelEntry &entry : ui::PanelCatalogue::entries()) {
        m_window.addLazyPanel(entry, [this, create = entry.create] { return create(m_session); });
    }
}

void ConsoleWiring::createPanel(const QString &id)
{
    m_window.panel(id);
}

void ConsoleWiring::completeStartupAfterFirstPaint(int fallbackMs)
{
    if (m_completed || m_completionScheduled)
        return;
    // The first Paint of the window itself: its whole first frame is drawn in that same
    // backing-store sync, so a 0 ms timer posted then runs after the frame is on screen.
    m_window.installEventFilter(this);
    QTimer::singleShot(fallbackMs, this, [this] { scheduleCompletion(); });
}

bool ConsoleWiring::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Paint)
        scheduleCompletion();
    return QObject::eventFilter(watched, event);
}

void ConsoleWiring::scheduleCompletion()
{
    if (m_completionScheduled || m_completed)
        return;
    m_completionScheduled = true;
    m_window.removeEventFilter(this);
    QTimer::singleShot(0, this, &ConsoleWiring::completeStartup);
}

void ConsoleWiring::completeStartup()
{
    if (m_completed)
        return;
    m_completed = true;
    m_window.removeEventFilter(this);
    // The other panels are NOT created here: each is created when first shown (or, for Jobs,
    // when the first job starts), which keeps the console's memory after start-up down. Nothing
    // a hidden panel would do is lost: see linkShell().
    linkShell();
    start();
    Q_EMIT startupFinished();
}

void ConsoleWiring::linkPanel(const QString &id, QWidget *panel)
{
    if (id == QLatin1String("connections")) {
        if (auto *connections = qobject_cast<ui::ConnectionsPanel *>(panel))
            wireConnections(connections);
    } else if (id == QLatin1String("settings")) {
        if (auto *settings = qobject_cast<ui::SettingsPanel *>(panel)) {
            wireSettings(settings);
            connect(settings, &ui::SettingsPanel::teamStoreApplied, this,
                    &ConsoleWiring::reopenAppliedStore, Qt::UniqueConnection);
        }
    }
}

void ConsoleWiring::linkShell()
{
    if (m_shellLinked)
        return;
    m_shellLinked = true;
    // The rotation reminder in the status bar follows the session's webhook secrets itself, so
    // it shows whether or not the Webhooks panel was ever opened.
    new ui::RotationReminderStatus(m_window.statusBar(), m_session);
    // A job started anywhere (Connections, the bulk refresh) creates the Jobs panel, so its
    // progress is followed and an MFA prompt opens at once even if the panel was never shown
    // (JobsModel and JobsPanel take the jobs already running from JobRunner::running()).
    connect(&m_session, &session::Session::environmentChanged, this, &ConsoleWiring::followJobs);
    followJobs();
}

void ConsoleWiring::followJobs()
{
    if (jobs::JobRunner *runner = m_session.jobs()) {
        connect(runner, &jobs::JobRunner::started, this, &ConsoleWiring::onJobStarted,
                Qt::UniqueConnection);
    }
}

void ConsoleWiring::onJobStarted()
{
    m_window.panel(QStringLiteral("jobs"));
}

void ConsoleWiring::wireConnections(ui::ConnectionsPanel *connections)
{
    auto *expiryNotifier = new ui::ExpiryNotifier(m_window.statusBar(), this);
    expiryNotifier->watch(connections);
    // Link and Reconnect run the widget from the panel itself (ui::ConnectionLinker: loading
    // state, the dialog shown with its first step); the expiry notice's Reconnect goes there too.
    // "Run a walkthrough" in the panel's empty state opens the Walkthroughs panel.
    connect(connections, &ui::ConnectionsPanel::walkthroughRequested, this,
            [this] { m_window.showPanel(QStringLiteral("walkthroughs")); });
}

void ConsoleWiring::wireSettings(ui::SettingsPanel *settings)
{
    // A webhook secret saved in Settings is read again: by the Webhooks panel when it exists
    // (which also shows a read error), else straight into the session's ring.
    connect(settings, &ui::SettingsPanel::secretsSaved, this, [this] {
        if (m_window.isPanelCreated(QStringLiteral("webhooks"))) {
            if (auto *webhooks =
                    qobject_cast<ui::WebhooksPanel *>(m_window.panel(QStringLiteral("webhooks"))))
                return webhooks->reloadSecrets();
        }
        if (webhooks::WebhookSecrets *secrets = m_session.webhookSecrets())
            secrets->reload();
    });
    // The banner follows the environment chosen in Settings (production turns it red).
    connect(settings, &ui::SettingsPanel::environmentChosen, this,
            [this](const api::Environment &env) {
                m_sandbox.setBannerOwned(env.kind == api::Environment::Kind::BuiltInSandbox);
                // "certificate pinned" only where HttpTransport checks the pin on every reply.
                const QString detail = env.pinEnforced()
                    ? tr("%1 · certificate pinned (%2…)")
                          .arg(env.baseUrl.toString(),
                               QString::fromLatin1(env.pinnedCertSha256Hex.left(12)))
                    : env.baseUrl.toString();
                m_window.environmentBanner()->setEnvironment(env.kind, env.name, detail);
            });
}

void ConsoleWiring::start()
{
    m_storeStarted = true;
    reopenStore();
    m_sandbox.start();
}

void ConsoleWiring::reopenStore(bool force)
{
    QSettings settings;
    const session::EnvironmentProfiles profiles(settings);
    std::optional<session::EnvironmentProfile> profile = m_session.isReady()
        ? profiles.findByKeychainProfile(m_session.environment().profile)
        : profiles.find(QString::fromLatin1(session::EnvironmentProfiles::kBuiltInId));
    const session::TeamStoreChoice choice = profile
        ? session::TeamStoreSettings(settings).read(profile->id)
        : session::TeamStoreChoice {};
    const store::StoreTarget target =
        session::TeamStoreSettings::target(choice, store::Store::defaultPath());
    if (!force && m_storeGeneration > 0 && target == m_storeTarget)
        return; // this store is open (or opening) already
    m_storeTarget = target;
    const int generation = ++m_storeGeneration;
    // The audit log's keychain head belongs to the store: a team store keeps it in the
    // environment's profile, next to the store's password.
    const QString headProfile = target.isPostgres()
        ? profile->keychainProfile
        : QString::fromLatin1(store::StoreLocation::kKeychainProfile);
    const auto done = [this, generation,
                       headProfile](Result<std::shared_ptr<store::Store>, store::StoreError> r) {
        if (generation != m_storeGeneration)
            return; // another store was chosen meanwhile
        if (r)
            return m_session.setStore(r.value(), headProfile);
        m_storeTarget = store::StoreTarget(); // the next reopenStore() tries again
        m_session.setStoreFailed(r.error().message);
    };
    if (target.isSqlite())
        return m_storeOpener.open(target, done);
    auto &opener = m_teamStoreOpeners[profile->keychainProfile];
    if (!opener) {
        auto &kc = m_teamStoreKeychains[profile->keychainProfile];
        kc = std::make_unique<keychain::Keychain>(profile->keychainProfile);
        opener = std::make_unique<store::StoreOpener>(*kc);
    }
    opener->open(target, done);
}

} // namespace aerodesk
