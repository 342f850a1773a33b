#include "core/audit/AuditHead.h"

#include "core/audit/AuditChain.h"

#include <QList>

namespace aerodesk::audit {

QByteArray AuditHead::serialise() const
{
    return QByteArrayLiteral("v1:") + QByteArray::number(seq) + ':' + hash.toHex();
}

std::optional<AuditHead> AuditHead::parse(QByteArrayView text)
{
    const QList<QByteArray> parts = text.toByteArray().split(':');
    if (parts.size() != 3 || parts[0] != "v1")
        return std::nullopt;
    bool ok = false;
    AuditHead head;
    head.seq = parts[1].toLongLong(&ok);
    head.hash = QByteArray::fromHex(parts[2]);
    if (!ok || head.seq < 0 || head.hash.size() != AuditChain::kHashBytes)
        return std::nullopt;
    return head;
}

} // namespace aerodesk::audit
