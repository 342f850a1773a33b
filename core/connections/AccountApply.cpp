#include "core/connections/AccountApply.h"

namespace aerodesk::connections {

void applyAccount(Connection &connection, const api::Account &account, const QDateTime &refreshedAt)
{
    connection.accountSummary = account.raw;
    if (!account.bankName.isEmpty())
        connection.bankName = account.bankName;
    else if (!account.institutionName.isEmpty() && connection.bankName.isEmpty())
        connection.bankName = account.institutionName;
    if (!account.connectionStatus.isEmpty())
        connection.status = account.connectionStatus;
    if (account.connectionExpiry.isValid())
        connection.connectionExpiry = account.connectionExpiry.toUTC();
    connection.lastRefresh = refreshedAt.toUTC();
}

} // namespace aerodesk::connections
