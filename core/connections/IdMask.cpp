#include "core/connections/IdMask.h"

#include <QRegularExpression>
#include <QStringList>

namespace aerodesk::connections {

QString IdMask::mask(const QString &id)
{
    if (id.isEmpty())
        return {};
    if (id.size() <= 8)
        return QStringLiteral("••••") + id.right(2);
    return id.left(4) + QStringLiteral("…") + id.right(4);
}

QString IdMask::maskPath(const QString &path)
{
    static const QRegularExpression word(QStringLiteral("^(v[0-9]+|[a-z][a-z_-]{0,23})$"));
    QStringList segments = path.section(QLatin1Char('?'), 0, 0).split(QLatin1Char('/'));
    for (QString &s : segments) {
        if (!s.isEmpty() && !word.match(s).hasMatch())
            s = mask(s);
    }
    return segments.join(QLatin1Char('/'));
}

} // namespace aerodesk::connections
