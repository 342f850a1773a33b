#include "core/timeline/CorrelationId.h"

#include "core/crypto/Random.h"

#include <QRegularExpression>

namespace aerodesk::timeline {

QString CorrelationId::mint()
{
    return QString::fromLatin1(crypto::Random::hex(kBytes));
}

bool CorrelationId::isWellFormed(QStringView id)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    return hex.match(id.toString()).hasMatch();
}

QString CorrelationId::brief(const QString &id)
{
    return id.size() > 8 ? id.left(8) + QStringLiteral("…") : id;
}

} // namespace aerodesk::timeline
