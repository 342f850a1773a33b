#include "ui/jobs/LinkWidgetDialog.h"

#include "core/api/LinkWidgetSession.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace aerodesk::ui {

namespace {
QLineEdit *field(QWidget *parent, const char *objectName, const QString &accessibleName,
                 const QString &placeholder = {})
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QWidget *formPage(QStackedWidget *pages, const char *state)
{
    auto *page = new QWidget(pages);
    page->setProperty("widgetState", QString::fromLatin1(state));
    pages->addWidget(page);
    return page;
}
} // namespace

LinkWidgetDialog::LinkWidgetDialog(api::ApiClient &client,
                                   api::LinkWidgetEventDispatcher &dispatcher, QWidget *parent)
    : QDialog(parent)
    , m_session(new api::LinkWidgetSession(client, dispatcher, this))
{
    build();
    connect(m_session, &api::LinkWidgetSession::stepReady, this, &LinkWidgetDialog::showStep);
    connect(m_session, &api::LinkWidgetSession::finished, this, &LinkWidgetDialog::onFinished);
    connect(m_session, &api::LinkWidgetSession::refused, this,
            [this](const QString &why) { m_error->setText(why); });
}

LinkWidgetDialog::~LinkWidgetDialog() = default;

void LinkWidgetDialog::build()
{
    setObjectName(QStringLiteral("widgetDialog"));
    setWindowTitle(tr("Aerosync widget (sandbox)"));
    setAccessibleName(tr("Aerosync widget"));
    setModal(false);
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    m_prompt = new QLabel(tr("Opening the widget…"), this);
    m_prompt->setObjectName(QStringLiteral("widgetPrompt"));
    m_prompt->setAccessibleName(tr("Widget prompt"));
    m_prompt->setWordWrap(true);
    QFont bold = m_prompt->font();
    bold.setBold(true);
    m_prompt->setFont(bold);
    layout->addWidget(m_prompt);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("widgetError"));
    m_error->setAccessibleName(tr("Widget error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link-visited); font-weight: bold;"));
    layout->addWidget(m_error);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("widgetCountdown"));
    m_countdown->setAccessibleName(tr("Time left in the bank's MFA window"));
    m_countdown->setFont(bold);
    m_countdown->hide();
    layout->addWidget(m_countdown);

    m_pages = new QStackedWidget(this);
    m_loadingPage = new QWidget(m_pages);
    m_loadingPage->setProperty("widgetState", QStringLiteral("(opening)"));
    m_pages->addWidget(m_loadingPage);

    auto *bankPage = formPage(m_pages, "bank");
    m_banks = new QListWidget(bankPage);
    m_banks->setObjectName(QStringLiteral("widgetBankList"));
    m_banks->setAccessibleName(tr("Test banks"));
    connect(m_banks, &QListWidget::itemActivated, this, &LinkWidgetDialog::submit);
    (new QVBoxLayout(bankPage))->addWidget(m_banks);

    auto *credentialsPage = formPage(m_pages, "credentials");
    auto *credentials = new QFormLayout(credentialsPage);
    m_username = field(credentialsPage, "widgetUsername", tr("Username"),
                       tr("mxuser (badcreds = wrong credentials)"));
    m_password = field(credentialsPage, "widgetPassword", tr("Password"), tr("challenge"));
    m_password->setEchoMode(QLineEdit::Password);
    credentials->addRow(tr("&Username:"), m_username);
    credentials->addRow(tr("&Password:"), m_password);

    auto *mfaPage = formPage(m_pages, "mfa");
    m_code = field(mfaPage, "widgetMfaCode", tr("MFA code"), tr("e.g. 1234"));
    (new QFormLayout(mfaPage))->addRow(tr("&Code:"), m_code);

    auto *questionPage = formPage(m_pages, "question");
    m_answer = field(questionPage, "widgetAnswer", tr("Security answer"), tr("correct"));
    (new QFormLayout(questionPage))->addRow(tr("&Answer:"), m_answer);

    auto *oauthPage = formPage(m_pages, "oauth");
    auto *oauth = new QHBoxLayout(oauthPage);
    m_approve = new QPushButton(tr("&Approve access"), oauthPage);
    m_approve->setObjectName(QStringLiteral("widgetApprove"));
    m_approve->setAccessibleName(tr("Approve access"));
    m_deny = new QPushButton(tr("&Deny"), oauthPage);
    m_deny->setObjectName(QStringLiteral("widgetDeny"));
    m_deny->setAccessibleName(tr("Deny access"));
    oauth->addWidget(m_approve);
    oauth->addWidget(m_deny);
    connect(m_approve, &QPushButton::clicked, this, [this] {
        setBusy(true);
        m_session->answerOAuth(true);
    });
    connect(m_deny, &QPushButton::clicked, this, [this] {
        setBusy(true);
        m_session->answerOAuth(false);
    });

    auto *manualPage = formPage(m_pages, "manual");
    auto *manual = new QFormLayout(manualPage);
    m_routing = field(manualPage, "widgetRouting", tr("Routing number"), tr("9 digits"));
    m_account = field(manualPage, "widgetAccount", tr("Account number"), tr("at least 4 digits"));
    manual->addRow(tr("&Routing number:"), m_routing);
    manual->addRow(tr("A&ccount number:"), m_account);
    layout->addWidget(m_pages);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("widgetHint"));
    m_hint->setAccessibleName(tr("Sandbox hint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_branding = new QLabel(this);
    m_branding->setObjectName(QStringLiteral("widgetBranding"));
    m_branding->setAccessibleName(tr("Widget branding"));
    m_branding->setWordWrap(true);
    m_branding->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_branding);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_cancel = new QPushButton(tr("Close widget"), this);
    m_cancel->setObjectName(QStringLiteral("widgetCancel"));
    m_cancel->setAccessibleName(tr("Close the widget"));
    m_cancel->setAutoDefault(false);
    m_continue = new QPushButton(tr("C&ontinue"), this);
    m_continue->setObjectName(QStringLiteral("widgetContinue"));
    m_continue->setAccessibleName(tr("Send the answer"));
    m_continue->setDefault(true);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_continue);
    layout->addLayout(buttons);
    connect(m_continue, &QPushButton::clicked, this, &LinkWidgetDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &LinkWidgetDialog::reject);
    setBusy(true, tr("Getting a fresh widget token…"));
    m_pages->setCurrentWidget(m_loadingPage);
}

void LinkWidgetDialog::startLink(bool manualLinkOnly)
{
    setWindowTitle(tr("Link an account (sandbox widget)"));
    m_path = Path::Link;
    m_manualLinkOnly = manualLinkOnly;
    launch();
}

void LinkWidgetDialog::startReconnect(const QString &connectionId)
{
    setWindowTitle(tr("Reconnect (sandbox widget)"));
    m_path = Path::Reconnect;
    m_connectionId = connectionId;
    launch();
}

void LinkWidgetDialog::startMfaRelaunch(const QString &jobId, const QString &connectionId)
{
    setWindowTitle(tr("MFA relaunch (sandbox widget)"));
    m_path = Path::MfaRelaunch;
    m_jobId = jobId;
    m_connectionId = connectionId;
    launch();
}

void LinkWidgetDialog::launch()
{
    // Every launch, a first one or a Try again, gets a fresh widget token (LinkWidgetSession) and
    // the environment's configurationId (branding).
    ++m_launches;
    m_result.reset();
    m_state.clear();
    m_error->clear();
    m_hint->clear();
    m_pages->setCurrentWidget(m_loadingPage);
    setBusy(true, tr("Getting a fresh widget token…"));
    switch (m_path) {
    case Path::Link:
        m_session->startLink({}, {}, m_manualLinkOnly);
        break;
    case Path::Reconnect:
        m_session->startReconnect(m_connectionId);
        break;
    case Path::MfaRelaunch:
        m_session->startMfaRelaunch(m_jobId, m_connectionId);
        break;
    case Path::None:
        break;
    }
}

void LinkWidgetDialog::setCountdownText(const QString &text)
{
    m_countdown->setText(text);
    m_countdown->setAccessibleDescription(text);
    m_countdown->setVisible(!text.isEmpty());
}

QWidget *LinkWidgetDialog::page(const QString &state) const
{
    for (int i = 0; i < m_pages->count(); ++i)
        if (m_pages->widget(i)->property("widgetState").toString() == state)
            return m_pages->widget(i);
    return nullptr;
}

bool LinkWidgetDialog::isWaitingForInput() const
{
    return !m_result && m_session->isActive() && !m_session->isBusy() && page(m_state) != nullptr;
}

void LinkWidgetDialog::setBusy(bool busy, const QString &why)
{
    m_pages->setEnabled(!busy);
    const bool canSubmit = !busy && m_state != QLatin1String("oauth") && page(m_state);
    m_continue->setEnabled(canSubmit);
    m_continue->setToolTip(
        canSubmit ? QString()
                  : (busy ? tr("Waiting for the widget…") : tr("Use the buttons above.")));
    if (busy && !why.isEmpty())
        m_prompt->setText(why);
}

void LinkWidgetDialog::showStep(const api::LinkWidgetStep &step)
{
    m_state = step.state;
    m_prompt->setText(step.prompt.isEmpty() ? tr("The widget is at “%1”.").arg(step.state)
                                            : step.prompt);
    m_error->setText(step.error);
    QWidget *p = page(step.state);
    m_pages->setCurrentWidget(p ? p : m_loadingPage);
    for (int i = 0; i < m_pages->count(); ++i) // size to the page shown, not the tallest one
        m_pages->widget(i)->setSizePolicy(
            m_pages->widget(i) == m_pages->currentWidget()
                ? QSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred)
                : QSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored));
    QString hint;
    if (step.state == QLatin1String("bank")) {
        m_banks->clear();
        m_banks->addItems(step.banks);
        if (m_banks->count() > 0)
            m_banks->setCurrentRow(0);
        m_banks->setFocus();
    } else if (step.state == QLatin1String("credentials")) {
        hint = tr("Sandbox: any username and password; “badcreds” gives AC-117.");
        m_username->setFocus();
    } else if (step.state == QLatin1String("mfa")) {
        hint = tr("Sandbox: 0001 → AC-110 (MFA timed out), 0002 → AC-108 (lockout), 0004 → AR-500; "
                  "any other code succeeds.");
        m_code->clear();
        m_code->setFocus();
    } else if (step.state == QLatin1String("question")) {
        hint = tr("Sandbox: “correct” succeeds; the third wrong answer locks (AC-108).");
        m_answer->clear();
        m_answer->setFocus();
    } else if (step.state == QLatin1String("manual")) {
        hint = tr("Manual links cannot report a balance (canFetchBalance is false).");
        m_routing->setFocus();
    } else if (step.state == QLatin1String("oauth")) {
        m_approve->setFocus();
    }
    m_hint->setText(hint);
    m_branding->setText(
        step.brandingConfigurationId.isEmpty()
            ? tr("Branding: Aerosync's default (no configurationId set for this "
                 "environment).")
            : tr("Branding: configuration “%1”.").arg(step.brandingConfigurationId));
    setBusy(false);
    // Room for the error and the hint, no more: re-read the hints of the page shown now.
    m_pages->updateGeometry();
    layout()->invalidate();
    layout()->activate();
    adjustSize();
    Q_EMIT stepShown(step.state);
}

void LinkWidgetDialog::submit()
{
    if (!isWaitingForInput())
        return;
    if (m_state == QLatin1String("bank")) {
        if (!m_banks->currentItem())
            return;
        setBusy(true);
        m_session->chooseBank(m_banks->currentItem()->text());
    } else if (m_state == QLatin1String("credentials")) {
        setBusy(true);
        m_session->signIn(m_username->text(), m_password->text());
        m_password->clear();
    } else if (m_state == QLatin1String("mfa")) {
        setBusy(true);
        m_session->submitMfaCode(m_code->text().trimmed());
        m_code->clear();
    } else if (m_state == QLatin1String("question")) {
        setBusy(true);
        m_session->answerQuestion(m_answer->text());
        m_answer->clear();
    } else if (m_state == QLatin1String("manual")) {
        setBusy(true);
        m_session->submitManual(m_routing->text().trimmed(), m_account->text().trimmed());
    } else if (m_state == QLatin1String("oauth")) {
        setBusy(true);
        m_session->answerOAuth(true);
    }
}

void LinkWidgetDialog::reject()
{
    if (m_retryPrompt) { // Esc on the dialog while the prompt is open: Not now
        m_retryPrompt->reject();
        return;
    }
    if (!m_result && m_session->isActive()) {
        // Closing the widget is a step of its own (widgetClose); a step under way finishes first.
        if (!m_session->isBusy()) {
            setBusy(true, tr("Closing the widget…"));
            m_session->close();
        }
        return;
    }
    QDialog::reject();
}

void LinkWidgetDialog::dismiss()
{
    m_dismissing = true;
    if (m_retryPrompt) {
        m_retryPrompt->reject(); // its answer ends the dialog (Not now)
        return;
    }
    if (!m_result && m_session->isActive() && !m_session->isBusy()) {
        m_session->close(); // onFinished ends the dialog, without a prompt
        return;
    }
    if (m_result || !m_session->isActive())
        QDialog::reject();
    // A step under way: its answer ends the session (or the next reject() closes it).
}

void LinkWidgetDialog::onFinished(const api::LinkWidgetResult &result)
{
    m_result = result;
    m_state = QStringLiteral("done");
    m_prompt->setText(result.linked() ? tr("Done.") : result.message);
    setBusy(true);
    if (result.outcome == api::LinkWidgetResult::Outcome::Closed && !m_dismissing) {
        // Each session reports its end (once per start); the dialog stays for the retry prompt.
        offerRetry();
        Q_EMIT sessionFinished(result);
        return;
    }
    finishWith(result);
}

void LinkWidgetDialog::finishWith(const api::LinkWidgetResult &result)
{
    Q_EMIT sessionFinished(result);
    done(result.linked() ? QDialog::Accepted : QDialog::Rejected);
}

void LinkWidgetDialog::offerRetry()
{
    // The common drop-out point: a soft prompt, never blocking (open(), not exec()).
    m_prompt->setText(tr("The bank connection was not finished."));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Bank connection not finished"),
                                tr("The bank connection was not finished. Try again?"),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("widgetRetryPrompt"));
    box->setAccessibleName(tr("Retry the bank connection"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *again = box->addButton(tr("&Try again"), QMessageBox::AcceptRole);
    again->setObjectName(QStringLiteral("widgetRetryTryAgain"));
    again->setAccessibleName(tr("Try again with a fresh widget"));
    QPushButton *later = box->addButton(tr("&Not now"), QMessageBox::RejectRole);
    later->setObjectName(QStringLiteral("widgetRetryNotNow"));
    later->setAccessibleName(tr("Not now"));
    box->setDefaultButton(again);
    box->setEscapeButton(later);
    m_retryPrompt = box;
    connect(box, &QMessageBox::finished, this, [this, box, again] {
        const bool retry = box->clickedButton() == again;
        m_retryPrompt = nullptr;
        if (retry && !m_dismissing)
            launch();
        else
            done(QDialog::Rejected); // Not now: the Closed result was already reported
    });
    box->open();
    Q_EMIT retryOffered(box);
}

} // namespace aerodesk::ui
