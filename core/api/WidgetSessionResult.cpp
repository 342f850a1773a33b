#include "core/api/WidgetSessionResult.h"

namespace aerodesk::api {

QString widgetOutcomeName(WidgetSessionResult::Outcome outcome)
{
    using O = WidgetSessionResult::Outcome;
    switch (outcome) {
    case O::Linked: return QStringLiteral("linked");
    case O::Closed: return QStringLiteral("closed");
    case O::WidgetError: return QStringLiteral("widget-error");
    case O::Failed: return QStringLiteral("failed");
    case O::Refused: return QStringLiteral("refused");
    }
    return QStringLiteral("unknown");
}

} // namespace aerodesk::api
