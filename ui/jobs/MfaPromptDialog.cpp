#include "ui/jobs/MfaPromptDialog.h"

#include "core/api/JobType.h"
#include "core/audit/AuditTrail.h"
#include "core/connections/IdMask.h"
#include "core/session/Session.h"
#include "core/timeline/TimelineRecorder.h"
#include "core/util/Clock.h"
#include "ui/jobs/JobsModel.h"
#include "ui/jobs/LinkWidgetDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace aerodesk::ui {

using jobs::JobOutcome;

MfaPromptDialog::MfaPromptDialog(session::Session &session, MfaRequest request, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_request(std::move(request))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setModal(false);
    build();
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &MfaPromptDialog::tick);
    m_countdown.start();
    tick();
}

MfaPromptDialog::~MfaPromptDialog() = default;

void MfaPromptDialog::build()
{
    setObjectName(QStringLiteral("mfaPrompt"));
    setWindowTitle(tr("MFA needed"));
    setAccessibleName(tr("MFA relaunch prompt"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(32, 32));
    icon->setAccessibleName(tr("Information"));
    top->addWidget(icon, 0, Qt::AlignTop);
    const QString bank = m_request.bankName.isEmpty() ? tr("the bank") : m_request.bankName;
    m_message = new QLabel(tr("The %1 job on connection %2 is waiting for MFA at %3. Relaunch the "
                              "widget so the user can "
                              "enter the code or answer now.")
                               .arg(JobsModel::typeText(m_request.type).toLower(),
                                    connections::IdMask::mask(m_request.connectionId), bank),
                           this);
    m_message->setObjectName(QStringLiteral("mfaPromptMessage"));
    m_message->setAccessibleName(tr("MFA request"));
    m_message->setWordWrap(true);
    top->addWidget(m_message, 1);
    layout->addLayout(top);
    m_remaining = new QLabel(this);
    m_remaining->setObjectName(QStringLiteral("mfaCountdown"));
    m_remaining->setAccessibleName(tr("Time left in the MFA window"));
    QFont big = m_remaining->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_remaining->setFont(big);
    layout->addWidget(m_remaining);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("mfaStatus"));
    m_status->setAccessibleName(tr("MFA status"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("mfaClose"));
    m_close->setAccessibleName(tr("Close the MFA prompt"));
    m_close->setAutoDefault(false);
    m_relaunch = new QPushButton(tr("&Relaunch widget"), this);
    m_relaunch->setObjectName(QStringLiteral("mfaRelaunch"));
    m_relaunch->setAccessibleName(tr("Relaunch the widget for MFA"));
    m_relaunch->setDefault(true);
    buttons->addWidget(m_close);
    buttons->addWidget(m_relaunch);
    layout->addLayout(buttons);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_relaunch, &QPushButton::clicked, this, &MfaPromptDialog::relaunch);
    setMinimumWidth(460);
}

QString MfaPromptDialog::countdownText() const
{
    if (m_jobEnded || !m_request.windowEndsAt.isValid())
        return tr("The MFA window has closed.");
    const qint64 ms = m_session.clock().nowUtc().msecsTo(m_request.windowEndsAt);
    if (ms <= 0)
        return tr("The MFA window has closed.");
    const qint64 s = (ms + 999) / 1000;
    return tr("%1:%2 left").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void MfaPromptDialog::tick()
{
    m_remaining->setText(countdownText());
    if (m_widget) // the widget shows the bank's window too: the user is looking at it
        m_widget->setCountdownText(
            m_jobEnded ? QString() : tr("%1 in the bank's MFA window").arg(countdownText()));
    if (m_jobEnded)
        m_countdown.stop();
}

void MfaPromptDialog::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setAccessibleDescription(text);
    adjustSize(); // grow with the explanation
}

void MfaPromptDialog::relaunch()
{
    if (m_locked || !m_relaunch->isEnabled())
        return;
    if (audit::AuditTrail *trail = m_session.audit())
        trail->record(audit::AuditAction::MfaRelaunch,
                      tr("%1 job on %2%3")
                          .arg(api::jobTypeName(m_request.type),
                               connections::IdMask::mask(m_request.connectionId),
                               m_jobEnded ? tr(" (restarted after the MFA window)") : QString()),
                      audit::AuditOutcome::Ok, {}, m_request.connectionId);
    if (m_jobEnded) {
        // After an MFA timeout the job is gone; starting it again is this person's decision.
        Q_EMIT restartRequested(m_request.type, m_request.connectionId);
        close();
        return;
    }
    if (!m_session.isReady()) {
        setStatus(tr("Waiting for the environment…"));
        return;
    }
    if (m_widget)
        m_widget->deleteLater();
    m_widget = new LinkWidgetDialog(*m_session.client(), *m_session.widgetEvents(), this);
    m_widget->setAttribute(Qt::WA_DeleteOnClose);
    if (auto *timeline = m_session.timeline()) // one timeline per connection (issue 15)
        timeline->attach(m_widget->session(), *m_session.widgetEvents());
    connect(m_widget, &LinkWidgetDialog::sessionFinished, this, &MfaPromptDialog::onWidgetFinished);
    LinkWidgetDialog *widget = m_widget;
    connect(m_widget, &QDialog::finished, this, [this, widget] {
        const auto &last = widget->result();
        if (m_jobEnded || m_locked || !last ||
            last->outcome != api::LinkWidgetResult::Outcome::Closed)
            return;
        // Closed, and the retry prompt answered Not now: Relaunch stays on offer.
        m_relaunch->setEnabled(true);
        m_relaunch->setToolTip({});
        setStatus(tr("The MFA widget was closed before the bank's step was done. Relaunch while "
                     "the window is open."));
    });
    m_relaunch->setEnabled(false);
    m_relaunch->setToolTip(tr("The widget is open."));
    setStatus(tr("The MFA widget is open (a fresh widget token): the user enters the code or "
                 "answer there now."));
    m_widget->startMfaRelaunch(m_request.jobId, m_request.connectionId);
    tick();
    m_widget->show();
    m_widget->raise();
    m_widget->activateWindow();
    Q_EMIT widgetOpened(m_widget);
}

void MfaPromptDialog::onWidgetFinished(const api::LinkWidgetResult &result)
{
    using Outcome = api::LinkWidgetResult::Outcome;
    if (result.outcome == Outcome::Linked) {
        m_relaunch->setEnabled(false);
        m_relaunch->setToolTip(tr("MFA is done."));
        setStatus(tr("MFA completed: the job goes on."));
        Q_EMIT mfaCompleted(m_request.key);
        return;
    }
    // What the error means (lockout? may the widget be opened again?) is the catalogue's answer.
    const api::ErrorInfo &error = result.error;
    if (error.lockout) {
        showLockout(error, result.message);
        return;
    }
    if (result.outcome == Outcome::Closed && !m_jobEnded) {
        // The widget's own retry prompt asks now; Not now (the widget dialog's finished()) puts
        // Relaunch back on offer here.
        setStatus(tr("The MFA widget was closed before the bank's step was done; it offers to "
                     "try again."));
        return;
    }
    if (m_jobEnded)
        return; // jobFinished() said what happened
    QString text = result.message;
    if (error.relaunchesMfa())
        text = tr("%1 (%2): %3 %4").arg(error.title, error.code, error.cause, error.nextStep);
    if (!error.relaunchAllowed()) {
        m_relaunch->setEnabled(false);
        m_relaunch->setToolTip(error.nextStep);
        setStatus(tr("%1 Next step: %2").arg(text, error.nextStep));
        return;
    }
    m_relaunch->setEnabled(true);
    m_relaunch->setToolTip({});
    setStatus(tr("%1 Relaunch to try again.").arg(text));
}

void MfaPromptDialog::showLockout(const api::ErrorInfo &error, const QString &detail)
{
    m_locked = true;
    m_countdown.stop();
    m_relaunch->hide();
    m_relaunch->setEnabled(false);
    m_remaining->setText(tr("Locked out"));
    setStatus(tr("%1 (%2): %3 Nothing will be retried. %4%5")
                  .arg(error.title, error.code, error.cause, error.nextStep,
                       detail.isEmpty() ? QString() : QStringLiteral("\n") + detail));
}

void MfaPromptDialog::jobFinished(const jobs::JobResult &result)
{
    m_jobEnded = true;
    tick();
    // The job is over: its MFA widget (or its retry prompt) has nothing left to do.
    if (m_widget)
        m_widget->dismiss();
    if (result.outcome == JobOutcome::Completed || result.outcome == JobOutcome::Cancelled) {
        close();
        return;
    }
    // Lockout, relaunch-in-MFA-mode: the catalogue's answers for the error the job ended with.
    const api::ErrorInfo &error = result.error;
    if (error.lockout) {
        showLockout(error, result.message);
        return;
    }
    if (error.relaunchesMfa() && error.relaunchAllowed()) {
        // After the MFA timeout the job is gone: Relaunch starts it again (a person's click).
        m_relaunch->setText(tr("&Relaunch: start the job again"));
        m_relaunch->setAccessibleName(tr("Start the job again and relaunch MFA"));
        m_relaunch->setEnabled(!m_locked);
        m_relaunch->setToolTip({});
        setStatus(tr("%1 (%2): the user did not finish the bank's step in time, so the job ended. "
                     "Relaunch starts the job again; answer the new prompt at once.")
                      .arg(error.title, error.code));
        return;
    }
    m_relaunch->hide();
    setStatus(result.nextStep.isEmpty()
                  ? result.message
                  : tr("%1 Next step: %2").arg(result.message, result.nextStep));
}

} // namespace aerodesk::ui
