#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

namespace aerodesk::api {

/// One HTTP request as ApiClient sends it (JSON bodies; headers besides Content-Type).
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QByteArray body; ///< empty: no body
    QList<QPair<QByteArray, QByteArray>> headers; ///< e.g. Authorization, x-api-key
};

/// A successful (2xx) HTTP answer, already parsed: `json` is the body's object (empty for an
/// empty body, e.g. 204).
struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;
};

} // namespace aerodesk::api
