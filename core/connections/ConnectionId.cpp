#include "core/connections/ConnectionId.h"

#include <QRegularExpression>

namespace aerodesk::connections {

Result<QString, InvalidConnectionId> ConnectionId::validate(const QString &text)
{
    const QString id = text.trimmed().toLower();
    if (id.isEmpty())
        return InvalidConnectionId { QStringLiteral("The connectionId is empty.") };
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    if (hex32.match(id).hasMatch() || uuid.match(id).hasMatch())
        return id;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        if (!(c.isDigit() || (c >= u'a' && c <= u'f') || c == u'-'))
            return InvalidConnectionId { QStringLiteral(
                                             "The connectionId has '%1' at character %2; it must "
                                             "be 32 hex digits or a dashed UUID.")
                                             .arg(c)
                                             .arg(i + 1) };
    }
    return InvalidConnectionId { QStringLiteral("The connectionId has %1 characters; it must be 32 "
                                                "hex digits or a dashed UUID (8-4-4-4-12).")
                                     .arg(id.size()) };
}

} // namespace aerodesk::connections
