#include "core/session/Session.h"

#include "core/api/ApiClient.h"
#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/audit/AuditTrail.h"
#include "core/connections/LinkRecorder.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmbeddedWorkflow.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/RetUrlClient.h"
#include "core/embedded/TeamPartnerUserStore.h"
#include "core/jobs/JobRunner.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/Store.h"
#include "core/store/StoreJobs.h"
#include "core/timeline/AuditTimelineSource.h"
#include "core/timeline/TimelineRecorder.h"
#include "core/util/Clock.h"
#include "core/util/DiagnosticsReport.h"
#include "core/util/LogCategories.h"
#include "core/webhooks/WebhookSecrets.h"

#include <QSettings>

namespace aerodesk::session {

Session::Session(const Clock &clock, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_settings(settings)
{
}

Session::~Session()
{
    // Members that refer to others go first.
    m_audit.reset();
    m_recorder.reset();
    m_embedded.reset();
    m_partnerUsers.reset();
    m_sandboxEvents.reset();
    m_retUrls.reset();
    m_jobs.reset();
    m_client.reset();
    m_activeSecrets = nullptr;
    m_secrets.clear();
}

bool Session::isSandbox() const
{
    return isReady() && m_environment.kind != api::Environment::Kind::Production;
}

void Session::retire()
{
    // Hand the old objects to the event loop: a callback of theirs may be on the stack now.
    auto adopt = [](auto &ptr) {
        if (QObject *o = ptr.release()) {
            o->setParent(nullptr);
            o->deleteLater();
        }
    };
    keepUnsaved();
    adopt(m_recorder);
    adopt(m_embedded);
    adopt(m_partnerUsers);
    adopt(m_sandboxEvents);
    adopt(m_retUrls);
    adopt(m_jobs);
    adopt(m_keys);
    adopt(m_dispatcher);
    adopt(m_client);
    adopt(m_keychain);
}

void Session::setEnvironment(const api::Environment &environment)
{
    const bool switching = isReady();
    const QString previous = m_environment.name;
    retire();
    m_webhookEvidence.clear();
    m_environment = environment;
    m_lastError.clear();
    m_keychain = std::make_unique<keychain::Keychain>(environment.profile);
    m_client = std::make_unique<api::ApiClient>(environment, *m_keychain, m_clock);
    m_jobs = std::make_unique<jobs::JobRunner>(*m_client, m_clock);
    m_dispatcher = std::make_unique<api::LinkWidgetEventDispatcher>();
    m_keys = std::make_unique<embedded::EmbeddedKeyStore>(*m_keychain);
    m_retUrls = std::make_unique<embedded::RetUrlClient>(
        m_client->transport(), embedded::RetUrlAllowList::forEnvironment(environment));
    if (environment.kind != api::Environment::Kind::Production)
        m_sandboxEvents = std::make_unique<embedded::EmulatorEventSource>(*m_client);
    m_partnerUsers = std::make_unique<embedded::PartnerUserDirectory>(*m_keychain);
    m_embedded = std::make_unique<embedded::EmbeddedWorkflow>(
        *m_keychain, *m_keys, *m_retUrls, *m_partnerUsers, m_sandboxEvents.get());
    pickPartnerUserStores();
    m_partnerUsers->load();
    m_activeSecrets = &webhookSecretsFor(environment.profile);
    rebuildRecorder();
    // The kind, name and host only: never a full URL (it could carry credentials).
    qCInfo(aerodesk::log::session).noquote()
        << "environment:" << DiagnosticsReport::environmentKindName(environment.kind)
        << environment.name << "on" << environment.baseUrl.host() << "(keychain profile"
        << environment.profile + QLatin1Char(')');
    if (m_audit) {
        m_audit->setProfile(environment.profile);
        if (switching)
            m_audit->record(audit::AuditAction::EnvironmentSwitch,
                            QStringLiteral("%1 → %2").arg(previous, environment.name));
    }
    Q_EMIT environmentChanged();
}

webhooks::WebhookSecrets &Session::webhookSecretsFor(const QString &keychainProfile)
{
    auto &slot = m_secrets[keychainProfile];
    if (!slot) {
        if (!m_settings) {
            m_ownSettings = std::make_unique<QSettings>();
            m_settings = m_ownSettings.get();
        }
        slot = std::make_unique<webhooks::WebhookSecrets>(keychainProfile, *m_settings, m_clock);
    }
    return *slot;
}

void Session::setEnvironmentFailed(const QString &why)
{
    m_lastError = why;
    qCWarning(aerodesk::log::session).noquote() << "environment failed:" << why;
    Q_EMIT environmentFailed(why);
}

void Session::setStore(std::shared_ptr<store::Store> store, const QString &storeProfile)
{
    keepUnsaved();
    m_recorder.reset();
    m_audit.reset();
    m_storeJobs.reset(); // its jobs given so far end on the old store first
    m_store = std::move(store);
    if (m_store) {
        m_storeJobs = std::make_unique<store::StoreJobs>(*m_store);
        m_auditKeychain = std::make_unique<keychain::Keychain>(
            storeProfile.isEmpty() ? QString::fromLatin1(keychain::entries::kStoreProfile)
                                   : storeProfile);
        m_audit = std::make_unique<audit::AuditTrail>(m_store, *m_auditKeychain, m_clock);
        m_audit->setProfile(m_environment.profile);
        m_audit->setJobs(m_storeJobs.get()); // appends off the UI thread, in order
    }
    rebuildRecorder();
    pickPartnerUserStores();
    qCInfo(aerodesk::log::session).noquote()
        << "store:" << (m_store ? m_store->target().describe() : QStringLiteral("none"));
    Q_EMIT storeChanged();
}

void Session::pickPartnerUserStores()
{
    if (!m_partnerUsers || !m_embedded)
        return;
    // A team store (PostgreSQL) shares partner users and userCodes with the whole desk; a local
    // store leaves them in this desktop's keychain, as before (docs/team.md).
    std::shared_ptr<embedded::TeamPartnerUserStore> team;
    if (m_store && m_store->target().isPostgres()) {
        team = std::make_shared<embedded::TeamPartnerUserStore>(*m_store, m_environment.profile);
        // Another console's change is read at once (docs/team.md, "Live updates").
        embedded::PartnerUserDirectory *users = m_partnerUsers.get();
        connect(team.get(), &embedded::TeamPartnerUserStore::changedElsewhere, users,
                [users] { users->load(); });
        // An outage is a state the Partner users panel shows (docs/team.md, "When the database
        // goes away"); the list is read again when the worker's connection is back.
        connect(team.get(), &embedded::TeamPartnerUserStore::reachableChanged, users,
                [users](bool reachable) { users->setStoreReachable(reachable); });
    }
    m_embedded->useUserCodes(team);
    m_partnerUsers->useStore(team);
}

void Session::setStoreFailed(const QString &why)
{
    m_lastError = why;
    qCWarning(aerodesk::log::session).noquote() << "store failed:" << why;
    Q_EMIT storeFailed(why);
}

void Session::keepUnsaved()
{
    if (m_recorder && m_recorder->unsavedCount() > 0) {
        m_unsavedCarry = m_recorder->unsavedLinks();
        m_unsavedReason = m_recorder->unsavedReason();
    }
}

void Session::rebuildRecorder()
{
    // pageSuccess is recorded in the store before anything else, once both exist.
    if (!m_dispatcher || !m_client || !m_store)
        return;
    auto next = std::make_unique<connections::LinkRecorder>(*m_dispatcher, m_store->connections(),
                                                            *m_client, m_clock);
    // Linked connections the old store refused stay in memory with the next recorder: never lost.
    next->adoptUnsaved(std::exchange(m_unsavedCarry, {}), std::exchange(m_unsavedReason, {}));
    m_recorder = std::move(next);
    // The timeline writes on its own thread, through its own connection to the same file.
    m_timeline.reset();
    m_timeline = std::make_unique<timeline::TimelineRecorder>(m_store->target(), m_store->dataKey(),
                                                              m_store->password());
    m_timeline->setSessionId(m_store->sessionId());
    m_timeline->attach(*m_client);
    m_timeline->attach(*m_jobs);
    // The audit log's staff actions on a connection are steps of its timeline.
    m_auditSource = std::make_unique<timeline::AuditTimelineSource>(m_audit.get());
    m_timeline->addSource(m_auditSource.get());
    Q_EMIT timelineChanged();
}

} // namespace aerodesk::session
