#include "ui/webhooks/RotationReminderStatus.h"

#include "core/session/Session.h"
#include "core/webhooks/RotationSchedule.h"
#include "core/webhooks/WebhookSecrets.h"
#include "ui/common/NoticeLine.h"
#include "ui/webhooks/RotationReminderText.h"

#include <QSizePolicy>
#include <QStatusBar>
#include <QTimer>

namespace aerodesk::ui {

RotationReminderStatus::RotationReminderStatus(QStatusBar *statusBar, session::Session &session)
    : QObject(statusBar)
    , m_session(session)
{
    m_line = new NoticeLine(QStringLiteral("webhookReminderStatus"),
                            tr("Webhook secret rotation reminder"), statusBar);
    m_line->setWordWrap(false);
    m_line->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_line->clearNotice();
    statusBar->addPermanentWidget(m_line, 1);
    connect(&m_session, &session::Session::environmentChanged, this,
            &RotationReminderStatus::rebind);
    // The reminder comes due with the clock, not only with a change of the secrets.
    auto *minute = new QTimer(this);
    connect(minute, &QTimer::timeout, this, &RotationReminderStatus::refresh);
    minute->start(60 * 1000);
    rebind();
}

void RotationReminderStatus::rebind()
{
    for (const QMetaObject::Connection &c : std::as_const(m_secretsConnections))
        disconnect(c);
    m_secretsConnections.clear();
    if (webhooks::WebhookSecrets *secrets = m_session.webhookSecrets()) {
        m_secretsConnections = {
            connect(secrets, &webhooks::WebhookSecrets::changed, this,
                    &RotationReminderStatus::refresh),
            connect(secrets, &webhooks::WebhookSecrets::stateChanged, this,
                    &RotationReminderStatus::refresh),
            connect(secrets, &webhooks::WebhookSecrets::rotationPeriodChanged, this,
                    &RotationReminderStatus::refresh),
        };
        // Read from the keychain off the UI thread; refresh() runs again when it is in.
        if (!secrets->isLoaded() && !secrets->isLoading())
            secrets->reload();
    }
    refresh();
}

void RotationReminderStatus::refresh()
{
    const webhooks::WebhookSecrets *secrets = m_session.webhookSecrets();
    QString text;
    if (secrets && secrets->isLoaded()) {
        const webhooks::RotationDue due = webhooks::RotationSchedule::evaluate(
            secrets->ring(), secrets->rotationPeriodDays(), m_session.clock().nowUtc());
        text = RotationReminderText::reminder(due, m_session.environment().name);
    }
    m_reminder = text;
    if (text.isEmpty())
        m_line->clearNotice();
    else
        m_line->showWarning(text);
    m_line->setToolTip(text);
}

} // namespace aerodesk::ui
