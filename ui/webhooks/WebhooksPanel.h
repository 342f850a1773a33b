#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/webhooks/SecretRing.h"
#include "core/webhooks/WebhookListener.h"
#include "core/webhooks/WebhookLog.h"
#include "ui/common/SessionPanel.h"

#include <QList>
#include <QMetaObject>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace aerodesk::session {
class Session;
}
namespace aerodesk::keychain {
struct KeychainError;
}

namespace aerodesk::ui {

class MaskedSecretLabel;
class NoticeLine;
class WebhookLogModel;
class WebhookVerdictView;

/// The Webhooks panel (docs/ui.md): verify a pasted raw body + X-Webhook-Signature against the
/// environment's current and previous secret; watch sandbox deliveries through a local listener
/// (webhooks::WebhookListener, which verifies each delivery before answering 200 or 401 and logs
/// it) subscribed through webhooks::WebhookSubscriptionClient; rotate the secret
/// (webhooks::SecretRotation: Aerosync's subscriptions are patched first, the ring moves after;
/// a failure is shown with the call that failed) or set one; the current secret's age against
/// the environment's rotation period (webhooks::RotationSchedule) with a reminder when due. The
/// secrets are the session's ring (session::Session::webhookSecrets(): keychain, previous secret,
/// overlap window); the panel only asks it and shows it, and PATCHes the listener's subscription
/// when Set secret or Settings changed the ring's current secret. Secrets are shown masked with a
/// Reveal toggle. Pasted-body verification, secret generation, keychain and network work never
/// run on the UI thread; until the session is ready everything is disabled with the reason.
class WebhooksPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit WebhooksPanel(session::Session &session, QWidget *parent = nullptr);
    ~WebhooksPanel() override;

    /// The exact bytes to verify (kept as given, e.g. CRLF line ends) — as if pasted.
    void setBody(const QByteArray &raw);
    QByteArray body() const { return m_rawBody; }
    void setSignatureHeader(const QString &value);

    /// The session's ring for the active environment (an empty ring until there is one).
    const webhooks::SecretRing *ring() const;
    bool secretsLoaded() const;
    QString subscriptionId() const { return m_subscriptionId; }
    QString listenerUrl() const { return m_listener->url(); }
    webhooks::WebhookLog &log() { return m_log; }
    WebhookLogModel *logModel() const { return m_model; }
    WebhookVerdictView *verdictView() const { return m_verdict; }
    /// The rotation reminder now (empty when the secret is not due).
    QString rotationReminder() const { return m_reminder; }

    /// `secret` becomes current; with `keepPrevious` the old one becomes the previous secret.
    void setSecret(crypto::SecureBytes secret, bool keepPrevious);

public Q_SLOTS:
    void verify();
    /// A new random secret becomes current — at Aerosync first (every subscription of the
    /// environment), then locally; the old one stays accepted for the overlap window.
    void rotate();
    /// The environment's rotation period (days; kept in the settings per keychain profile).
    void setRotationPeriodDays(int days);
    void openSetSecretDialog();
    void startWatching();
    void stopWatching();
    void sendTestEvent();
    /// Re-reads the secrets from the keychain (e.g. after another program changed them).
    void reloadSecrets();

Q_SIGNALS:
    void verified(const aerodesk::webhooks::WebhookVerdict &verdict);
    void secretsChanged(); ///< loaded, rotated or set
    void watchingChanged(bool watching);
    void testEventQueued(const QString &deliveryId);
    void deliveryLogged(const aerodesk::webhooks::WebhookLogEntry &entry);
    void failed(const QString &message);
    /// A rotation ended (`ok`, with the message shown).
    void rotationFinished(bool ok, const QString &message);
    /// The rotation reminder (empty when none is due), e.g. for the main window's status bar.
    void rotationReminderChanged(const QString &reminder);

protected:
    void sessionEnvironmentChanged() override { onEnvironment(); }
    void sessionEnvironmentFailed(const QString &) override { updateActions(); }

private:
    void build();
    QWidget *buildSecrets();
    QWidget *buildVerify();
    QWidget *buildWatch();
    void onEnvironment();
    void onBodyEdited();
    void onLogged(const webhooks::WebhookLogEntry &entry);
    void refreshAge();
    /// The watch state's text while not watching: what watching does (the first-minute hint).
    QString notWatchingText() const;
    void onSecretsChanged();
    /// The callback for a rotation or a new secret: the notice or the error (current environment
    /// only).
    std::function<void(const keychain::KeychainError &)> whenSaved(const QString &what);
    void patchSubscriptionSecret();
    void showSecrets();
    void refreshOverlap();
    void updateActions();
    void showError(const QString &message);
    std::shared_ptr<const webhooks::SecretRing> currentRing() const;

    session::Session &m_session;
    webhooks::SecretRing m_noRing; ///< shown until the session has an environment
    QList<QMetaObject::Connection> m_secretsConnections;
    webhooks::WebhookLog m_log;
    webhooks::WebhookLogEntry m_lastLogged; ///< paired with the next delivered() (bundles)
    webhooks::WebhookListener *m_listener = nullptr;
    QString m_subscriptionId;
    crypto::SecureBytes m_subscribedSecret; ///< the secret the subscription signs with
    QByteArray m_rawBody;
    QString m_notice; ///< the last outcome or error, shown in the state line
    bool m_noticeIsError = false;
    bool m_settingBody = false;
    bool m_watchBusy = false; ///< subscribing/sending
    bool m_patching = false; ///< a PATCH of the subscription's secret is on its way
    bool m_rotating = false; ///< a SecretRotation is on its way
    QString m_reminder; ///< the rotation reminder shown (empty: none)
    int m_verifying = 0;

    NoticeLine *m_state = nullptr;
    MaskedSecretLabel *m_current = nullptr;
    MaskedSecretLabel *m_previous = nullptr;
    QLabel *m_overlap = nullptr;
    QLabel *m_age = nullptr;
    QSpinBox *m_period = nullptr;
    NoticeLine *m_reminderLine = nullptr;
    QPushButton *m_rotate = nullptr;
    QPushButton *m_setSecret = nullptr;
    QPlainTextEdit *m_bodyEdit = nullptr;
    QLabel *m_bodyBytes = nullptr;
    QPushButton *m_openBody = nullptr;
    QLineEdit *m_header = nullptr;
    QPushButton *m_verify = nullptr;
    WebhookVerdictView *m_verdict = nullptr;
    QPushButton *m_watch = nullptr;
    QPushButton *m_sendTest = nullptr;
    QPushButton *m_clearLog = nullptr;
    QLabel *m_watchState = nullptr;
    QTableView *m_table = nullptr;
    WebhookLogModel *m_model = nullptr;
};

} // namespace aerodesk::ui
