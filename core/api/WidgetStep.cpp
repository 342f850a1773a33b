#include "core/api/WidgetStep.h"

#include <QJsonArray>

namespace aerodesk::api {

WidgetStep WidgetStep::fromJson(const QJsonObject &reply)
{
    WidgetStep s;
    s.sessionId = reply.value(QLatin1String("sessionId")).toString();
    s.state = reply.value(QLatin1String("state")).toString();
    s.prompt = reply.value(QLatin1String("prompt")).toString();
    s.error = reply.value(QLatin1String("error")).toString();
    for (const QJsonValue &b : reply.value(QLatin1String("banks")).toArray())
        s.banks.append(b.toString());
    for (const QJsonValue &e : reply.value(QLatin1String("events")).toArray())
        s.events.append(WidgetEvent::fromJson(e.toObject()));
    return s;
}

} // namespace aerodesk::api
