#pragma once

#include "core/api/ApiError.h"
#include "core/api/HttpResponse.h"
#include "core/embedded/RetUrlAllowList.h"
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
///
/// A retUrl that is not absolute https (http only on loopback) or not on the environment's
/// allow-list is refused before any connection is made: the error has code kRefusedCode and
/// httpStatus 0.
class RetUrlClient : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kRefusedCode = "retUrl-refused";
    using Done = std::function<void(Result<api::HttpResponse, api::ApiError>)>;
    RetUrlClient(api::HttpTransport &transport, RetUrlAllowList allowList,
                 QObject *parent = nullptr);
    /// `done` runs later (never inside the call), also for a refused URL.
    void answer(const QUrl &retUrl, const RetUrlReply &reply, Done done);
    /// Why `retUrl` would be refused, or nullopt.
    std::optional<QString> refusal(const QUrl &retUrl) const;
    const RetUrlAllowList &allowList() const { return m_allowList; }

private:
    api::HttpTransport &m_transport;
    RetUrlAllowList m_allowList;
};

} // namespace aerodesk::embedded
