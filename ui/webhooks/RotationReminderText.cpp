#include "ui/webhooks/RotationReminderText.h"

namespace aerodesk::ui {

QString RotationReminderText::reminder(const webhooks::RotationDue &due,
                                       const QString &environmentName)
{
    if (!due.isDue())
        return {};
    return tr("%1: the webhook secret is %n day(s) old — its %2-day rotation is due. "
              "Rotate secret patches Aerosync first, then the keychain.",
              nullptr, int(due.ageDays))
        .arg(environmentName)
        .arg(due.periodDays);
}

} // namespace aerodesk::ui
