#include "core/timeline/TimelineEntry.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace aerodesk::timeline {

namespace {
QString fieldText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}
} // namespace

QString TimelineEntry::toText() const
{
    QStringList lines;
    lines.append(QCoreApplication::translate("Timeline", "%1 · %2 · %3")
                     .arg(at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'")),
                          timelineKindLabel(kind), summary));
    lines.append(QCoreApplication::translate("Timeline", "correlation id: %1")
                     .arg(correlationId.isEmpty()
                              ? QCoreApplication::translate("Timeline", "(none)")
                              : correlationId));
    for (auto it = fields.begin(); it != fields.end(); ++it)
        lines.append(QStringLiteral("%1: %2").arg(it.key(), fieldText(it.value())));
    return lines.join(QLatin1Char('\n'));
}

QJsonObject TimelineEntry::sealedPart() const
{
    return QJsonObject { { QStringLiteral("correlationId"), correlationId },
                         { QStringLiteral("summary"), summary },
                         { QStringLiteral("fields"), fields } };
}

TimelineEntry TimelineEntry::fromStored(const QDateTime &at, TimelineKind kind,
                                        const QJsonObject &sealedPart)
{
    TimelineEntry e;
    e.at = at;
    e.kind = kind;
    e.correlationId = sealedPart.value(QStringLiteral("correlationId")).toString();
    e.summary = sealedPart.value(QStringLiteral("summary")).toString();
    e.fields = sealedPart.value(QStringLiteral("fields")).toObject();
    return e;
}

void TimelineEntry::sortByTime(QList<TimelineEntry> &entries)
{
    std::stable_sort(entries.begin(), entries.end(),
                     [](const TimelineEntry &a, const TimelineEntry &b) { return a.at < b.at; });
}

} // namespace aerodesk::timeline
