#include "core/embedded/EventOutcome.h"

#include <QStringList>

namespace aerodesk::embedded {

QString EventOutcome::resultName(Result result)
{
    switch (result) {
    case Result::Answered:
        return QStringLiteral("answered");
    case Result::ProviderRefused:
        return QStringLiteral("refused");
    case Result::NotSent:
        return QStringLiteral("not-sent");
    case Result::NeedsConfirmation:
        return QStringLiteral("confirm");
    }
    return QStringLiteral("not-sent");
}

QString EventOutcome::summary() const
{
    QStringList parts { action, user };
    if (action != QLatin1String("logout")) // a logout posts no status
        parts << (statusSent.isEmpty() ? QStringLiteral("nothing sent")
                                       : QStringLiteral("sent %1").arg(statusSent));
    if (httpStatus)
        parts << QStringLiteral("%1 %2").arg(httpStatus).arg(code).trimmed();
    else if (!code.isEmpty())
        parts << code;
    if (codeStored)
        parts << QStringLiteral("code stored");
    if (codeRemoved)
        parts << QStringLiteral("code removed");
    return parts.join(QStringLiteral(" · "));
}

} // namespace aerodesk::embedded
