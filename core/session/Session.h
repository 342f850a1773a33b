#pragma once

#include "core/api/Environment.h"
#include "core/bundle/WebhookEvidenceLog.h"
#include "core/connections/UnsavedLink.h"

#include <QObject>
#include <QString>

#include <map>
#include <memory>

class QSettings;

namespace aerodesk {
class Clock;
}
namespace aerodesk::keychain {
class Keychain;
}
namespace aerodesk::api {
class ApiClient;
class LinkWidgetEventDispatcher;
} // namespace aerodesk::api
namespace aerodesk::jobs {
class JobRunner;
}
namespace aerodesk::store {
class Store;
class StoreJobs;
} // namespace aerodesk::store
namespace aerodesk::connections {
class LinkRecorder;
}
namespace aerodesk::embedded {
class EmbeddedKeyStore;
class RetUrlClient;
class EmulatorEventSource;
class EmbeddedWorkflow;
class PartnerUserDirectory;
} // namespace aerodesk::embedded
namespace aerodesk::timeline {
class TimelineRecorder;
class AuditTimelineSource;
} // namespace aerodesk::timeline
namespace aerodesk::webhooks {
class WebhookSecrets;
}
namespace aerodesk::audit {
class AuditTrail;
}

namespace aerodesk::session {

/// Everything the console's panels share for the active environment: its keychain profile,
/// ApiClient, JobRunner, the widget event dispatcher with the LinkRecorder (pageSuccess →
/// store first), the embedded-banking helpers, the encrypted store, and the webhook secret
/// rings (webhooks::WebhookSecrets, one per keychain profile: every webhook-secret write goes
/// through them, so the previous secret and the rotation time are always kept). Panels hold a
/// Session and re-read it on environmentChanged(); they never build clients of their own.
///
/// setEnvironment() swaps every per-environment object at once; the old ones are deleted from
/// the event loop (their pending callbacks are dropped by their QPointer guards). Until an
/// environment is set, isReady() is false and the accessors return null: panels show a
/// loading state instead of enabled buttons that cannot work yet.
class Session : public QObject
{
    Q_OBJECT
public:
    /// `settings` keeps what the session stores that is not a secret (the webhook secrets'
    /// rotation time); null: the application's QSettings.
    explicit Session(const Clock &clock, QSettings *settings = nullptr, QObject *parent = nullptr);
    ~Session() override;

    void setEnvironment(const api::Environment &environment);
    /// The environment could not be set up (e.g. the built-in sandbox did not start).
    void setEnvironmentFailed(const QString &why);
    /// The store, once StoreOpener has opened it (on this thread). `storeProfile`: the keychain
    /// profile of its data key, where the audit log's head is kept too (docs/audit.md).
    void setStore(std::shared_ptr<store::Store> store, const QString &storeProfile = {});
    void setStoreFailed(const QString &why);

    bool isReady() const { return bool(m_client); }
    bool isSandbox() const;
    const api::Environment &environment() const { return m_environment; }
    QString lastError() const { return m_lastError; }
    const Clock &clock() const { return m_clock; }

    keychain::Keychain *keychain() const { return m_keychain.get(); }
    api::ApiClient *client() const { return m_client.get(); }
    jobs::JobRunner *jobs() const { return m_jobs.get(); }
    api::LinkWidgetEventDispatcher *widgetEvents() const { return m_dispatcher.get(); }
    connections::LinkRecorder *linkRecorder() const { return m_recorder.get(); }
    embedded::EmbeddedKeyStore *embeddedKeys() const { return m_keys.get(); }
    embedded::RetUrlClient *retUrls() const { return m_retUrls.get(); }
    /// Only for a sandbox environment (null otherwise).
    embedded::EmulatorEventSource *sandboxEvents() const { return m_sandboxEvents.get(); }
    /// The embedded-banking rules for this environment (partner users, userCodes, answers).
    embedded::EmbeddedWorkflow *embedded() const { return m_embedded.get(); }
    /// This environment's partner users (loading starts when the environment is set).
    embedded::PartnerUserDirectory *partnerUsers() const { return m_partnerUsers.get(); }
    store::Store *store() const { return m_store.get(); }
    /// The active environment's webhook secret ring (null until an environment is set).
    webhooks::WebhookSecrets *webhookSecrets() const { return m_activeSecrets; }
    /// The webhook secret ring of any keychain profile (e.g. one edited in Settings but not
    /// active); the active environment's when `keychainProfile` is its profile. Kept for the
    /// session's life.
    webhooks::WebhookSecrets &webhookSecretsFor(const QString &keychainProfile);
    std::shared_ptr<store::Store> sharedStore() const { return m_store; }
    /// The console's writes to the store (and the reads they need) off the UI thread, on a
    /// connection of their own (null while no store is open).
    store::StoreJobs *storeJobs() const { return m_storeJobs.get(); }
    /// Recent webhook deliveries with their bodies (the Webhooks panel's listener feeds it), for
    /// escalation bundles; emptied when the environment changes.
    bundle::WebhookEvidenceLog &webhookEvidence() { return m_webhookEvidence; }
    /// The connection timeline (issue 15): attached to the client and the job runner; widget
    /// dialogs and the webhook listener attach themselves. Null until an environment and a
    /// store are set; replaced (timelineChanged) when either changes.
    timeline::TimelineRecorder *timeline() const { return m_timeline.get(); }
    /// The audit log of staff actions (null until the store is set): panels record reveals,
    /// removals, exports... through it (issue 15, docs/audit.md).
    audit::AuditTrail *audit() const { return m_audit.get(); }

Q_SIGNALS:
    void environmentChanged();
    void environmentFailed(const QString &why);
    void storeChanged();
    void storeFailed(const QString &why);
    void timelineChanged();

private:
    void rebuildRecorder();
    /// Partner users and userCodes: in the team store when the store is one, else the keychain.
    void pickPartnerUserStores();
    /// Keeps the recorder's unsaved links for the next recorder (before it is replaced).
    void keepUnsaved();
    void retire();

    const Clock &m_clock;
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
    api::Environment m_environment;
    QString m_lastError;
    bundle::WebhookEvidenceLog m_webhookEvidence;
    std::unique_ptr<keychain::Keychain> m_keychain;
    std::unique_ptr<api::ApiClient> m_client;
    std::unique_ptr<jobs::JobRunner> m_jobs;
    std::unique_ptr<api::LinkWidgetEventDispatcher> m_dispatcher;
    std::unique_ptr<connections::LinkRecorder> m_recorder;
    connections::UnsavedLinks m_unsavedCarry; ///< between two recorders: never dropped
    QString m_unsavedReason;
    std::unique_ptr<embedded::EmbeddedKeyStore> m_keys;
    std::unique_ptr<embedded::RetUrlClient> m_retUrls;
    std::unique_ptr<embedded::EmulatorEventSource> m_sandboxEvents;
    std::unique_ptr<embedded::PartnerUserDirectory> m_partnerUsers;
    std::unique_ptr<embedded::EmbeddedWorkflow> m_embedded;
    std::shared_ptr<store::Store> m_store;
    std::unique_ptr<store::StoreJobs> m_storeJobs; ///< on m_store's target
    std::unique_ptr<keychain::Keychain> m_auditKeychain;
    std::unique_ptr<audit::AuditTrail> m_audit;
    std::map<QString, std::unique_ptr<webhooks::WebhookSecrets>> m_secrets;
    webhooks::WebhookSecrets *m_activeSecrets = nullptr;
    /// The audit log as a source of the timeline (staff actions); outlives m_timeline.
    std::unique_ptr<timeline::AuditTimelineSource> m_auditSource;
    std::unique_ptr<timeline::TimelineRecorder> m_timeline; ///< last: destroyed first
};

} // namespace aerodesk::session
