#include "core/api/LinkWidgetResult.h"

namespace aerodesk::api {

QString widgetOutcomeName(LinkWidgetResult::Outcome outcome)
{
    using O = LinkWidgetResult::Outcome;
    switch (outcome) {
    case O::Linked:
        return QStringLiteral("linked");
    case O::Closed:
        return QStringLiteral("closed");
    case O::WidgetError:
        return QStringLiteral("widget-error");
    case O::Failed:
        return QStringLiteral("failed");
    case O::Refused:
        return QStringLiteral("refused");
    }
    return QStringLiteral("unknown");
}

} // namespace aerodesk::api
