#include "ui/webhooks/WebhooksPanel.h"

#include "core/audit/AuditTrail.h"
#include "core/keychain/KeychainError.h"
#include "core/session/Session.h"
#include "core/timeline/TimelineRecorder.h"
#include "core/util/LogCategories.h"
#include "core/webhooks/RotationSchedule.h"
#include "core/webhooks/SecretRotation.h"
#include "core/webhooks/SignatureVerifier.h"
#include "core/webhooks/WebhookSecrets.h"
#include "core/webhooks/WebhookSubscriptionClient.h"
#include "ui/common/AuditedReveal.h"
#include "ui/common/DataText.h"
#include "ui/common/MaskedSecretLabel.h"
#include "ui/common/NamedWidgets.h"
#include "ui/common/NoticeLine.h"
#include "ui/common/OffUiThread.h"
#include "ui/webhooks/RotationReminderText.h"
#include "ui/webhooks/WebhookLogModel.h"
#include "ui/webhooks/WebhookSecretDialog.h"
#include "ui/webhooks/WebhookVerdictView.h"

#include <QAbstractButton>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace aerodesk::ui {

using webhooks::RotationDue;
using webhooks::RotationSchedule;
using webhooks::SecretRing;
using webhooks::SecretRotation;
using webhooks::SignatureVerifier;
using webhooks::WebhookListener;
using webhooks::WebhookSecrets;
using webhooks::WebhookSubscriptionClient;
using webhooks::WebhookVerdict;

namespace {

constexpr qsizetype kMaxBody = 1024 * 1024;

QString utc(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

} // namespace

WebhooksPanel::WebhooksPanel(session::Session &session, QWidget *parent)
    : SessionPanel(&session, parent)
    , m_session(session)
    , m_noRing(session.clock())
{
    m_listener = new WebhookListener(m_log, session.clock(), this);
    // The listener verifies each delivery with the ring as it is at that moment.
    m_listener->setRingSource([this]() -> std::shared_ptr<const SecretRing> {
        const WebhookSecrets *secrets = m_session.webhookSecrets();
        return secrets && secrets->isLoaded() ? secrets->sharedRing() : nullptr;
    });
    connect(m_listener, &WebhookListener::logged, this, &WebhooksPanel::onLogged);
    // Escalation bundles keep the deliveries' bodies and signatures (logged() comes first).
    connect(m_listener, &WebhookListener::logged, this,
            [this](const webhooks::WebhookLogEntry &entry) { m_lastLogged = entry; });
    connect(m_listener, &WebhookListener::delivered, this,
            [this](const QByteArray &body, const WebhookListener::Headers &headers) {
                m_session.webhookEvidence().append(m_lastLogged, body, headers);
            });
    // Every delivery also goes on its connection's timeline (issue 15).
    const auto attachTimeline = [this] {
        if (auto *timeline = m_session.timeline())
            timeline->attach(*m_listener);
    };
    connect(&session, &session::Session::timelineChanged, this, attachTimeline);
    attachTimeline();
    build();
    // The overlap line follows the clock (it says when the window closed once it has).
    auto *minute = new QTimer(this);
    connect(minute, &QTimer::timeout, this, &WebhooksPanel::refreshOverlap);
    connect(minute, &QTimer::timeout, this, &WebhooksPanel::refreshAge);
    minute->start(60 * 1000);
    syncWithSession();
}

WebhooksPanel::~WebhooksPanel()
{
    m_listener->stop();
}

void WebhooksPanel::build()
{
    setObjectName(QStringLiteral("webhooksPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(
        tr("<h2>Webhooks</h2>Verify webhook signatures, watch sandbox deliveries and rotate the "
           "signing secret."),
        this);
    title->setWordWrap(true);
    layout->addWidget(title);
    m_state = new NoticeLine(QStringLiteral("webhooksState"), tr("Webhooks panel state"), this);
    layout->addWidget(m_state);
    layout->addWidget(buildSecrets());
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("webhooksSplitter"));
    split->addWidget(buildVerify());
    split->addWidget(buildWatch());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
}

QWidget *WebhooksPanel::buildSecrets()
{
    auto *box = new QGroupBox(tr("Signing secret (keychain)"), this);
    auto *form = new QFormLayout(box);
    m_current = new MaskedSecretLabel(tr("Current webhook secret"), box);
    m_current->setObjectName(QStringLiteral("currentSecret"));
    m_previous = new MaskedSecretLabel(tr("Previous webhook secret"), box);
    m_previous->setObjectName(QStringLiteral("previousSecret"));
    // Issue 15: a secret shows only after a reason was given and recorded.
    for (auto [label, which] : { std::pair { m_current, tr("current webhook secret") },
                                 std::pair { m_previous, tr("previous webhook secret") } }) {
        label->setRevealGate([this, which = which](std::function<void()> reveal) {
            const QString profile = m_session.environment().profile;
            AuditedReveal::ask(this, m_session.audit(), audit::AuditAction::RevealSecret,
                               tr("%1 of %2").arg(which, profile),
                               tr("the %1 of %2").arg(which, profile), std::move(reveal));
        });
    }
    m_overlap = new QLabel(box);
    m_overlap->setObjectName(QStringLiteral("overlapLabel"));
    m_overlap->setAccessibleName(tr("Overlap window"));
    m_overlap->setWordWrap(true);
    m_age = new QLabel(box);
    m_age->setObjectName(QStringLiteral("secretAge"));
    m_age->setAccessibleName(tr("Age of the current secret"));
    m_age->setWordWrap(true);
    m_period = new QSpinBox(box);
    m_period->setObjectName(QStringLiteral("rotationPeriod"));
    m_period->setAccessibleName(tr("Rotation period in days"));
    m_period->setRange(RotationSchedule::kMinPeriodDays, RotationSchedule::kMaxPeriodDays);
    m_period->setValue(RotationSchedule::kDefaultPeriodDays);
    m_period->setSuffix(tr(" days"));
    m_period->setToolTip(tr("Rotate the secret when it is this old (kept for this environment)"));
    if (auto *edit = m_period->findChild<QLineEdit *>()) // the spin box's own field
        edit->setAccessibleName(m_period->accessibleName());
    m_reminderLine =
        new NoticeLine(QStringLiteral("rotationReminder"), tr("Rotation reminder"), box);
    m_reminderLine->clearNotice();
    auto *row = new QHBoxLayout;
    m_rotate =
        namedButton(tr("&Rotate secret"), QStringLiteral("rotateButton"),
                    tr("Rotate the webhook secret: a new random secret, the old one accepted for "
                       "the overlap window"),
                    box);
    m_setSecret = namedButton(tr("Set secret…"), QStringLiteral("setSecretButton"),
                              tr("Enter a webhook secret"), box);
    row->addWidget(m_rotate);
    row->addWidget(m_setSecret);
    row->addStretch();
    form->addRow(tr("Current:"), m_current);
    form->addRow(tr("Previous:"), m_previous);
    form->addRow(m_overlap);
    form->addRow(tr("Rotate every:"), m_period);
    form->addRow(tr("Age:"), m_age);
    form->addRow(m_reminderLine);
    form->addRow(row);
    connect(m_period, &QSpinBox::editingFinished, this,
            [this] { setRotationPeriodDays(m_period->value()); });
    connect(m_rotate, &QPushButton::clicked, this, &WebhooksPanel::rotate);
    connect(m_setSecret, &QPushButton::clicked, this, &WebhooksPanel::openSetSecretDialog);
    return box;
}

QWidget *WebhooksPanel::buildVerify()
{
    auto *box = new QGroupBox(tr("Verify a delivery"), this);
    auto *layout = new QVBoxLayout(box);
    m_bodyEdit = new QPlainTextEdit(box);
    m_bodyEdit->setObjectName(QStringLiteral("bodyInput"));
    m_bodyEdit->setAccessibleName(tr("Raw webhook body"));
    m_bodyEdit->setPlaceholderText(tr("Paste the raw request body exactly as received…"));
    m_bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bodyEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    layout->addWidget(m_bodyEdit, 1);
    auto *bodyRow = new QHBoxLayout;
    m_bodyBytes = new QLabel(box);
    m_bodyBytes->setObjectName(QStringLiteral("bodyBytes"));
    m_bodyBytes->setAccessibleName(tr("Body size"));
    m_openBody = namedButton(tr("Open body file…"), QStringLiteral("openBodyButton"),
                             tr("Open a file with the raw body (keeps its exact bytes)"), box);
    bodyRow->addWidget(m_bodyBytes, 1);
    bodyRow->addWidget(m_openBody);
    layout->addLayout(bodyRow);
    auto *form = new QFormLayout;
    m_header = new QLineEdit(box);
    m_header->setObjectName(QStringLiteral("signatureInput"));
    m_header->setAccessibleName(tr("X-Webhook-Signature header"));
    m_header->setPlaceholderText(
        QStringLiteral("sha256=…")); // the header's own syntax, not a sentence
    markAsData(m_header);
    m_header->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(tr("X-Webhook-&Signature:"), m_header);
    layout->addLayout(form);
    m_verify =
        namedButton(tr("&Verify"), QStringLiteral("verifyButton"), tr("Verify the signature"), box);
    layout->addWidget(m_verify, 0, Qt::AlignRight);
    m_verdict = new WebhookVerdictView(box);
    layout->addWidget(m_verdict);

    connect(m_bodyEdit, &QPlainTextEdit::textChanged, this, &WebhooksPanel::onBodyEdited);
    connect(m_header, &QLineEdit::textChanged, this, &WebhooksPanel::updateActions);
    connect(m_header, &QLineEdit::returnPressed, this, &WebhooksPanel::verify);
    connect(m_verify, &QPushButton::clicked, this, &WebhooksPanel::verify);
    connect(m_openBody, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Open a raw webhook body"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return showError(tr("Cannot read %1: %2").arg(path, f.errorString()));
            setBody(f.read(kMaxBody));
        });
        dialog->open();
    });
    m_bodyBytes->setText(tr("No body yet."));
    return box;
}

QWidget *WebhooksPanel::buildWatch()
{
    auto *box = new QGroupBox(tr("Sandbox deliveries"), this);
    auto *layout = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    m_watch = namedButton(tr("&Watch sandbox deliveries"), QStringLiteral("watchButton"),
                          tr("Watch sandbox deliveries on a local listener"), box);
    m_sendTest = namedButton(tr("Send &test event"), QStringLiteral("sendTestButton"),
                             tr("Ask the sandbox to send a test event"), box);
    m_clearLog = namedButton(tr("Clear log"), QStringLiteral("clearLogButton"),
                             tr("Clear the delivery log"), box);
    row->addWidget(m_watch);
    row->addWidget(m_sendTest);
    row->addStretch();
    layout->addLayout(row);
    m_watchState = new QLabel(notWatchingText(), box);
    m_watchState->setObjectName(QStringLiteral("watchState"));
    m_watchState->setAccessibleName(tr("Watching state"));
    m_watchState->setWordWrap(true);
    m_watchState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Clear log on the state line, not next to the two wide buttons: the row fits a longer
    // language.
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_watchState, 1);
    stateRow->addWidget(m_clearLog, 0, Qt::AlignBottom);
    layout->addLayout(stateRow);
    m_model = new WebhookLogModel(m_log, this);
    m_table = new QTableView(box);
    m_table->setObjectName(QStringLiteral("deliveryLog"));
    m_table->setAccessibleName(tr("Delivery log"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // The log is short (capped): every column as wide as its title and contents (the table
    // scrolls sideways when they do not all fit), the last one gets what is left.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setAccessibleName(tr("Columns"));
    m_table->verticalHeader()->setAccessibleName(tr("Rows"));
    for (auto *corner : m_table->findChildren<QAbstractButton *>())
        corner->setAccessibleName(tr("Select all"));
    layout->addWidget(m_table, 1);

    connect(m_watch, &QPushButton::clicked, this, [this] {
        if (m_listener->isListening())
            stopWatching();
        else
            startWatching();
    });
    connect(m_sendTest, &QPushButton::clicked, this, &WebhooksPanel::sendTestEvent);
    connect(m_clearLog, &QPushButton::clicked, m_model, &WebhookLogModel::clear);
    return box;
}

void WebhooksPanel::onEnvironment()
{
    const bool wasWatching = m_listener->isListening();
    // The subscription belonged to the old environment's client, which the session retired.
    m_listener->stop();
    m_subscriptionId.clear();
    m_subscribedSecret = {};
    m_patching = false;
    m_rotating = false;
    m_notice.clear();
    m_noticeIsError = false;
    m_watchState->setText(notWatchingText());
    m_watchBusy = false;
    for (const QMetaObject::Connection &c : std::as_const(m_secretsConnections))
        disconnect(c);
    m_secretsConnections.clear();
    // The ring is the session's: this panel shows it and follows every change, wherever made.
    if (WebhookSecrets *secrets = m_session.webhookSecrets()) {
        m_secretsConnections = {
            connect(secrets, &WebhookSecrets::changed, this, &WebhooksPanel::onSecretsChanged),
            connect(secrets, &WebhookSecrets::stateChanged, this, &WebhooksPanel::updateActions),
            connect(secrets, &WebhookSecrets::rotationPeriodChanged, this,
                    &WebhooksPanel::refreshAge)
        };
        reloadSecrets();
    }
    showSecrets();
    updateActions();
    if (wasWatching)
        Q_EMIT watchingChanged(false);
}

const SecretRing *WebhooksPanel::ring() const
{
    const WebhookSecrets *secrets = m_session.webhookSecrets();
    return secrets ? &secrets->ring() : &m_noRing;
}

bool WebhooksPanel::secretsLoaded() const
{
    const WebhookSecrets *secrets = m_session.webhookSecrets();
    return secrets && secrets->isLoaded();
}

void WebhooksPanel::reloadSecrets()
{
    WebhookSecrets *secrets = m_session.webhookSecrets();
    if (!secrets)
        return;
    const CallbackGuard::Token alive = environmentToken();
    secrets->reload([this, alive](const keychain::KeychainError &e) {
        if (!alive)
            return;
        if (!e.ok())
            showError(tr("Could not read the webhook secrets: %1").arg(e.message));
        updateActions();
    });
    updateActions();
}

void WebhooksPanel::onSecretsChanged()
{
    showSecrets();
    updateActions();
    Q_EMIT secretsChanged();
    // Watching: the subscription follows the ring's current secret when Set secret or Settings
    // changed it (a rotation patches every subscription itself, before the ring moves).
    if (!m_rotating && !m_subscriptionId.isEmpty() && !ring()->current().equals(m_subscribedSecret))
        patchSubscriptionSecret();
}

std::shared_ptr<const SecretRing> WebhooksPanel::currentRing() const
{
    const WebhookSecrets *secrets = m_session.webhookSecrets();
    return secrets ? secrets->sharedRing() : std::make_shared<SecretRing>(m_session.clock());
}

void WebhooksPanel::setBody(const QByteArray &raw)
{
    m_settingBody = true;
    m_bodyEdit->setPlainText(QString::fromUtf8(raw));
    m_settingBody = false;
    m_rawBody = raw.left(kMaxBody);
    m_bodyBytes->setText(
        tr("%n byte(s), exact as given%1", nullptr, int(m_rawBody.size()))
            .arg(m_rawBody.contains('\r') ? tr(" (CRLF line ends kept)") : QString()));
    updateActions();
}

void WebhooksPanel::onBodyEdited()
{
    if (m_settingBody)
        return;
    // toRawText keeps every character (e.g. no-break spaces, which toPlainText turns into spaces);
    // only the editor's block separators become the "\n" that was typed or pasted.
    QString text = m_bodyEdit->document()->toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    m_rawBody = text.toUtf8().left(kMaxBody);
    m_bodyBytes->setText(
        m_rawBody.isEmpty()
            ? tr("No body yet.")
            : tr("%n byte(s) as UTF-8 (line breaks as \\n — open the file to keep CRLF)", nullptr,
                 int(m_rawBody.size())));
    updateActions();
}

void WebhooksPanel::setSignatureHeader(const QString &value)
{
    m_header->setText(value);
}

void WebhooksPanel::verify()
{
    if (!m_verify->isEnabled())
        return;
    QString value = m_header->text().trimmed();
    const QString name = QString::fromLatin1(SignatureVerifier::kHeaderName) + QLatin1Char(':');
    if (value.startsWith(name, Qt::CaseInsensitive))
        value = value.mid(name.size()).trimmed();
    const std::optional<QByteArray> header =
        value.isEmpty() ? std::nullopt : std::optional<QByteArray>(value.toUtf8());
    const QByteArray body = m_rawBody;
    auto ring = currentRing();
    ++m_verifying;
    m_verdict->setNeutral(tr("Verifying…"));
    updateActions();
    runOffUiThread<WebhookVerdict>(
        this, [body, header, ring] { return SignatureVerifier::verify(body, header, *ring); },
        [this](WebhookVerdict verdict) {
            --m_verifying;
            refreshOverlap();
            m_verdict->setVerdict(verdict);
            updateActions();
            Q_EMIT verified(verdict);
        });
}

QString WebhooksPanel::notWatchingText() const
{
    return tr("Not watching. Watch sandbox deliveries subscribes a local listener; each delivery "
              "is verified before it is answered (200, or 401 for a bad signature) and listed "
              "here.");
}

void WebhooksPanel::onLogged(const webhooks::WebhookLogEntry &entry)
{
    m_table->scrollToBottom();
    Q_EMIT deliveryLogged(entry);
}

void WebhooksPanel::rotate()
{
    if (!m_rotate->isEnabled())
        return;
    // Aerosync first, the local ring after (SecretRotation); the panel only shows the outcome.
    m_rotating = true;
    m_notice = tr("Rotating: patching the environment's webhook subscriptions first…");
    m_noticeIsError = false;
    auto *rotation = new SecretRotation(m_session.client(), *m_session.webhookSecrets(), this);
    const CallbackGuard::Token alive = environmentToken();
    QPointer<audit::AuditTrail> trail(m_session.audit());
    const QString profile = m_session.environment().profile;
    rotation->rotate([this, rotation, alive, trail, profile](const SecretRotation::Outcome &o) {
        rotation->deleteLater();
        if (trail)
            trail->record(audit::AuditAction::WebhookSecretRotate,
                          tr("webhook secret of %1").arg(profile),
                          o.ok ? audit::AuditOutcome::Ok : audit::AuditOutcome::Failed);
        if (!alive)
            return;
        m_rotating = false;
        if (o.ok) {
            m_notice = o.message;
            m_noticeIsError = false;
            if (!m_subscriptionId.isEmpty() && o.patched.contains(m_subscriptionId)) {
                m_subscribedSecret = ring()->current().clone();
                m_watchState->setText(tr("Listening on %1 · subscription %2 · the sandbox now "
                                         "signs with the new secret.")
                                          .arg(m_listener->url(), m_subscriptionId));
            }
        } else {
            showError(o.message);
        }
        refreshAge();
        updateActions();
        Q_EMIT rotationFinished(o.ok, o.message);
        // Set secret / Settings may have changed the ring meanwhile.
        if (o.ok && !m_subscriptionId.isEmpty() && !ring()->current().equals(m_subscribedSecret))
            patchSubscriptionSecret();
    });
    updateActions();
}

void WebhooksPanel::setSecret(crypto::SecureBytes secret, bool keepPrevious)
{
    if (!m_setSecret->isEnabled() || secret.isEmpty())
        return;
    auto saved = whenSaved(tr("Secret set"));
    const QString profile = m_session.environment().profile;
    QPointer<audit::AuditTrail> trail(m_session.audit());
    m_session.webhookSecrets()->setSecret(
        std::move(secret), keepPrevious,
        [saved, trail, profile, keepPrevious](const keychain::KeychainError &e) {
            if (trail)
                trail->record(audit::AuditAction::WebhookSecretSet,
                              tr("webhook secret of %1%2")
                                  .arg(profile, keepPrevious ? tr(" (previous kept)") : QString()),
                              e.ok() ? audit::AuditOutcome::Ok : audit::AuditOutcome::Failed);
            saved(e);
        });
    updateActions();
}

void WebhooksPanel::openSetSecretDialog()
{
    auto *dialog = new WebhookSecretDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { setSecret(dialog->takeSecret(), dialog->keepPrevious()); });
    dialog->open();
}

std::function<void(const keychain::KeychainError &)> WebhooksPanel::whenSaved(const QString &what)
{
    const CallbackGuard::Token alive = environmentToken();
    return [this, alive, what](const keychain::KeychainError &e) {
        if (!alive)
            return;
        if (e.ok()) {
            m_notice = tr("%1 — saved in the keychain (profile \"%2\").")
                           .arg(what, m_session.environment().profile);
            m_noticeIsError = false;
        } else {
            showError(tr("The secret was not saved: %1").arg(e.message));
        }
        updateActions();
    };
}

void WebhooksPanel::patchSubscriptionSecret()
{
    if (!m_session.client() || m_subscriptionId.isEmpty() || m_patching)
        return; // a PATCH on its way checks the ring again when it is answered
    m_patching = true;
    m_watchBusy = true;
    updateActions();
    auto secret = std::make_shared<crypto::SecureBytes>(ring()->current().clone());
    const CallbackGuard::Token alive = environmentToken();
    const QString id = m_subscriptionId;
    WebhookSubscriptionClient(*m_session.client())
        .patchSecret(id, *secret, [this, alive, id, secret](Status<api::ApiError> r) {
            if (!alive || id != m_subscriptionId)
                return; // another environment, or no longer watching this subscription
            m_patching = false;
            m_watchBusy = false;
            if (r) {
                m_subscribedSecret = std::move(*secret);
                m_watchState->setText(tr("Listening on %1 · subscription %2 · the sandbox now "
                                         "signs with the new secret.")
                                          .arg(m_listener->url(), m_subscriptionId));
            } else {
                showError(tr("The sandbox subscription still has the old secret: %1")
                              .arg(r.error().message));
            }
            updateActions();
            // The ring may have changed again meanwhile.
            if (r && !ring()->current().equals(m_subscribedSecret))
                patchSubscriptionSecret();
        });
}

void WebhooksPanel::startWatching()
{
    if (!m_watch->isEnabled() || m_listener->isListening())
        return;
    if (!m_listener->start())
        return showError(m_listener->errorString());
    m_watchBusy = true;
    m_watchState->setText(tr("Subscribing %1 with the sandbox…").arg(m_listener->url()));
    updateActions();
    auto secret = std::make_shared<crypto::SecureBytes>(ring()->current().clone());
    const CallbackGuard::Token alive = environmentToken();
    WebhookSubscriptionClient(*m_session.client())
        .subscribe(m_listener->url(), WebhookSubscriptionClient::allEvents(), *secret,
                   [this, alive, secret](Result<webhooks::WebhookSubscription, api::ApiError> r) {
                       if (!alive)
                           return;
                       m_watchBusy = false;
                       if (!r) {
                           m_listener->stop();
                           m_watchState->setText(notWatchingText());
                           showError(
                               tr("Subscribing the listener failed: %1").arg(r.error().message));
                           return updateActions();
                       }
                       m_subscriptionId = r->id;
                       m_subscribedSecret = std::move(*secret);
                       m_watchState->setText(tr("Listening on %1 · subscription %2 · every event.")
                                                 .arg(m_listener->url(), m_subscriptionId));
                       updateActions();
                       Q_EMIT watchingChanged(true);
                       if (!ring()->current().equals(m_subscribedSecret))
                           patchSubscriptionSecret();
                   });
}

void WebhooksPanel::stopWatching()
{
    if (!m_listener->isListening())
        return;
    if (!m_subscriptionId.isEmpty() && m_session.client()) {
        WebhookSubscriptionClient(*m_session.client())
            .remove(m_subscriptionId, [](Status<api::ApiError> r) {
                if (!r)
                    qCWarning(aerodesk::log::webhooks,
                              "Removing the sandbox webhook subscription failed: %s",
                              qUtf8Printable(r.error().message));
            });
    }
    m_listener->stop();
    m_subscriptionId.clear();
    m_subscribedSecret = {};
    m_patching = false;
    m_watchBusy = false;
    m_watchState->setText(notWatchingText());
    updateActions();
    Q_EMIT watchingChanged(false);
}

void WebhooksPanel::sendTestEvent()
{
    if (!m_sendTest->isEnabled())
        return;
    m_watchBusy = true;
    updateActions();
    const CallbackGuard::Token alive = environmentToken();
    WebhookSubscriptionClient(*m_session.client())
        .sendTest(m_subscriptionId, [this, alive](Result<QString, api::ApiError> r) {
            if (!alive)
                return;
            m_watchBusy = false;
            if (r) {
                m_watchState->setText(
                    tr("Listening on %1 · subscription %2 · test.event queued (%3).")
                        .arg(m_listener->url(), m_subscriptionId, *r));
                Q_EMIT testEventQueued(*r);
            } else {
                showError(tr("The test event was not queued: %1").arg(r.error().message));
            }
            updateActions();
        });
}

void WebhooksPanel::showSecrets()
{
    m_current->setSecret(ring()->current().clone());
    m_previous->setSecret(ring()->previous().clone());
    refreshOverlap();
    refreshAge();
}

void WebhooksPanel::setRotationPeriodDays(int days)
{
    if (WebhookSecrets *secrets = m_session.webhookSecrets())
        secrets->setRotationPeriodDays(days);
    refreshAge();
}

void WebhooksPanel::refreshAge()
{
    const WebhookSecrets *secrets = m_session.webhookSecrets();
    const int period =
        secrets ? secrets->rotationPeriodDays() : RotationSchedule::kDefaultPeriodDays;
    if (!m_period->hasFocus()) {
        const QSignalBlocker block(m_period);
        m_period->setValue(period);
    }
    m_period->setEnabled(secrets != nullptr);
    const RotationDue due = RotationSchedule::evaluate(*ring(), period, m_session.clock().nowUtc());
    QString reminder;
    switch (due.state) {
    case RotationDue::State::NoSecret:
        m_age->setText(tr("No secret yet."));
        break;
    case RotationDue::State::AgeUnknown:
        m_age->setText(tr("Unknown: this secret was set before AeroDesk recorded when. Rotate it "
                          "to start counting."));
        break;
    case RotationDue::State::NotDue:
        m_age->setText(tr("%n day(s) old (set %1); rotation due %2.", nullptr, int(due.ageDays))
                           .arg(utc(due.since), utc(due.dueAt)));
        break;
    case RotationDue::State::Due:
        m_age->setText(tr("%n day(s) old (set %1); rotation was due %2.", nullptr, int(due.ageDays))
                           .arg(utc(due.since), utc(due.dueAt)));
        reminder = RotationReminderText::reminder(due, m_session.environment().name);
        break;
    }
    m_age->setAccessibleDescription(m_age->text());
    if (reminder.isEmpty())
        m_reminderLine->clearNotice();
    else
        m_reminderLine->showWarning(reminder);
    if (reminder != m_reminder) {
        m_reminder = reminder;
        Q_EMIT rotationReminderChanged(reminder);
    }
}

void WebhooksPanel::refreshOverlap()
{
    const SecretRing *r = ring();
    const QDateTime until = r->previousValidUntil();
    if (!until.isValid())
        m_overlap->setText(tr("No previous secret: only the current one is accepted."));
    else if (r->previousActive())
        m_overlap->setText(tr("Previous secret accepted until %1 (rotated %2).")
                               .arg(utc(until), utc(r->rotatedAt())));
    else
        m_overlap->setText(
            tr("The previous secret's overlap window closed at %1: it is no longer accepted.")
                .arg(utc(until)));
    m_overlap->setAccessibleDescription(m_overlap->text());
}

void WebhooksPanel::showError(const QString &message)
{
    m_notice = message;
    m_noticeIsError = true;
    m_state->showError(m_notice);
    Q_EMIT failed(message);
}

void WebhooksPanel::updateActions()
{
    const bool ready = m_session.isReady();
    const WebhookSecrets *secrets = m_session.webhookSecrets();
    QString why;
    NoticeLine::Kind whyKind = NoticeLine::Kind::Info;
    if (!ready || !secrets) {
        why = m_session.lastError().isEmpty() ? tr("Waiting for the environment to be ready.")
                                              : m_session.lastError();
        whyKind =
            m_session.lastError().isEmpty() ? NoticeLine::Kind::Info : NoticeLine::Kind::Error;
    } else if (secrets->isLoading()) {
        why = tr("Reading the webhook secrets from the keychain…");
    } else if (!secrets->isLoaded()) {
        why = m_notice.isEmpty() ? tr("The webhook secrets could not be read from the keychain.")
                                 : m_notice;
        whyKind = NoticeLine::Kind::Error;
    } else if (secrets->isSaving()) {
        why = tr("Saving the webhook secret…");
    }
    if (!why.isEmpty())
        m_state->setNotice(whyKind, why);
    else if (!m_notice.isEmpty())
        m_state->setNotice(m_noticeIsError ? NoticeLine::Kind::Error : NoticeLine::Kind::Success,
                           m_notice);
    else if (ring()->current().isEmpty())
        m_state->showInfo(
            tr("%1 · no webhook secret yet. First: Set secret… with the secret configured for "
               "this environment at Aerosync, or Rotate secret to make one (it is sent to every "
               "subscription). Then Watch sandbox deliveries and Send test event to see them "
               "verified.")
                .arg(m_session.environment().name));
    else
        m_state->showInfo(tr("%1 · secrets from the keychain profile \"%2\".")
                              .arg(m_session.environment().name, m_session.environment().profile));
    auto apply = [](QPushButton *b, const QString &reason, const QString &tip) {
        b->setEnabled(reason.isEmpty());
        b->setToolTip(reason.isEmpty() ? tip : reason);
    };
    QString rotateWhy = why;
    if (rotateWhy.isEmpty() && m_rotating)
        rotateWhy = tr("Rotating…");
    apply(m_rotate, rotateWhy,
          tr("Generate a new random secret, patch it into every webhook subscription of this "
             "environment at Aerosync, then keep it; the current one stays accepted for 24 h"));
    apply(m_setSecret, why, tr("Enter the secret configured for this environment"));

    QString verifyWhy = why;
    if (verifyWhy.isEmpty() && m_verifying > 0)
        verifyWhy = tr("Verifying…");
    else if (verifyWhy.isEmpty() && m_rawBody.isEmpty())
        verifyWhy = tr("Paste a raw body first.");
    apply(m_verify, verifyWhy, tr("Check the signature against the current and previous secret"));

    const bool watching = m_listener->isListening();
    QString watchWhy = why;
    if (watchWhy.isEmpty() && m_session.environment().isProduction())
        watchWhy = tr("Production cannot deliver to this computer: watching works with a sandbox.");
    else if (watchWhy.isEmpty() && m_watchBusy)
        watchWhy = tr("Waiting for the sandbox…");
    else if (watchWhy.isEmpty() && !watching && ring()->current().isEmpty())
        watchWhy = tr("Set or rotate a webhook secret first.");
    m_watch->setText(watching ? tr("Stop &watching") : tr("&Watch sandbox deliveries"));
    apply(m_watch, watchWhy,
          watching ? tr("Unsubscribe and stop the local listener")
                   : tr("Listen on 127.0.0.1 and subscribe it"));

    QString testWhy = watchWhy;
    if (testWhy.isEmpty() && (!watching || m_subscriptionId.isEmpty()))
        testWhy = tr("Start watching first.");
    apply(m_sendTest, testWhy,
          tr("POST /webhooks/{id}/test: the sandbox sends a signed test.event"));
}

} // namespace aerodesk::ui
