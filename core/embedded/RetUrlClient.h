#pragma once

#include "core/api/ApiError.h"
#include "core/api/HttpResponse.h"
#include "core/embedded/RetUrlReply.h"
#include "core/util/Result.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace aerodesk::api {
class HttpTransport;
}

namespace aerodesk::embedded {

/// Answers an event's retUrl: POST of a RetUrlReply as JSON, through the environment's
/// HttpTransport (so the built-in sandbox is reached through its pinned certificate and any
/// other host with ordinary TLS verification). No Bearer token: the URL is the capability.
/// Success is the provider's 2xx (204 No Content); anything else is the ApiError with the
/// provider's code and message (EB-403-USERCODE, EB-410-EXPIRED...).
class RetUrlClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<api::HttpResponse, api::ApiError>)>;
    explicit RetUrlClient(api::HttpTransport &transport, QObject *parent = nullptr);
    /// `done` runs later (never inside the call), also for a refused URL.
    void answer(const QUrl &retUrl, const RetUrlReply &reply, Done done);

private:
    api::HttpTransport &m_transport;
};

} // namespace aerodesk::embedded
