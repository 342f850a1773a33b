#pragma once

#include <QString>

namespace aerodesk::connections {

/// How identifiers (connectionId, aeroPassUserUuid, account numbers) are shown: the first and
/// last four characters around an ellipsis ("3f0c…4e5f"); 8 characters or fewer show only the
/// last two ("••••7f"). Enough to tell rows apart and to read one aloud to a colleague, not
/// enough to use.
class IdMask
{
public:
    static QString mask(const QString &id);
    /// A URL path for a log line: every segment that is not a plain lowercase word ("v2",
    /// "accounts", "token_widget"...) is masked, so connection ids, job ids and retUrl tokens in
    /// paths never reach the log ("/v2/accounts/3f0c…4e5f/balance"). A query is dropped.
    static QString maskPath(const QString &path);
};

} // namespace aerodesk::connections
