#pragma once

#include "core/api/Account.h"
#include "core/connections/Connection.h"

#include <QDateTime>

namespace aerodesk::connections {

/// Copies what GET /v2/accounts/{id} said into a tracked connection: the `account` object as the
/// account summary (sealed by the store), bank name, connectionStatus and connectionExpiry when
/// the answer has them (older API revisions omit the last two: the stored values are kept), and
/// `refreshedAt` as lastRefresh. Identifiers and createdAt are left as they are.
void applyAccount(Connection &connection, const api::Account &account,
                  const QDateTime &refreshedAt);

} // namespace aerodesk::connections
