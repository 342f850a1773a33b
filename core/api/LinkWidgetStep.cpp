#include "core/api/LinkWidgetStep.h"

#include <QJsonArray>

namespace aerodesk::api {

LinkWidgetStep LinkWidgetStep::fromJson(const QJsonObject &reply)
{
    LinkWidgetStep s;
    s.sessionId = reply.value(QLatin1String("sessionId")).toString();
    s.state = reply.value(QLatin1String("state")).toString();
    s.prompt = reply.value(QLatin1String("prompt")).toString();
    s.error = reply.value(QLatin1String("error")).toString();
    s.brandingConfigurationId = reply.value(QLatin1String("branding"))
                                    .toObject()
                                    .value(QLatin1String("configurationId"))
                                    .toString();
    for (const QJsonValue &b : reply.value(QLatin1String("banks")).toArray())
        s.banks.append(b.toString());
    for (const QJsonValue &e : reply.value(QLatin1String("events")).toArray())
        s.events.append(LinkWidgetEvent::fromJson(e.toObject()));
    return s;
}

} // namespace aerodesk::api
