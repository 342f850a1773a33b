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
};

} // namespace aerodesk::connections
