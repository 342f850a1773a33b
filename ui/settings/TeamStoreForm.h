#pragma once

#include "core/session/EnvironmentProfiles.h"
#include "core/session/TeamStoreSettings.h"
#include "ui/common/CallbackGuard.h"

#include <QWidget>

#include <map>
#include <memory>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSettings;
class QSpinBox;

namespace aerodesk::keychain {
class Keychain;
}
namespace aerodesk::store {
class StoreOpener;
}

namespace aerodesk::ui {

class NoticeLine;

/// Settings → "Team store" of one environment (docs/team.md, "Choosing the store"): the local
/// store or a team store on PostgreSQL (host, port, database, user, TLS mode, CA file, team).
/// The public fields go to QSettings (session::TeamStoreSettings); the password ONLY to the
/// environment's keychain profile (entry teamStore.password), written off the UI thread by
/// the async keychain API, then cleared from the field and never read back into it. "Test
/// connection" opens the store off the UI thread (store::StoreOpener::probe) and shows the team
/// key id or the specific error. Apply saves and emits applied(): the console re-opens its store.
class TeamStoreForm : public QWidget
{
    Q_OBJECT
public:
    explicit TeamStoreForm(QSettings &settings, QWidget *parent = nullptr);
    ~TeamStoreForm() override;

    /// Shows `profile`'s choice (drops the callbacks of the one shown before).
    void setProfile(const session::EnvironmentProfile &profile);
    QString profileId() const { return m_profile.id; }
    /// The choice as the fields hold it now.
    session::TeamStoreChoice editedChoice() const;

public Q_SLOTS:
    /// Validates, writes the fields to settings and a typed password to the keychain.
    void apply();
    /// Opens the store as the fields describe it, off the UI thread; the outcome in the notice.
    void testConnection();

Q_SIGNALS:
    /// Apply finished (settings and keychain written) for the environment `profileId`.
    void applied(const QString &profileId);
    /// Test connection finished: ok, and the message shown.
    void tested(bool ok, const QString &message);
    /// The password status label was refreshed from the keychain.
    void passwordStatusChanged();

private:
    void build();
    void updateEnabled();
    void refreshWarning();
    void refreshPasswordStatus();
    keychain::Keychain &keychainFor(const QString &profile);
    store::StoreOpener &openerFor(const QString &profile);

    session::TeamStoreSettings m_settings;
    session::EnvironmentProfile m_profile;
    std::map<QString, std::unique_ptr<keychain::Keychain>> m_keychains;
    std::map<QString, std::unique_ptr<store::StoreOpener>> m_openers;
    CallbackGuard m_guard; ///< reset when another profile is shown
    bool m_busy = false;

    QRadioButton *m_local = nullptr;
    QRadioButton *m_team = nullptr;
    QGroupBox *m_fields = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_teamName = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordStatus = nullptr;
    QLabel *m_warning = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_apply = nullptr;
    NoticeLine *m_notice = nullptr;
};

} // namespace aerodesk::ui
