#pragma once

#include "core/crypto/RsaPrivateKey.h"
#include "core/crypto/SecureBytes.h"
#include "core/embedded/EventPayload.h"
#include "ui/common/SessionPanel.h"

#include <optional>

class QComboBox;
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
/// userCode masked (explicit reveal), and answer its retUrl — {status} for a connect event, the
/// encrypted {payload, status} for a silent authentication — showing the 204 or the error.
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

public Q_SLOTS:
    void decrypt();
    void answer();
    void fetchSample(bool connect);
    void installSandboxKeys();
    void importKeyFromFile();

Q_SIGNALS:
    /// The retUrl answered: `status` is the HTTP status (204) or 0 with `error` set.
    void answered(int status, const QString &error);
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
    QGroupBox *m_answerBox = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_answer = nullptr;
    NoticeLine *m_answerResult = nullptr;

    crypto::RsaPrivateKey m_key;
    bool m_keyLoading = false;
    bool m_busy = false;
    std::optional<embedded::EventPayload> m_payload;
    crypto::SecureBytes m_lastUserCode; ///< from the last connect event, for a silent-auth reply
    bool m_revealed = false;
};

} // namespace aerodesk::ui
