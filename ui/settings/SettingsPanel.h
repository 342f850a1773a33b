#pragma once

#include "core/api/Environment.h"
#include "core/session/EnvironmentProfiles.h"
#include "ui/common/CallbackGuard.h"
#include "ui/common/SessionPanel.h"

#include <map>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSettings;

namespace aerodesk::keychain {
class Keychain;
}
namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class NoticeLine;
class TeamKeyForm;
class TeamStoreForm;

/// Settings → environments (docs/ui.md): the built-in sandbox (read-only, its pinned certificate
/// fingerprint), custom sandboxes (base URL + optional pinned certificate PEM file) and
/// production. Per profile: apiKey, apiSecret and the webhook secret go ONLY to the keychain under
/// the profile's namespace (password fields, cleared after saving, never read back — the panel
/// shows "saved ✓" / "not set"); the webhook secret through the session's secret ring for that
/// profile (session::Session::webhookSecretsFor), so the old one stays accepted as the previous
/// secret and the rotation time is kept, as after a rotation in the Webhooks panel; configurationId
/// and the other public fields go to QSettings (session::EnvironmentProfiles). "Use this
/// environment" hands it to the session and emits environmentChosen (production asks first).
class SettingsPanel : public SessionPanel
{
    Q_OBJECT
public:
    /// `settings`: where profiles are kept; null: the application's QSettings.
    explicit SettingsPanel(session::Session &session, QSettings *settings = nullptr,
                           QWidget *parent = nullptr);
    ~SettingsPanel() override;

    session::EnvironmentProfiles &profiles() { return m_profiles; }
    /// The selected environment's store choice (local or team store).
    TeamStoreForm *teamStoreForm() const { return m_teamStore; }
    TeamKeyForm *teamKeyForm() const { return m_teamKey; }
    QString currentProfileId() const { return m_currentId; }
    void selectProfile(const QString &id);

public Q_SLOTS:
    /// Adds a custom sandbox profile (name and URL to fill in) and selects it.
    void addCustomProfile();
    void removeCurrentProfile();
    /// Public fields → QSettings; each non-empty secret field → the keychain (then cleared).
    void saveCurrent();
    /// Builds the selected environment (off the UI thread) and makes it the session's.
    void useCurrent();

Q_SIGNALS:
    void environmentChosen(const aerodesk::api::Environment &environment);
    /// A Save finished writing secrets of `keychainProfile` (e.g. reload the Webhooks panel).
    void secretsSaved(const QString &keychainProfile);
    /// The saved ✓ / not set labels were refreshed from the keychain.
    void secretStatusChanged();
    void failed(const QString &message);
    /// The store choice of the environment `profileId` was applied (re-open its store).
    void teamStoreApplied(const QString &profileId);

protected:
    void sessionEnvironmentChanged() override { onEnvironment(); }

private:
    void build();
    void reloadList();
    void showProfile();
    void refreshSecretStatus();
    void refreshFingerprint();
    void onEnvironment();
    void apply(const api::Environment &environment);
    void updateActions();
    session::EnvironmentProfile editedProfile() const;

    session::Session &m_session;
    std::unique_ptr<QSettings> m_ownSettings;
    session::EnvironmentProfiles m_profiles;
    keychain::Keychain &keychainFor(const QString &profile);

    /// One Keychain per profile, kept for the panel's life so no pending callback is dropped.
    std::map<QString, std::unique_ptr<keychain::Keychain>> m_keychains;
    std::optional<api::Environment> m_builtIn; ///< last built-in environment seen on the session
    QString m_currentId;
    CallbackGuard m_profileGuard; ///< reset when another profile is shown: its callbacks drop out
    int m_pendingWrites = 0;
    bool m_building = false; ///< preparing an environment off the UI thread
    bool m_listUpdating = false;

    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_active = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_certFile = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_fingerprint = nullptr;
    QLineEdit *m_configurationId = nullptr;
    QLineEdit *m_retUrlOrigins = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QLabel *m_apiKeyStatus = nullptr;
    QLineEdit *m_apiSecret = nullptr;
    QLabel *m_apiSecretStatus = nullptr;
    QLineEdit *m_webhookSecret = nullptr;
    QLabel *m_webhookSecretStatus = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_use = nullptr;
    NoticeLine *m_notice = nullptr;
    TeamStoreForm *m_teamStore = nullptr;
    TeamKeyForm *m_teamKey = nullptr;
};

} // namespace aerodesk::ui
