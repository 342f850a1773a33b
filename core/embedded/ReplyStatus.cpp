#include "core/embedded/ReplyStatus.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace aerodesk::embedded {

QList<ReplyStatus> ReplyStatus::standard()
{
    return {
        { QString::fromLatin1(kUserNotAuthenticated), tr("User not authenticated"),
          tr("The partner could not authenticate or authorise the current user.") },
        { QString::fromLatin1(kSessionExpired), tr("User session expired"),
          tr("The user's session with the partner application has expired.") },
        { QString::fromLatin1(kDataStoreUnavailable), tr("Data store unavailable"),
          tr("The partner's data store (here: the keychain) could not be reached to store or "
             "read the user's userCode.") },
    };
}

std::optional<ReplyStatus> ReplyStatus::find(const QString &value)
{
    for (const ReplyStatus &s : standard()) {
        if (s.value == value)
            return s;
    }
    return std::nullopt;
}

std::optional<QString> ReplyStatus::checkCustom(const QString &value)
{
    if (value.trimmed().isEmpty())
        return tr("Choose or type a status to send.");
    if (value == QLatin1String(kOk))
        return tr("OK is not an error status: it can only be sent when the reply was built.");
    if (value.size() > 64)
        return tr("A status is at most 64 characters.");
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (!allowed.match(value).hasMatch())
        return tr("A status uses only letters, digits, '_', '.' and '-' (for example "
                  "PARTNER_MAINTENANCE).");
    return std::nullopt;
}

} // namespace aerodesk::embedded
