#include "ui/inspector/PayloadInspectorPanel.h"

#include "core/api/ApiClient.h"
#include "core/audit/AuditTrail.h"
#include "core/connections/IdMask.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmbeddedWorkflow.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/HexInput.h"
#include "core/embedded/PartnerUser.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/embedded/ReplyStatus.h"
#include "core/embedded/UserCodeStore.h"
#include "core/session/Session.h"
#include "ui/common/AuditedReveal.h"
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
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QVBoxLayout>

#include <utility>

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
    m_hexNote = new NoticeLine(QStringLiteral("hexNote"), tr("Input normalisation"), this);
    layout->addWidget(m_hexNote);

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
    connect(m_reveal, &QPushButton::toggled, this, [this](bool on) {
        if (!on || !m_session.audit() || !m_payload)
            return setRevealed(on);
        // Issue 15: the userCode shows only after a reason was given and recorded.
        {
            const QSignalBlocker block(m_reveal);
            m_reveal->setChecked(false);
        }
        const QString user = partnerUser().trimmed();
        const QString who = user.isEmpty()
            ? tr("an unnamed partner user")
            : tr("partner user %1").arg(connections::IdMask::mask(user));
        AuditedReveal::ask(this, m_session.audit(), audit::AuditAction::RevealUserCode,
                           tr("userCode of a %1 event for %2").arg(m_payload->kindName(), who),
                           tr("the userCode in this event"),
                           [this, token = panelToken(), shown = m_payload->maskedUserCode()] {
                               // (the dialog is window-modal: no other event can come between)
                               if (!token.alive() || !m_payload ||
                                   m_payload->maskedUserCode() != shown)
                                   return;
                               const QSignalBlocker block(m_reveal);
                               m_reveal->setChecked(true);
                               setRevealed(true);
                           });
    });

    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(QStringLiteral("jsonView"));
    m_json->setAccessibleName(tr("Decrypted JSON"));
    m_json->setReadOnly(true);
    m_json->setFont(mono);
    m_highlighter = new JsonHighlighter(m_json->document());
    layout->addWidget(m_json, 1);

    // Partner user.
    auto *userRow = new QFormLayout;
    m_user = new QComboBox(this);
    m_user->setObjectName(QStringLiteral("partnerUserBox"));
    m_user->setEditable(true);
    m_user->setInsertPolicy(QComboBox::NoInsert);
    m_user->setAccessibleName(tr("Partner user"));
    m_user->lineEdit()->setObjectName(QStringLiteral("partnerUserEdit"));
    m_user->lineEdit()->setAccessibleName(tr("Partner user"));
    m_user->lineEdit()->setPlaceholderText(tr("the partner's user id this event is for"));
    m_user->setToolTip(tr("Every event is handled for one partner user: their userCode is stored "
                          "(connect) or sent (silent authentication)."));
    m_user->setMinimumContentsLength(24);
    userRow->addRow(tr("Partner &user:"), m_user);
    layout->addLayout(userRow);
    m_userNotice = new NoticeLine(QStringLiteral("userNotice"), tr("Partner user notice"), this);
    layout->addWidget(m_userNotice);
    connect(m_user, &QComboBox::editTextChanged, this, [this] {
        if (m_payload && !m_eventDone && partnerUser().isEmpty())
            m_userNotice->showWarning(
                tr("Name the partner user this event is for before answering it."));
        else
            m_userNotice->clearNotice();
        updateActions();
    });

    // Answer.
    m_answerBox = new QGroupBox(tr("Answer the retUrl"), this);
    auto *answerLayout = new QVBoxLayout(m_answerBox);
    m_answerOk = button(tr("&Answer OK"), tr("Answer OK for the partner user"), m_answerBox);
    m_answerOk->setObjectName(QStringLiteral("answerOkButton"));
    auto *okRow = new QHBoxLayout;
    okRow->addWidget(m_answerOk);
    okRow->addStretch();
    answerLayout->addLayout(okRow);
    connect(m_answerOk, &QPushButton::clicked, this, &PayloadInspectorPanel::answerOk);

    m_statusBox = new QGroupBox(tr("Send status…"), m_answerBox);
    m_statusBox->setObjectName(QStringLiteral("statusBox"));
    auto *form = new QFormLayout(m_statusBox);
    m_status = new QComboBox(m_statusBox);
    m_status->setObjectName(QStringLiteral("statusChooser"));
    m_status->setAccessibleName(tr("Status to send instead of OK"));
    for (const embedded::ReplyStatus &status : embedded::ReplyStatus::standard()) {
        m_status->addItem(tr("%1 (%2)").arg(status.label, status.value), status.value);
        m_status->setItemData(m_status->count() - 1, status.when, Qt::ToolTipRole);
    }
    m_status->addItem(tr("Custom…"), QString());
    m_status->setItemData(m_status->count() - 1,
                          tr("Any other value (A–Z a–z 0–9 _ . -): the provider records it."),
                          Qt::ToolTipRole);
    m_customStatus = new QLineEdit(m_statusBox);
    m_customStatus->setObjectName(QStringLiteral("customStatus"));
    m_customStatus->setAccessibleName(tr("Custom status"));
    m_customStatus->setPlaceholderText(tr("a custom status value"));
    m_reason = new QLineEdit(m_statusBox);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setAccessibleName(tr("Reason (optional)"));
    m_reason->setPlaceholderText(tr("optional, sent with the status of a connect event"));
    m_statusHint = new QLabel(m_statusBox);
    m_statusHint->setObjectName(QStringLiteral("statusHint"));
    m_statusHint->setAccessibleName(tr("Status hint"));
    m_statusHint->setWordWrap(true);
    m_sendStatus = button(tr("Send s&tatus"), tr("Send the chosen status"), m_statusBox);
    m_sendStatus->setObjectName(QStringLiteral("sendStatusButton"));
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Custom:"), m_customStatus);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(m_statusHint);
    form->addRow(m_sendStatus);
    answerLayout->addWidget(m_statusBox);
    connect(m_status, &QComboBox::currentIndexChanged, this,
            &PayloadInspectorPanel::onStatusChosen);
    connect(m_customStatus, &QLineEdit::textChanged, this, &PayloadInspectorPanel::updateActions);
    connect(m_sendStatus, &QPushButton::clicked, this, &PayloadInspectorPanel::sendStatus);

    m_answerResult =
        new NoticeLine(QStringLiteral("answerResult"), tr("retUrl result"), m_answerBox);
    m_answerResult->setKeepsSpaceWhenEmpty(true);
    answerLayout->addWidget(m_answerResult);
    layout->addWidget(m_answerBox);
    setStatusHighlighted(false);
    onStatusChosen();

    showPayload();
}

void PayloadInspectorPanel::onEnvironment()
{
    m_key = {};
    m_payload.reset();
    m_pendingId = 0;
    m_eventDone = false;
    m_lastOutcome.reset();
    m_answerResult->clearNotice();
    m_userNotice->clearNotice();
    m_hexNote->clearNotice();
    setStatusHighlighted(false);
    // The workflow and the partner-user list are the environment's: follow the new ones.
    const CallbackGuard::Token env = environmentToken();
    if (auto *users = m_session.partnerUsers()) {
        connect(users, &embedded::PartnerUserDirectory::changed, this, [this, env] {
            if (env)
                reloadUsers();
        });
        connect(users, &embedded::PartnerUserDirectory::loaded, this, [this, env] {
            if (env)
                reloadUsers();
        });
    }
    if (auto *workflow = m_session.embedded()) {
        connect(workflow, &embedded::EmbeddedWorkflow::pendingChanged, this, [this, env] {
            if (env)
                onPendingChanged();
        });
    }
    reloadUsers();
    showPayload();
    loadKey();
}

void PayloadInspectorPanel::reloadUsers()
{
    const QString current = m_user->currentText();
    const QSignalBlocker block(m_user);
    m_user->clear();
    if (auto *users = m_session.partnerUsers()) {
        for (const embedded::PartnerUser &u : users->users()) {
            m_user->addItem(u.id);
            m_user->setItemData(m_user->count() - 1, embedded::PartnerUser::stateLabel(u.state),
                                Qt::ToolTipRole);
        }
    }
    m_user->setEditText(current);
}

QString PayloadInspectorPanel::partnerUser() const
{
    return m_user->currentText().trimmed();
}

void PayloadInspectorPanel::setPartnerUser(const QString &user)
{
    m_user->setEditText(user);
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
            if (!m_payload)
                showPayload(); // the first-step hint depends on the key
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
    embedded::HexInput hex;
    auto r = embedded::PayloadDecryptor::decrypt(m_key, text, {}, &hex);
    m_answerResult->clearNotice();
    m_hexNote->clearNotice();
    setStatusHighlighted(false);
    // A new event replaces the one shown: an unanswered one is dropped from the workflow.
    if (m_pendingId && m_session.embedded())
        m_session.embedded()->discard(std::exchange(m_pendingId, 0));
    m_pendingId = 0;
    m_eventDone = false;
    m_lastOutcome.reset();
    if (audit::AuditTrail *trail = m_session.audit())
        trail->record(audit::AuditAction::Decrypt,
                      r ? tr("%1 event").arg(r->kindName())
                        : tr("payload (%1)").arg(embedded::payloadErrcName(r.error().code)),
                      r ? audit::AuditOutcome::Ok : audit::AuditOutcome::Failed);
    if (!r) {
        m_payload.reset();
        showPayload();
        return showError(embedded::payloadErrcName(r.error().code), r.error().message,
                         r.error().position);
    }
    m_error->clearNotice();
    if (hex.wasNormalised())
        m_hexNote->showInfo(hex.describe());
    m_payload.emplace(std::move(r).value());
    setRevealed(false);
    m_reveal->setChecked(false);
    showPayload();
    if (partnerUser().isEmpty()) {
        m_userNotice->showWarning(
            tr("Name the partner user this event is for before answering it."));
    } else {
        ensureReceived();
    }
    updateActions();
}

bool PayloadInspectorPanel::ensureReceived()
{
    if (!m_payload || m_eventDone || !m_session.embedded())
        return false;
    const QString user = partnerUser();
    if (auto bad = embedded::PartnerUser::checkId(user)) {
        m_userNotice->showWarning(tr("Partner user: %1").arg(*bad));
        return false;
    }
    embedded::EmbeddedWorkflow &workflow = *m_session.embedded();
    if (m_pendingId) {
        const auto held = workflow.pending(m_pendingId);
        if (held && held->user == user)
            return true;
        // Named for another user since: the event is handed over again, for this one.
        workflow.discard(std::exchange(m_pendingId, 0));
    }
    auto id = workflow.receive(user, m_payload->clone());
    if (!id) {
        m_userNotice->showError(id.error());
        return false;
    }
    m_pendingId = id.value();
    m_userNotice->clearNotice();
    return true;
}

void PayloadInspectorPanel::onPendingChanged()
{
    if (m_pendingId && m_session.embedded() && !m_session.embedded()->pending(m_pendingId)) {
        // Answered (the provider had its say), or removed by a logout of the user.
        m_pendingId = 0;
        m_eventDone = true;
    }
    updateActions();
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
        // The empty state says what to do first.
        const bool sandbox = m_session.isReady() && m_session.sandboxEvents();
        if (m_key.isNull())
            m_summary->setText(
                sandbox ? tr("<b>First step:</b> put a partner private key in the keychain — "
                             "<i>Use sandbox keys</i> takes the sandbox's pair, <i>Import key…</i> "
                             "a PEM file. Then get a sample event or paste one, and Decrypt.")
                        : tr("<b>First step:</b> import the partner private key (PEM) from the "
                             "provider's developer portal with <i>Import key…</i>; it is kept in "
                             "the keychain only. Then paste an event's hex payload and Decrypt."));
        else
            m_summary->setText(
                sandbox ? tr("Nothing decrypted yet: get a sample connect event (or paste one), "
                             "name its partner user, and Decrypt.")
                        : tr("Nothing decrypted yet: paste an event's hex payload, name its "
                             "partner user, and Decrypt."));
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

QString PayloadInspectorPanel::answerBlocked() const
{
    if (!m_payload)
        return tr("Decrypt an event first.");
    if (m_eventDone)
        return tr("This event was answered (see the result below); decrypt a new event.");
    if (m_busy)
        return tr("Sending…");
    if (!m_session.embedded())
        return tr("Waiting for the environment to be ready.");
    if (auto bad = embedded::PartnerUser::checkId(partnerUser()))
        return tr("Name the partner user this event is for (%1).").arg(*bad);
    return {};
}

QString PayloadInspectorPanel::chosenStatus() const
{
    const QString value = m_status->currentData().toString();
    return value.isEmpty() ? m_customStatus->text().trimmed() : value;
}

QString PayloadInspectorPanel::statusProblem() const
{
    if (auto bad = embedded::ReplyStatus::checkCustom(chosenStatus()))
        return *bad;
    return {};
}

void PayloadInspectorPanel::onStatusChosen()
{
    const bool custom = m_status->currentData().toString().isEmpty();
    m_customStatus->setEnabled(custom);
    m_status->setToolTip(m_status->currentData(Qt::ToolTipRole).toString());
    if (custom)
        m_customStatus->setFocus();
    updateActions();
}

void PayloadInspectorPanel::setStatusHighlighted(bool on, const QString &suggested)
{
    // Highlighted by a frame, a sign and words — never by colour alone.
    m_statusBox->setStyleSheet(on ? QStringLiteral("QGroupBox#statusBox { border: 2px solid "
                                                   "palette(highlight); margin-top: 1.2em; }")
                                  : QString());
    m_statusBox->setTitle(on ? tr("➜ Send status… (OK cannot be sent)") : tr("Send status…"));
    if (on) {
        const int index = suggested.isEmpty() ? -1 : m_status->findData(suggested);
        if (index >= 0)
            m_status->setCurrentIndex(index);
        m_statusHint->setText(
            suggested.isEmpty()
                ? tr("OK cannot be sent for this event: choose a status.")
                : tr("OK cannot be sent for this event: %1 is suggested.").arg(suggested));
        m_status->setFocus();
    } else {
        m_statusHint->setText(tr("Any event can be refused with a status instead of OK; the "
                                 "provider records it as a failed attempt."));
    }
}

void PayloadInspectorPanel::updateActions()
{
    const bool ready = m_session.isReady();
    const bool sandbox = ready && m_session.sandboxEvents();
    const QString waiting = tr("Waiting for the environment to be ready.");
    m_sampleConnect->setEnabled(sandbox && !m_busy);
    m_sampleAuth->setEnabled(sandbox && !m_busy);
    m_sampleConnect->setToolTip(
        sandbox ? tr("Ask the sandbox for a fresh connect event for the partner user (the sandbox "
                     "names one when the box is empty)")
                : tr("Only in a sandbox environment."));
    m_sampleAuth->setToolTip(
        sandbox
            ? tr("Ask the sandbox for a silent-authentication event for the partner user (after "
                 "a connect was answered)")
            : tr("Only in a sandbox environment."));
    m_sandboxKeys->setEnabled(sandbox && !m_busy);
    m_sandboxKeys->setToolTip(sandbox ? tr("Fetch the sandbox's key pair into the keychain")
                                      : tr("Only in a sandbox environment."));
    m_importKey->setEnabled(ready && !m_busy);
    m_importKey->setToolTip(ready ? tr("Choose a PEM file; it is stored in the keychain only")
                                  : waiting);
    m_user->setEnabled(ready && !m_busy);

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

    const QString blocked = answerBlocked();
    m_answerOk->setEnabled(blocked.isEmpty());
    m_answerOk->setToolTip(
        blocked.isEmpty()
            ? (m_payload->kind() == embedded::EventPayload::Kind::Connect
                   ? tr("Store the userCode in %2 for %1, then answer OK")
                         .arg(partnerUser(),
                              m_session.embedded() ? m_session.embedded()->userCodes().placeName()
                                                   : tr("the keychain"))
                   : tr("Send %1's stored userCode, encrypted, with OK").arg(partnerUser()))
            : blocked);
    const QString statusWhy = blocked.isEmpty() ? statusProblem() : blocked;
    m_sendStatus->setEnabled(statusWhy.isEmpty());
    m_sendStatus->setToolTip(
        statusWhy.isEmpty() ? tr("Send %1 instead of OK; nothing is stored").arg(chosenStatus())
                            : statusWhy);
    m_customStatus->setToolTip(m_customStatus->isEnabled() ? statusProblem() : QString());
    m_reason->setEnabled(m_payload && m_payload->kind() == embedded::EventPayload::Kind::Connect);
    m_answerBox->setEnabled(m_payload.has_value());
}

void PayloadInspectorPanel::fetchSample(bool connect)
{
    if (!m_session.sandboxEvents())
        return;
    m_busy = true;
    updateActions();
    const CallbackGuard::Token alive = environmentToken();
    auto done = [this, alive](Result<embedded::EmulatorEventSource::SampleEvent, api::ApiError> e) {
        if (!alive)
            return;
        m_busy = false;
        if (!e) {
            // The sandbox may name the partner user: shown, kept out of the log.
            m_error->setNotice(
                NoticeLine::Kind::Error,
                tr("%1 — %2").arg(e.error().code.isEmpty() ? tr("sandbox") : e.error().code,
                                  e.error().message),
                { partnerUser() });
            return updateActions();
        }
        m_error->clearNotice();
        // The event is for the user the sandbox named: the answer must be handled for them.
        setPartnerUser(e->user);
        setPayloadText(QString::fromLatin1(e->payloadHex));
        updateActions();
        Q_EMIT sampleLoaded();
    };
    if (connect)
        m_session.sandboxEvents()->connectEvent(partnerUser(), done);
    else
        m_session.sandboxEvents()->authEvent(partnerUser(), done);
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
        QPointer<audit::AuditTrail> trail(m_session.audit());
        m_session.embeddedKeys()->importPartnerKey(
            secret.view(), {}, [this, alive, trail](const QString &error) {
                if (trail)
                    trail->record(audit::AuditAction::Import, tr("partner private key"),
                                  error.isEmpty() ? audit::AuditOutcome::Ok
                                                  : audit::AuditOutcome::Failed);
                if (!alive)
                    return;
                if (!error.isEmpty())
                    return showError(tr("key"), error);
                loadKey();
            });
    });
    dialog->open();
}

void PayloadInspectorPanel::answerOk()
{
    if (!m_answerOk->isEnabled() || !ensureReceived())
        return updateActions();
    sendOk(false);
}

void PayloadInspectorPanel::sendOk(bool replaceConfirmed)
{
    m_busy = true;
    m_answerResult->showInfo(tr("Sending…"));
    setStatusHighlighted(false);
    updateActions();
    const CallbackGuard::Token alive = environmentToken();
    m_session.embedded()->answerOk(
        m_pendingId, replaceConfirmed, [this, alive](const embedded::EventOutcome &o) {
            if (!alive)
                return;
            m_busy = false;
            if (o.result == embedded::EventOutcome::Result::NeedsConfirmation)
                return askReplace(o);
            showOutcome(o);
        });
}

void PayloadInspectorPanel::askReplace(const embedded::EventOutcome &outcome)
{
    m_answerResult->setNotice(NoticeLine::Kind::Warning, outcome.message, { outcome.user });
    updateActions();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Replace the stored userCode?"),
                                outcome.message, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("replaceCodeBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("%1's current userCode is replaced by this event's and cannot be used any more.")
            .arg(outcome.user));
    box->setStandardButtons(QMessageBox::Yes | QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Replace and answer OK"));
    box->setDefaultButton(QMessageBox::Cancel);
    const CallbackGuard::Token alive = environmentToken();
    const int id = m_pendingId;
    connect(box, &QMessageBox::finished, this, [this, alive, id](int result) {
        if (!alive)
            return;
        if (result == QMessageBox::Yes && id == m_pendingId && !m_busy)
            return sendOk(true);
        m_answerResult->showInfo(tr("Not answered: the stored userCode was kept."));
    });
    box->open();
    Q_EMIT confirmationAsked();
}

void PayloadInspectorPanel::sendStatus()
{
    if (!m_sendStatus->isEnabled() || !ensureReceived())
        return updateActions();
    m_busy = true;
    m_answerResult->showInfo(tr("Sending…"));
    updateActions();
    const CallbackGuard::Token alive = environmentToken();
    const QString reason = m_reason->isEnabled() ? m_reason->text() : QString();
    m_session.embedded()->answerNotOk(m_pendingId, chosenStatus(), reason,
                                      [this, alive](const embedded::EventOutcome &o) {
                                          if (!alive)
                                              return;
                                          m_busy = false;
                                          showOutcome(o);
                                      });
}

void PayloadInspectorPanel::showOutcome(const embedded::EventOutcome &o)
{
    m_lastOutcome = o;
    if (audit::AuditTrail *trail = m_session.audit())
        trail->record(audit::AuditAction::RetUrlAnswer,
                      tr("partner user %1: %2 (%3)")
                          .arg(connections::IdMask::mask(o.user),
                               o.statusSent.isEmpty() ? tr("nothing sent") : o.statusSent,
                               embedded::EventOutcome::resultName(o.result)),
                      o.ok() ? audit::AuditOutcome::Ok
                             : (o.statusSent.isEmpty() ? audit::AuditOutcome::Refused
                                                       : audit::AuditOutcome::Failed));
    QStringList parts { o.message };
    if (o.codeRemoved)
        parts << tr("The stored userCode of %1 was removed: the user must connect again.")
                     .arg(o.user);
    if (!o.nextStep.isEmpty())
        parts << tr("Next step: %1").arg(o.nextStep);
    const QString text = parts.join(QLatin1Char(' '));
    // The partner-user id is shown in full but kept out of the diagnostic log (PII-adjacent).
    m_answerResult->setNotice(o.ok() ? NoticeLine::Kind::Success : NoticeLine::Kind::Error, text,
                              { o.user });
    setStatusHighlighted(o.canSendNotOk, o.suggestedStatus);
    updateActions();
    Q_EMIT answered(o.httpStatus, embedded::EventOutcome::resultName(o.result));
}

void PayloadInspectorPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->setPalette(palette());
    QWidget::changeEvent(event);
}

} // namespace aerodesk::ui
