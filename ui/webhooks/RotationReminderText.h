#pragma once

#include "core/webhooks/RotationSchedule.h"

#include <QCoreApplication>
#include <QString>

namespace aerodesk::ui {

/// The words of the webhook secret's rotation reminder, one place for the Webhooks panel and
/// the status bar (RotationReminderStatus): empty while no rotation is due.
class RotationReminderText
{
    Q_DECLARE_TR_FUNCTIONS(aerodesk::ui::RotationReminderText)
public:
    static QString reminder(const webhooks::RotationDue &due, const QString &environmentName);
};

} // namespace aerodesk::ui
