#include "emulator/EmulatorRoutes.h"

#include "core/crypto/Random.h"
#include "emulator/EmulatorHttp.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QRegularExpression>

#include <memory>

namespace aerodesk::emulator {

namespace {
using Status = QHttpServerResponse::StatusCode;
}

EmulatorRoutes::EmulatorRoutes(QHttpServer &server, QString badJsonCode, Authorizer authorize)
    : m_server(server)
    , m_badJsonCode(std::move(badJsonCode))
    , m_authorize(std::move(authorize))
{
}

std::optional<QHttpServerResponse> EmulatorRoutes::guard(const QHttpServerRequest &request)
{
    const qsizetype bodyBytes = request.body().size();
    if (bodyBytes > kMaxBodyBytes)
        return EmulatorHttp::error(Status::PayloadTooLarge, QStringLiteral("PAYLOAD_TOO_LARGE"),
                                   QStringLiteral("The request body is %1 bytes; the sandbox "
                                                  "accepts at most %2 bytes.")
                                       .arg(bodyBytes)
                                       .arg(kMaxBodyBytes));
    const auto headers = request.headers();
    qsizetype headerBytes = 0;
    for (const auto &[name, value] : headers)
        headerBytes += name.size() + value.size();
    if (headers.size() > kMaxHeaderCount || headerBytes > kMaxHeaderBytes)
        return EmulatorHttp::error(Status::RequestHeaderFieldsTooLarge,
                                   QStringLiteral("HEADERS_TOO_LARGE"),
                                   QStringLiteral("The request has %1 headers (%2 bytes); the "
                                                  "sandbox accepts at most %3 headers and %4 "
                                                  "bytes of them.")
                                       .arg(headers.size())
                                       .arg(headerBytes)
                                       .arg(kMaxHeaderCount)
                                       .arg(kMaxHeaderBytes));
    return std::nullopt;
}

void EmulatorRoutes::add(Method method, const QString &path, Body body, Handler handler)
{
    // One pipeline for every route: size guard, authorizer, JSON body, handler.
    auto run = std::make_shared<
        std::function<QHttpServerResponse(QStringList, const QHttpServerRequest &)>>(
        [code = m_badJsonCode, authorize = m_authorize, body, handler = std::move(handler)](
            QStringList args, const QHttpServerRequest &http) -> QHttpServerResponse {
            if (auto refusal = guard(http))
                return std::move(*refusal);
            if (authorize) {
                if (auto refusal = authorize(http))
                    return std::move(*refusal);
            }
            EmulatorRequest request { http, std::move(args), {} };
            if (body == Body::Json) {
                auto parsed = EmulatorHttp::jsonObject(http.body());
                if (!parsed)
                    return EmulatorHttp::badJson(code, parsed.error());
                request.body = std::move(parsed).value();
            }
            return handler(request);
        });
    // QHttpServer wants a handler whose arity matches the path's placeholders.
    switch (path.count(QLatin1String("<arg>"))) {
    case 0:
        m_server.route(path, method, [run](const QHttpServerRequest &r) { return (*run)({}, r); });
        break;
    case 1:
        m_server.route(path, method, [run](const QString &a, const QHttpServerRequest &r) {
            return (*run)({ a }, r);
        });
        break;
    case 2:
        m_server.route(path, method,
                       [run](const QString &a, const QString &b, const QHttpServerRequest &r) {
                           return (*run)({ a, b }, r);
                       });
        break;
    default:
        qFatal("EmulatorRoutes: %s has more than two <arg> placeholders", qPrintable(path));
    }
}

void EmulatorRoutes::setNotFoundHandler(QHttpServer &server)
{
    server.setMissingHandler(
        [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            if (auto refusal = guard(request)) {
                stamp(*refusal, request);
                return refusal->write(std::move(responder));
            }
            QHttpServerResponse missing = EmulatorHttp::error(
                Status::NotFound, QStringLiteral("NOT_FOUND"),
                QStringLiteral("No sandbox route for %1").arg(request.url().path()));
            stamp(missing, request);
            missing.write(std::move(responder));
        });
}

void EmulatorRoutes::stamp(QHttpServerResponse &response, const QHttpServerRequest &request)
{
    const QByteArray hex = crypto::Random::hex(16);
    response.setHeader(QByteArrayLiteral("X-Request-Id"),
                       hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' +
                           hex.mid(16, 4) + '-' + hex.mid(20));
    static const QRegularExpression wellFormed(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    QByteArray correlation;
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("X-Correlation-Id", Qt::CaseInsensitive) == 0)
            correlation = value.trimmed();
    }
    if (!correlation.isEmpty() && wellFormed.match(QString::fromLatin1(correlation)).hasMatch())
        response.setHeader(QByteArrayLiteral("X-Correlation-Id"), correlation);
}

void EmulatorRoutes::stampAnswers(QHttpServer &server)
{
    server.afterRequest([](QHttpServerResponse &&response, const QHttpServerRequest &request) {
        stamp(response, request);
        return std::move(response);
    });
}

} // namespace aerodesk::emulator
