#pragma once

#include "core/api/ApiError.h"
#include "core/api/ErrorInfo.h"
#include "core/api/LinkWidgetEvent.h"

#include <QString>

#include <optional>

namespace aerodesk::api {

/// How a widget session ended (LinkWidgetSession::finished).
struct LinkWidgetResult
{
    enum class Outcome {
        Linked, ///< pageSuccess: `success` holds the connection (already dispatched, so persisted
                ///< first)
        Closed, ///< widgetClose: the user left (or denied OAuth)
        WidgetError, ///< widgetError: `error` is the parsed three-part string (AC-110, AC-108,
                     ///< AC-117...)
        Failed, ///< the session could not be driven: token, network, TLS, unknown session
                ///< (`apiError`)
        Refused, ///< refused locally before any request (e.g. a reconnect without a connectionId)
    };

    Outcome outcome = Outcome::Failed;
    LinkWidgetEvent::PageSuccess success;
    ErrorInfo error;
    std::optional<ApiError> apiError;
    QString message; ///< one human sentence for every outcome but Linked

    bool linked() const { return outcome == Outcome::Linked; }
};

/// Stable short name of an outcome ("linked", "closed", ...), for logs, JSON output and tests.
QString widgetOutcomeName(LinkWidgetResult::Outcome outcome);

} // namespace aerodesk::api
