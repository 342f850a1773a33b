#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/webhooks/SecretRing.h"
#include "core/webhooks/WebhookLog.h"
#include "ui/common/SessionPanel.h"
#include "ui/webhooks/WebhookListener.h"

#include <QPointer>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QTableView;

namespace aerodesk::session {
class Session;
}
namespace aerodesk::webhooks {
class SecretRingStore;
}

namespace aerodesk::ui {

class MaskedSecretLabel;
class NoticeLine;
class WebhookLogModel;
class WebhookVerdictView;

/// The Webhooks panel (docs/ui.md): verify a pasted raw body + X-Webhook-Signature against the
/// environment's current and previous secret; watch sandbox deliveries through a local listener
/// subscribed with the sandbox webhook API, each verified into a log table; rotate the secret
/// (keychain, overlap window, PATCH of the subscription) or set one. Secrets are shown masked
/// with a Reveal toggle. Verification, secret generation, keychain and network work never run
/// on the UI thread; until the session is ready everything is disabled with the reason.
class WebhooksPanel : public SessionPanel
{
    Q_OBJECT
public:
    /// `settings` holds the rotation time (SecretRingStore); null: the application's QSettings.
    explicit WebhooksPanel(session::Session &session, QSettings *settings = nullptr, QWidget *parent = nullptr);
    ~WebhooksPanel() override;

    /// The exact bytes to verify (kept as given, e.g. CRLF line ends) — as if pasted.
    void setBody(const QByteArray &raw);
    QByteArray body() const { return m_rawBody; }
    void setSignatureHeader(const QString &value);

    const webhooks::SecretRing *ring() const { return m_ring.get(); }
    bool secretsLoaded() const { return m_loaded; }
    QString subscriptionId() const { return m_subscriptionId; }
    QString listenerUrl() const { return m_listener->url(); }
    webhooks::WebhookLog &log() { return m_log; }
    WebhookLogModel *logModel() const { return m_model; }
    WebhookVerdictView *verdictView() const { return m_verdict; }

    /// `secret` becomes current; with `keepPrevious` the old one becomes the previous secret.
    void setSecret(crypto::SecureBytes secret, bool keepPrevious);

public Q_SLOTS:
    void verify();
    /// A new random secret becomes current; the old one stays accepted for the overlap window.
    void rotate();
    void openSetSecretDialog();
    void startWatching();
    void stopWatching();
    void sendTestEvent();
    /// Re-reads the secrets from the keychain (e.g. after Settings changed them).
    void reloadSecrets();

Q_SIGNALS:
    void verified(const aerodesk::webhooks::WebhookVerdict &verdict);
    void secretsChanged();   ///< loaded, rotated or set
    void watchingChanged(bool watching);
    void testEventQueued(const QString &deliveryId);
    void deliveryLogged(const aerodesk::webhooks::WebhookLogEntry &entry);
    void failed(const QString &message);

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
    void onDelivery(const QByteArray &body, const WebhookListener::Headers &headers);
    void saveRing(std::shared_ptr<webhooks::SecretRing> next, const QString &what);
    void patchSubscriptionSecret();
    void showSecrets();
    void refreshOverlap();
    void updateActions();
    void showError(const QString &message);
    std::shared_ptr<webhooks::SecretRing> copyRing() const;

    session::Session &m_session;
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
    QPointer<webhooks::SecretRingStore> m_store;
    std::shared_ptr<webhooks::SecretRing> m_ring;
    webhooks::WebhookLog m_log;
    WebhookListener *m_listener = nullptr;
    QString m_subscriptionId;
    QByteArray m_rawBody;
    QString m_notice;             ///< the last outcome or error, shown in the state line
    bool m_noticeIsError = false;
    bool m_settingBody = false;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_busy = false;          ///< saving/rotating
    bool m_watchBusy = false;     ///< subscribing/sending
    int m_verifying = 0;

    NoticeLine *m_state = nullptr;
    MaskedSecretLabel *m_current = nullptr;
    MaskedSecretLabel *m_previous = nullptr;
    QLabel *m_overlap = nullptr;
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
