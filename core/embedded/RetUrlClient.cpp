#include "core/embedded/RetUrlClient.h"

#include "core/api/HttpTransport.h"
#include "core/embedded/EventPayload.h"
#include "core/util/LogCategories.h"

#include <QTimer>

namespace aerodesk::embedded {

RetUrlClient::RetUrlClient(api::HttpTransport &transport, RetUrlAllowList allowList,
                           QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_allowList(std::move(allowList))
{
}

std::optional<QString> RetUrlClient::refusal(const QUrl &retUrl) const
{
    if (auto problem = EventPayload::checkRetUrl(retUrl))
        return problem->message;
    return m_allowList.refusal(retUrl);
}

void RetUrlClient::answer(const QUrl &retUrl, const RetUrlReply &reply, Done done)
{
    if (auto problem = refusal(retUrl)) {
        qCWarning(aerodesk::log::embedded).noquote() << "retUrl refused:" << *problem;
        QTimer::singleShot(0, this, [done = std::move(done), message = *problem] {
            api::ApiError e = api::ApiError::make(api::ApiError::Kind::Http, message);
            e.code = QString::fromLatin1(kRefusedCode);
            done(e);
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
