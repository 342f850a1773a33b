#include "core/connections/IdMask.h"

namespace aerodesk::connections {

QString IdMask::mask(const QString &id)
{
    if (id.isEmpty())
        return {};
    if (id.size() <= 8)
        return QStringLiteral("••••") + id.right(2);
    return id.left(4) + QStringLiteral("…") + id.right(4);
}

} // namespace aerodesk::connections
