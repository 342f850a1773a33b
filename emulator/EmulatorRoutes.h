#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QHttpServer;

namespace aerodesk::emulator {

/// Decides whether a request to a guarded route may proceed: std::nullopt lets it through,
/// anything else is the complete response to send instead (403 AC-001, an injected fault ...).
/// The server builds these from its token issuer and fault injector; the route services
/// (WebhookService, EmbeddedBankingService) never parse credentials themselves.
using Authorizer = std::function<std::optional<QHttpServerResponse>(const QHttpServerRequest &)>;

/// What a route handler gets: the Qt request, the path's `<arg>` captures in order, and, for
/// routes declared with Body::Json, the body as a JSON object ({} when the body is empty).
struct EmulatorRequest
{
    const QHttpServerRequest &http;
    QStringList args;
    QJsonObject body;

    const QString &arg(qsizetype i) const { return args.at(i); }
};

/// The one way to declare an emulator route. A group shares a server, the code its bad-JSON
/// reply carries and an optional Authorizer; every route added through it passes, in order:
///  1. the request-size guard (guard(), shared by every route and by the not-found reply):
///     a body over kMaxBodyBytes -> 413 PAYLOAD_TOO_LARGE; more than kMaxHeaderCount headers or
///     over kMaxHeaderBytes of header names and values -> 431 HEADERS_TOO_LARGE;
///  2. the group's Authorizer, if any (its refusal is sent as is);
///  3. for Body::Json routes, the one JSON body parser (EmulatorHttp::jsonObject) -> 400 with
///     the group's code and the parser's sentence;
///  4. the handler.
/// Qt 6.4 reads a whole request before routing it, so the guard bounds what a handler sees and
/// answers the client clearly; the connection stays usable for the next request.
class EmulatorRoutes
{
public:
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;
    static constexpr qsizetype kMaxHeaderCount = 64;
    static constexpr qsizetype kMaxHeaderBytes = 16 * 1024;

    using Method = QHttpServerRequest::Method;
    using Handler = std::function<QHttpServerResponse(const EmulatorRequest &)>;
    enum class Body { Ignored, Json };

    /// `badJsonCode`: what a bad body on these routes is answered with (AC-100, WH-400-JSON,
    /// EB-400-JSON: each API family keeps its own code). `authorize` guards every route added.
    EmulatorRoutes(QHttpServer &server, QString badJsonCode, Authorizer authorize = {});

    /// Declares `method path`. `path` uses Qt's `<arg>` placeholders (at most two), passed to
    /// the handler as EmulatorRequest::args.
    void add(Method method, const QString &path, Body body, Handler handler);

    /// The size guard alone: nullopt when the request is within the limits, else the 413/431.
    static std::optional<QHttpServerResponse> guard(const QHttpServerRequest &request);
    /// Answers every unrouted request (after the size guard) with 404 NOT_FOUND.
    static void setNotFoundHandler(QHttpServer &server);
    /// Every answer of `server` (routed or not) gets an `X-Request-Id` (a fresh random UUID-shaped
    /// id, as Aerosync's gateway gives) and, when the request carried a well-formed
    /// `X-Correlation-Id` (1-64 of [A-Za-z0-9._-]), the same header echoed back (ours).
    static void stampAnswers(QHttpServer &server);
    /// The two headers above on one answer (public for the not-found handler and tests).
    static void stamp(QHttpServerResponse &response, const QHttpServerRequest &request);

private:
    QHttpServer &m_server;
    QString m_badJsonCode;
    Authorizer m_authorize;
};

} // namespace aerodesk::emulator
