// Fuzzes every parser of an Aerosync API answer, as ApiClient uses them: the body goes through
// api::HttpTransport::mapAnswer (status + body -> JSON object or ApiError) and then the typed
// parser. The first byte picks the parser ('a' + n, or any byte modulo the count); the rest is
// the body:
//   a Account      b Balance        c Identity     d JobCreated      e JobStatus
//   f TransactionList               g LinkWidgetEvent::parse (a widget message)
//   h ErrorCatalog (widget "code|message" strings, lookup, job id in a message)
//   i token answer (TokenProvider::readTokenAnswer + refreshDelayMs)
//   j LinkWidgetStep  k WebhookSubscription  l PartnerUser  m listing entry
//   (EmulatorListingImporter) n an error answer: the next two bytes are the HTTP status, then the
//   body

#include "core/api/Account.h"
#include "core/api/Balance.h"
#include "core/api/ErrorCatalog.h"
#include "core/api/HttpTransport.h"
#include "core/api/Identity.h"
#include "core/api/JobCreated.h"
#include "core/api/JobStatus.h"
#include "core/api/LinkWidgetEvent.h"
#include "core/api/LinkWidgetStep.h"
#include "core/api/TokenProvider.h"
#include "core/api/TransactionList.h"
#include "core/connections/EmulatorListingImporter.h"
#include "core/embedded/PartnerUser.h"
#include "core/webhooks/WebhookSubscription.h"
#include "fuzz/FuzzSupport.h"

using namespace aerodesk;

namespace {

const QString kHost = QStringLiteral("api.sandbox.example");

/// The body as ApiClient hands it to a parser: a 2xx answer mapped by the transport.
std::optional<QJsonObject> answer(const QByteArray &body)
{
    api::HttpResponse resp;
    resp.status = 200;
    resp.body = body;
    auto mapped = api::HttpTransport::mapAnswer(kHost, std::move(resp));
    if (!mapped) {
        AERODESK_FUZZ_CHECK(!mapped.error().message.isEmpty());
        return std::nullopt;
    }
    return mapped->json;
}

template<typename T> void parseTyped(const QByteArray &body)
{
    const auto json = answer(body);
    if (!json)
        return;
    const auto parsed = T::fromJson(*json);
    if (!parsed)
        AERODESK_FUZZ_CHECK(!parsed.error().message.isEmpty());
}

void errorCatalog(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    const api::ErrorInfo fromWidget = api::ErrorCatalog::parseWidgetError(text);
    (void)fromWidget.title;
    const qsizetype bar = text.indexOf(QLatin1Char('|'));
    (void)api::ErrorCatalog::lookup(text.left(bar), bar < 0 ? QString() : text.mid(bar + 1));
    (void)api::ErrorCatalog::extractJobId(text);
}

void tokenAnswer(const QByteArray &body)
{
    const auto json = answer(body);
    if (!json)
        return;
    const auto token = api::TokenProvider::readTokenAnswer(*json);
    if (!token)
        return;
    AERODESK_FUZZ_CHECK(token->bytes && token->bytes->size() > 0);
    const qint64 delay = api::TokenProvider::refreshDelayMs(token->ttlSeconds);
    AERODESK_FUZZ_CHECK(delay >= 0);
}

void errorAnswer(const QByteArray &rest)
{
    if (rest.size() < 2)
        return;
    api::HttpResponse resp;
    resp.status = 100 + (quint8(rest[0]) << 8 | quint8(rest[1])) % 500;
    resp.body = rest.mid(2);
    const auto mapped = api::HttpTransport::mapAnswer(kHost, std::move(resp));
    if (!mapped) {
        AERODESK_FUZZ_CHECK(!mapped.error().message.isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    constexpr int kParsers = 14;
    const int selector =
        data[0] >= 'a' && data[0] < 'a' + kParsers ? data[0] - 'a' : data[0] % kParsers;
    const QByteArray body = fuzz::bytes(data + 1, size - 1);
    switch (selector) {
    case 0:
        parseTyped<api::Account>(body);
        break;
    case 1:
        parseTyped<api::Balance>(body);
        break;
    case 2:
        parseTyped<api::Identity>(body);
        break;
    case 3:
        parseTyped<api::JobCreated>(body);
        break;
    case 4:
        parseTyped<api::JobStatus>(body);
        break;
    case 5:
        parseTyped<api::TransactionList>(body);
        break;
    case 6:
        (void)api::LinkWidgetEvent::parse(body);
        break;
    case 7:
        errorCatalog(body);
        break;
    case 8:
        tokenAnswer(body);
        break;
    case 9:
        if (const auto json = answer(body))
            (void)api::LinkWidgetStep::fromJson(*json);
        break;
    case 10:
        parseTyped<webhooks::WebhookSubscription>(body);
        break;
    case 11:
        if (const auto json = answer(body))
            (void)embedded::PartnerUser::fromJson(*json);
        break;
    case 12:
        if (const auto json = answer(body))
            (void)connections::EmulatorListingImporter::fromListing(*json);
        break;
    default:
        errorAnswer(body);
        break;
    }
    return 0;
}
