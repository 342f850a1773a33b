#include "ui/webhooks/RotationReminderStatus.h"

#include "ui/common/NoticeLine.h"
#include "ui/webhooks/WebhooksPanel.h"

#include <QSizePolicy>
#include <QStatusBar>

namespace aerodesk::ui {

RotationReminderStatus::RotationReminderStatus(QStatusBar *statusBar, WebhooksPanel *panel)
    : QObject(statusBar)
{
    m_line = new NoticeLine(QStringLiteral("webhookReminderStatus"),
                            tr("Webhook secret rotation reminder"), statusBar);
    m_line->setWordWrap(false);
    m_line->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_line->clearNotice();
    statusBar->addPermanentWidget(m_line, 1);
    auto show = [this](const QString &text) {
        if (text.isEmpty())
            m_line->clearNotice();
        else
            m_line->showWarning(text);
        m_line->setToolTip(text);
    };
    show(panel->rotationReminder());
    connect(panel, &WebhooksPanel::rotationReminderChanged, m_line, show);
}

} // namespace aerodesk::ui
