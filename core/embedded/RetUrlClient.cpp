#include "core/embedded/RetUrlClient.h"

#include "core/api/HttpTransport.h"
#include "core/embedded/EventPayload.h"
#include "core/util/LogCategories.h"

#include <QTimer>

namespace aerodesk::embedded {

RetUrlClient::RetUrlClient(api::HttpTransport &transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
}

void RetUrlClient::answer(const QUrl &retUrl, const RetUrlReply &reply, Done done)
{
    if (auto problem = EventPayload::checkRetUrl(retUrl)) {
        qCWarning(aerodesk::log::embedded).noquote() << "retUrl refused:" << problem->message;
        QTimer::singleShot(0, this, [done = std::move(done), message = problem->message] {
            done(api::ApiError::make(api::ApiError::Kind::Http, message));
        });
        return;
    }
    api::HttpRequest request;
    request.method = "POST";
    request.url = retUrl;
    request.body = reply.toJson();
    qCDebug(aerodesk::log::embedded).noquote() << "answering a retUrl on" << retUrl.host();
    m_transport.send(request, std::move(done));
}

} // namespace aerodesk::embedded
