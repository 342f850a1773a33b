#pragma once

#include "core/crypto/RsaPrivateKey.h"
#include "core/crypto/SecureBytes.h"
#include "core/embedded/EventOutcome.h"
#include "core/embedded/EventPayload.h"
#include "ui/common/SessionPanel.h"

#include <optional>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QGroupBox;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class JsonHighlighter;
class NoticeLine;

/// The payload inspector: paste (or open, or in the sandbox fetch) an embedded-banking event
/// payload, decrypt it with the partner key from the keychain, see it as coloured JSON with the
/// userCode masked (explicit reveal), and handle it for a named partner user through the
/// session's embedded::EmbeddedWorkflow: "Answer OK" (store the userCode, then OK; or the user's
/// stored code for a silent authentication) or "Send status" (one of the document's non-OK
/// cases or a custom value). Every outcome is shown in the result line. The panel decides
/// nothing itself: which code is sent, what is stored or removed is the workflow's.
///
/// Decryption runs on the UI thread on purpose: input is capped (64 KiB of hex) and anything
/// that is not exactly one RSA block is refused before the RSA operation, so the work is one
/// ~1 ms private-key operation. Keychain and network calls are asynchronous; buttons that cannot
/// work yet are disabled with the reason in their tooltip.
class PayloadInspectorPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit PayloadInspectorPanel(session::Session &session, QWidget *parent = nullptr);
    ~PayloadInspectorPanel() override;

    /// Sets the hex text (as if pasted).
    void setPayloadText(const QString &hex);
    /// The decrypted event, if the last decrypt succeeded.
    const embedded::EventPayload *payload() const { return m_payload ? &*m_payload : nullptr; }
    /// The partner user named in the "Partner user" box (trimmed).
    QString partnerUser() const;
    void setPartnerUser(const QString &user);
    /// The workflow's id of the event shown (0: not received, or answered).
    int pendingEventId() const { return m_pendingId; }
    /// The outcome of the last answer, if any.
    const std::optional<embedded::EventOutcome> &lastOutcome() const { return m_lastOutcome; }

public Q_SLOTS:
    void decrypt();
    void answerOk();
    void sendStatus();
    void fetchSample(bool connect);
    void installSandboxKeys();
    void importKeyFromFile();

Q_SIGNALS:
    /// An answer ended (lastOutcome()): `httpStatus` is the provider's (204, 400…) or 0 when
    /// nothing came back; `result` is EventOutcome::resultName(). Not emitted while a
    /// replacement confirmation is asked (confirmationAsked()).
    void answered(int httpStatus, const QString &result);
    /// Answering OK would replace a connected user's code: the confirmation box is open.
    void confirmationAsked();
    /// A sample event arrived and is in the editor.
    void sampleLoaded();
    /// The key row changed (loaded, imported, missing).
    void keyChanged();

protected:
    void changeEvent(QEvent *event) override;
    void sessionEnvironmentChanged() override { onEnvironment(); }

private:
    void build();
    void onEnvironment();
    void loadKey();
    void showError(const QString &code, const QString &message, qsizetype position = -1);
    void showPayload();
    void updateActions();
    void setRevealed(bool revealed);
    void reloadUsers();
    /// Hands the decrypted event to the workflow for the named user (again, when the user was
    /// changed since). False, with a notice, when it cannot.
    bool ensureReceived();
    void onPendingChanged();
    void showOutcome(const embedded::EventOutcome &outcome);
    void askReplace(const embedded::EventOutcome &outcome);
    void sendOk(bool replaceConfirmed);
    void onStatusChosen();
    /// Why answering (OK or a status) is not possible now; empty when it is.
    QString answerBlocked() const;
    /// Why the chosen status cannot be sent; empty when it can.
    QString statusProblem() const;
    QString chosenStatus() const;
    void setStatusHighlighted(bool on, const QString &suggested = {});

    session::Session &m_session;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_sampleConnect = nullptr;
    QPushButton *m_sampleAuth = nullptr;
    QLabel *m_keyLabel = nullptr;
    QPushButton *m_importKey = nullptr;
    QPushButton *m_sandboxKeys = nullptr;
    QPushButton *m_decrypt = nullptr;
    NoticeLine *m_error = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_userCode = nullptr;
    QPushButton *m_reveal = nullptr;
    QPlainTextEdit *m_json = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    NoticeLine *m_hexNote = nullptr;
    QComboBox *m_user = nullptr;
    NoticeLine *m_userNotice = nullptr;
    QGroupBox *m_answerBox = nullptr;
    QPushButton *m_answerOk = nullptr;
    QGroupBox *m_statusBox = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_customStatus = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_statusHint = nullptr;
    QPushButton *m_sendStatus = nullptr;
    NoticeLine *m_answerResult = nullptr;

    crypto::RsaPrivateKey m_key;
    bool m_keyLoading = false;
    bool m_busy = false;
    std::optional<embedded::EventPayload> m_payload;
    int m_pendingId = 0; ///< the workflow's id of the shown event; 0: not received
    bool m_eventDone = false; ///< the shown event was answered (or dropped by the workflow)
    std::optional<embedded::EventOutcome> m_lastOutcome;
    bool m_revealed = false;
};

} // namespace aerodesk::ui
