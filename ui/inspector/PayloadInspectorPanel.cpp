#include "ui/inspector/PayloadInspectorPanel.h"

#include "core/api/ApiClient.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/embedded/RetUrlClient.h"
#include "core/embedded/RetUrlReply.h"
#include "core/session/Session.h"
#include "ui/common/JsonHighlighter.h"
#include "ui/common/NoticeLine.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextBlock>
#include <QVBoxLayout>

namespace aerodesk::ui {

namespace {

QPushButton *button(const QString &text, const QString &accessible, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setAccessibleName(accessible);
    return b;
}

} // namespace

PayloadInspectorPanel::PayloadInspectorPanel(session::Session &session, QWidget *parent)
    : SessionPanel(&session, parent)
    , m_session(session)
{
    build();
    syncWithSession();
}

PayloadInspectorPanel::~PayloadInspectorPanel() = default;

void PayloadInspectorPanel::build()
{
    setObjectName(QStringLiteral("inspectorPanel"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *layout = new QVBoxLayout(this);

    auto *title = new QLabel(
        tr("<h2>Payload Inspector</h2>Decrypt an embedded-banking event and answer its retUrl."),
        this);
    title->setWordWrap(true);
    layout->addWidget(title);

    // Input.
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("payloadInput"));
    m_input->setAccessibleName(tr("Payload (hex)"));
    m_input->setPlaceholderText(
        tr("Paste the hex payload of a connect or silent-authentication event…"));
    m_input->setFont(mono);
    m_input->setMaximumHeight(110);
    layout->addWidget(m_input);
    connect(m_input, &QPlainTextEdit::textChanged, this, &PayloadInspectorPanel::updateActions);

    auto *inputRow = new QHBoxLayout;
    m_open = button(tr("&Open file…"), tr("Open a payload file"), this);
    m_sampleConnect = button(tr("Sample &connect event"),
                             tr("Get a sample connect event from the sandbox"), this);
    m_sampleAuth = button(tr("Sample &silent-auth event"),
                          tr("Get a sample silent-authentication event from the sandbox"), this);
    m_decrypt = button(tr("&Decrypt"), tr("Decrypt the payload"), this);
    m_decrypt->setObjectName(QStringLiteral("decryptButton"));
    m_decrypt->setDefault(true);
    m_decrypt->setToolTip(tr("Decrypt with the partner private key (Ctrl+Return)"));
    inputRow->addWidget(m_open);
    inputRow->addWidget(m_sampleConnect);
    inputRow->addWidget(m_sampleAuth);
    inputRow->addStretch();
    inputRow->addWidget(m_decrypt);
    layout->addLayout(inputRow);
    connect(m_open, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Open a payload"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return showError(tr("input"), tr("Cannot read %1: %2").arg(path, f.errorString()));
            setPayloadText(
                QString::fromLatin1(f.read(embedded::PayloadDecryptor::kMaxHexChars + 1)));
        });
        dialog->open();
    });
    connect(m_sampleConnect, &QPushButton::clicked, this, [this] { fetchSample(true); });
    connect(m_sampleAuth, &QPushButton::clicked, this, [this] { fetchSample(false); });
    connect(m_decrypt, &QPushButton::clicked, this, &PayloadInspectorPanel::decrypt);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, this, &PayloadInspectorPanel::decrypt);

    // Key.
    auto *keyRow = new QHBoxLayout;
    m_keyLabel = new QLabel(this);
    m_keyLabel->setObjectName(QStringLiteral("keyLabel"));
    m_keyLabel->setAccessibleName(tr("Partner private key"));
    m_keyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyLabel->setWordWrap(true);
    m_importKey = button(tr("&Import key…"),
                         tr("Import the partner private key (PEM) into the keychain"), this);
    m_sandboxKeys =
        button(tr("Use sandbox &keys"), tr("Put the sandbox's key pair in the keychain"), this);
    keyRow->addWidget(m_keyLabel, 1);
    keyRow->addWidget(m_importKey);
    keyRow->addWidget(m_sandboxKeys);
    layout->addLayout(keyRow);
    connect(m_importKey, &QPushButton::clicked, this, &PayloadInspectorPanel::importKeyFromFile);
    connect(m_sandboxKeys, &QPushButton::clicked, this, &PayloadInspectorPanel::installSandboxKeys);

    // Result.
    m_error = new NoticeLine(QStringLiteral("errorLabel"), tr("Decryption error"), this);
    layout->addWidget(m_error);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setAccessibleName(tr("Event summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto *codeRow = new QHBoxLayout;
    m_userCode = new QLabel(this);
    m_userCode->setObjectName(QStringLiteral("userCodeLabel"));
    m_userCode->setAccessibleName(tr("userCode"));
    m_reveal = button(tr("&Reveal userCode"), tr("Reveal or hide the userCode"), this);
    m_reveal->setCheckable(true);
    m_reveal->setObjectName(QStringLiteral("revealButton"));
    codeRow->addWidget(m_userCode, 1);
    codeRow->addWidget(m_reveal);
    layout->addLayout(codeRow);
    connect(m_reveal, &QPushButton::toggled, this, &PayloadInspectorPanel::setRevealed);

    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(QStringLiteral("jsonView"));
    m_json->setAccessibleName(tr("Decrypted JSON"));
    m_json->setReadOnly(true);
    m_json->setFont(mono);
    m_highlighter = new JsonHighlighter(m_json->document());
    layout->addWidget(m_json, 1);

    // Answer.
    m_answerBox = new QGroupBox(tr("Answer the retUrl"), this);
    auto *form = new QFormLayout(m_answerBox);
    m_status = new QComboBox(m_answerBox);
    m_status->setEditable(true);
    m_status->addItems(
        { QStringLiteral("OK"), QStringLiteral("DECLINED"), QStringLiteral("ERROR") });
    m_status->setAccessibleName(tr("Status to send"));
    m_status->lineEdit()->setAccessibleName(tr("Status to send"));
    m_reason = new QLineEdit(m_answerBox);
    m_reason->setAccessibleName(tr("Reason (for a status other than OK)"));
    m_reason->setPlaceholderText(tr("optional, sent with a status other than OK"));
    m_answer = button(tr("&Answer retUrl"), tr("Send the answer to the retUrl"), m_answerBox);
    m_answer->setObjectName(QStringLiteral("answerButton"));
    m_answerResult =
        new NoticeLine(QStringLiteral("answerResult"), tr("retUrl result"), m_answerBox);
    m_answerResult->setKeepsSpaceWhenEmpty(true);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(m_answer);
    form->addRow(m_answerResult);
    layout->addWidget(m_answerBox);
    connect(m_answer, &QPushButton::clicked, this, &PayloadInspectorPanel::answer);

    showPayload();
}

void PayloadInspectorPanel::onEnvironment()
{
    m_key = {};
    m_payload.reset();
    m_lastUserCode.clear();
    showPayload();
    loadKey();
}

void PayloadInspectorPanel::loadKey()
{
    if (!m_session.isReady()) {
        m_keyLabel->setText(tr("Waiting for the environment…"));
        return updateActions();
    }
    m_keyLoading = true;
    m_keyLabel->setText(tr("Reading the partner key from the keychain…"));
    updateActions();
    const CallbackGuard::Token alive = panelToken();
    m_session.embeddedKeys()->loadPartnerKey(
        [this, alive](Result<crypto::RsaPrivateKey, QString> key) {
            if (!alive)
                return;
            m_keyLoading = false;
            if (key) {
                m_key = key.value();
                m_keyLabel->setText(
                    tr("Partner key from the keychain · %1-bit · fingerprint %2…")
                        .arg(m_key.bits())
                        .arg(QString::fromLatin1(m_key.publicKey().fingerprintSha256().left(16))));
            } else {
                m_key = {};
                m_keyLabel->setText(key.error());
            }
            updateActions();
            Q_EMIT keyChanged();
        });
}

void PayloadInspectorPanel::setPayloadText(const QString &hex)
{
    m_input->setPlainText(hex);
}

void PayloadInspectorPanel::decrypt()
{
    if (!m_decrypt->isEnabled())
        return;
    const QByteArray text = m_input->toPlainText().toLatin1();
    auto r = embedded::PayloadDecryptor::decrypt(m_key, text);
    m_answerResult->clearNotice();
    if (!r) {
        m_payload.reset();
        showPayload();
        return showError(embedded::payloadErrcName(r.error().code), r.error().message,
                         r.error().position);
    }
    m_error->clearNotice();
    m_payload.emplace(std::move(r).value());
    if (m_payload->kind() == embedded::EventPayload::Kind::Connect)
        m_lastUserCode = m_payload->userCode().clone();
    setRevealed(false);
    m_reveal->setChecked(false);
    showPayload();
}

void PayloadInspectorPanel::showError(const QString &code, const QString &message,
                                      qsizetype position)
{
    m_error->showError(tr("%1 — %2").arg(code, message));
    if (position >= 0) {
        // Put the cursor on the offending character so it can be fixed in place.
        QTextCursor cursor(m_input->document());
        cursor.setPosition(
            int(qMin<qsizetype>(position, m_input->document()->characterCount() - 1)));
        cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        m_input->setTextCursor(cursor);
    }
}

void PayloadInspectorPanel::showPayload()
{
    const bool has = m_payload.has_value();
    m_userCode->setVisible(has && m_payload->kind() == embedded::EventPayload::Kind::Connect);
    m_reveal->setVisible(m_userCode->isVisible());
    if (!has) {
        m_summary->setText(tr("Nothing decrypted yet."));
        m_json->clear();
        return updateActions();
    }
    const auto &p = *m_payload;
    QString summary = p.kind() == embedded::EventPayload::Kind::Connect
        ? tr("<b>Connect event</b> (initializeConnect)<br>retUrl: %1")
              .arg(p.retUrl().toString().toHtmlEscaped())
        : tr("<b>Silent-authentication event</b> (initializeAuthenticate)<br>attemptId: "
             "<code>%1</code><br>retUrl: %2")
              .arg(p.attemptId().toHtmlEscaped(), p.retUrl().toString().toHtmlEscaped());
    if (!p.extraKeys().isEmpty())
        summary += tr("<br>Other fields: %1")
                       .arg(p.extraKeys().join(QStringLiteral(", ")).toHtmlEscaped());
    m_summary->setText(summary);
    m_json->setPlainText(
        QString::fromUtf8(QJsonDocument(p.displayObject()).toJson(QJsonDocument::Indented)));
    m_status->setEnabled(true);
    m_reason->setEnabled(p.kind() == embedded::EventPayload::Kind::Connect);
    setRevealed(m_revealed);
    updateActions();
}

void PayloadInspectorPanel::setRevealed(bool revealed)
{
    m_revealed = revealed;
    if (!m_payload || m_payload->kind() != embedded::EventPayload::Kind::Connect)
        return;
    // Revealed only in this label, never in the JSON view, logs or settings.
    m_userCode->setText(revealed ? tr("userCode: %1").arg(m_payload->userCode().toUtf8String())
                                 : tr("userCode: %1").arg(m_payload->maskedUserCode()));
    m_reveal->setText(revealed ? tr("&Hide userCode") : tr("&Reveal userCode"));
}

void PayloadInspectorPanel::updateActions()
{
    const bool ready = m_session.isReady();
    const bool sandbox = ready && m_session.sandboxEvents();
    const QString waiting = tr("Waiting for the environment to be ready.");
    m_sampleConnect->setEnabled(sandbox && !m_busy);
    m_sampleAuth->setEnabled(sandbox && !m_busy);
    m_sampleConnect->setToolTip(sandbox ? tr("Ask the sandbox for a fresh connect event")
                                        : tr("Only in a sandbox environment."));
    m_sampleAuth->setToolTip(
        sandbox
            ? tr("Ask the sandbox for a silent-authentication event (after a connect was answered)")
            : tr("Only in a sandbox environment."));
    m_sandboxKeys->setEnabled(sandbox && !m_busy);
    m_sandboxKeys->setToolTip(sandbox ? tr("Fetch the sandbox's key pair into the keychain")
                                      : tr("Only in a sandbox environment."));
    m_importKey->setEnabled(ready && !m_busy);
    m_importKey->setToolTip(ready ? tr("Choose a PEM file; it is stored in the keychain only")
                                  : waiting);

    QString why;
    if (!ready)
        why = waiting;
    else if (m_keyLoading)
        why = tr("Reading the key from the keychain…");
    else if (m_key.isNull())
        why = tr("Import a partner private key first.");
    else if (m_input->toPlainText().trimmed().isEmpty())
        why = tr("Paste a payload first.");
    m_decrypt->setEnabled(why.isEmpty());
    m_decrypt->setToolTip(why.isEmpty() ? tr("Decrypt with the partner private key (Ctrl+Return)")
                                        : why);

    QString answerWhy;
    if (!m_payload)
        answerWhy = tr("Decrypt an event first.");
    else if (m_busy)
        answerWhy = tr("Sending…");
    else if (m_payload->kind() == embedded::EventPayload::Kind::SilentAuth &&
             m_lastUserCode.isEmpty())
        answerWhy = tr("A silent-authentication reply needs the userCode of a connect event: "
                       "decrypt the user's connect event first.");
    m_answer->setEnabled(answerWhy.isEmpty());
    m_answer->setToolTip(answerWhy);
    m_answerBox->setEnabled(m_payload.has_value());
}

void PayloadInspectorPanel::fetchSample(bool connect)
{
    if (!m_session.sandboxEvents())
        return;
    m_busy = true;
    updateActions();
    const CallbackGuard::Token alive = panelToken();
    auto done = [this, alive](Result<embedded::EmulatorEventSource::SampleEvent, api::ApiError> e) {
        if (!alive)
            return;
        m_busy = false;
        if (!e) {
            showError(e.error().code.isEmpty() ? tr("sandbox") : e.error().code, e.error().message);
            return updateActions();
        }
        m_error->clearNotice();
        setPayloadText(QString::fromLatin1(e->payloadHex));
        updateActions();
        Q_EMIT sampleLoaded();
    };
    if (connect)
        m_session.sandboxEvents()->connectEvent(QStringLiteral("inspector"), done);
    else
        m_session.sandboxEvents()->authEvent(QStringLiteral("inspector"), done);
}

void PayloadInspectorPanel::installSandboxKeys()
{
    if (!m_session.sandboxEvents())
        return;
    m_busy = true;
    updateActions();
    const CallbackGuard::Token alive = panelToken();
    m_session.sandboxEvents()->installSandboxKeys(*m_session.embeddedKeys(),
                                                  [this, alive](const QString &error) {
                                                      if (!alive)
                                                          return;
                                                      m_busy = false;
                                                      if (!error.isEmpty())
                                                          showError(tr("keys"), error);
                                                      loadKey();
                                                  });
}

void PayloadInspectorPanel::importKeyFromFile()
{
    auto *dialog = new QFileDialog(this, tr("Import the partner private key (PEM)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({ tr("PEM keys (*.pem *.key)"), tr("All files (*)") });
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return showError(tr("key"), tr("Cannot read %1: %2").arg(path, f.errorString()));
        QByteArray pem = f.read(64 * 1024);
        const crypto::SecureBytes secret = crypto::SecureBytes::takeFrom(pem);
        const CallbackGuard::Token alive = panelToken();
        m_session.embeddedKeys()->importPartnerKey(secret.view(), {},
                                                   [this, alive](const QString &error) {
                                                       if (!alive)
                                                           return;
                                                       if (!error.isEmpty())
                                                           return showError(tr("key"), error);
                                                       loadKey();
                                                   });
    });
    dialog->open();
}

void PayloadInspectorPanel::answer()
{
    if (!m_payload || !m_answer->isEnabled())
        return;
    const QString status = m_status->currentText().trimmed().isEmpty()
        ? QStringLiteral("OK")
        : m_status->currentText().trimmed();
    const CallbackGuard::Token alive = panelToken();
    auto send = [this, alive](const QUrl &url, const embedded::RetUrlReply &reply) {
        m_busy = true;
        m_answerResult->showInfo(tr("Sending…"));
        updateActions();
        m_session.retUrls()->answer(
            url, reply, [this, alive](Result<api::HttpResponse, api::ApiError> r) {
                if (!alive)
                    return;
                m_busy = false;
                if (r) {
                    m_answerResult->showSuccess(
                        tr("%1 %2 — the provider accepted the answer.")
                            .arg(r->status)
                            .arg(r->status == 204 ? QStringLiteral("No Content") : QString()));
                    Q_EMIT answered(r->status, {});
                } else {
                    const api::ApiError &e = r.error();
                    m_answerResult->showError(
                        tr("%1 %2 — %3")
                            .arg(e.httpStatus ? QString::number(e.httpStatus) : tr("not sent"),
                                 e.code, e.message));
                    Q_EMIT answered(0, e.message);
                }
                updateActions();
            });
    };
    if (m_payload->kind() == embedded::EventPayload::Kind::Connect)
        return send(m_payload->retUrl(),
                    embedded::RetUrlReply::connect(
                        status, status == QLatin1String("OK") ? QString() : m_reason->text()));

    // Silent authentication: {attemptId, userCode} encrypted to the provider's public key.
    const QUrl url = m_payload->retUrl();
    const QString attemptId = m_payload->attemptId();
    m_busy = true;
    updateActions();
    m_session.embeddedKeys()->loadProviderKey(
        [this, alive, url, attemptId, status, send](Result<crypto::RsaPublicKey, QString> key) {
            if (!alive)
                return;
            m_busy = false;
            if (!key) {
                m_answerResult->showError(key.error());
                return updateActions();
            }
            auto reply =
                embedded::RetUrlReply::silentAuth(key.value(), attemptId, m_lastUserCode, status);
            if (!reply) {
                m_answerResult->showError(reply.error().message);
                return updateActions();
            }
            send(url, reply.value());
        });
}

void PayloadInspectorPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->setPalette(palette());
    QWidget::changeEvent(event);
}

} // namespace aerodesk::ui
