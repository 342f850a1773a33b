// The emulator's one request-size guard and its one JSON body parser, over HTTPS against
// bin/aerodesk-sandbox: every route (and the not-found reply) refuses a body over the documented
// 64 KiB with 413 and too many or too large headers with 431, and keeps serving; a body that is
// not a JSON object gets the same sentence on every route family, with that family's code.
#include "tests/support/EmulatorRig.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using aerodesk::test::EmulatorRig;

namespace {
/// The limits docs/sandbox.md documents (EmulatorRoutes::kMaxBodyBytes, kMaxHeaderCount,
/// kMaxHeaderBytes); the test holds the emulator to the documentation.
constexpr int kMaxBodyBytes = 64 * 1024;
constexpr int kMaxHeaderCount = 64;
constexpr int kMaxHeaderBytes = 16 * 1024;

QString codeOf(const EmulatorRig::Reply &r)
{
    return r.json.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QString messageOf(const EmulatorRig::Reply &r)
{
    return r.json.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("message"))
        .toString();
}

/// A JSON object of exactly `bytes` bytes: {"pad":"xxx…"}.
QByteArray jsonOfSize(int bytes)
{
    const QByteArray head = R"({"pad":")";
    const QByteArray tail = R"("})";
    return head + QByteArray(bytes - head.size() - tail.size(), 'x') + tail;
}
} // namespace

class EmulatorRequestGuard : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(sb.start()) << sb.lastError().toStdString(); }
    int tokenRequests()
    {
        return sb.request("GET", QStringLiteral("/sandbox/info"))
            .json.value(QStringLiteral("tokenRequests"))
            .toInt(-1);
    }
    EmulatorRig::Headers webhookHeaders()
    {
        EmulatorRig::Headers h = sb.bearer();
        h.append({ "x-api-key", sb.endpoint().apiKey.toUtf8() });
        return h;
    }
    EmulatorRig sb;
};

TEST_F(EmulatorRequestGuard, BodyOverTheLimitIsRefusedWith413AndTheNextRequestIsServed)
{
    const QByteArray tooLarge = jsonOfSize(kMaxBodyBytes + 1);
    ASSERT_EQ(tooLarge.size(), kMaxBodyBytes + 1);
    ASSERT_TRUE(QJsonDocument::fromJson(tooLarge).isObject())
        << "refused for its size, not its JSON";

    // The token route counts requests and sees faults only after the guard: nothing counted.
    const int before = tokenRequests();
    const auto refused = sb.requestRaw("POST", QStringLiteral("/v2/token"), tooLarge);
    EXPECT_EQ(refused.status, 413)
        << refused.networkError.toStdString() << refused.body.left(200).toStdString();
    EXPECT_EQ(codeOf(refused), QStringLiteral("PAYLOAD_TOO_LARGE"));
    EXPECT_TRUE(messageOf(refused).contains(QString::number(kMaxBodyBytes)))
        << messageOf(refused).toStdString();
    EXPECT_TRUE(messageOf(refused).contains(QString::number(kMaxBodyBytes + 1)))
        << messageOf(refused).toStdString();
    EXPECT_EQ(tokenRequests(), before) << "the oversized request reached the route";

    // The emulator still serves the next request, on the same client.
    const QJsonObject creds { { QStringLiteral("apiKey"), sb.endpoint().apiKey },
                              { QStringLiteral("apiSecret"), sb.apiSecret() } };
    const auto next = sb.request("POST", QStringLiteral("/v2/token"), creds);
    EXPECT_EQ(next.status, 200) << next.networkError.toStdString();
    EXPECT_FALSE(next.json.value(QStringLiteral("token")).toString().isEmpty());
    EXPECT_EQ(tokenRequests(), before + 1);

    // A body of exactly the limit passes the guard (and is then judged by the route).
    const auto atLimit =
        sb.requestRaw("POST", QStringLiteral("/v2/token"), jsonOfSize(kMaxBodyBytes));
    EXPECT_EQ(atLimit.status, 400) << atLimit.body.left(200).toStdString();
    EXPECT_EQ(codeOf(atLimit), QStringLiteral("AC-100")) << "no credentials in it";
}

TEST_F(EmulatorRequestGuard, EveryRouteFamilyAndTheNotFoundReplyHaveTheGuard)
{
    const QByteArray tooLarge = jsonOfSize(kMaxBodyBytes + 1024);
    struct Case
    {
        QString path;
        EmulatorRig::Headers headers;
    };
    const QList<Case> cases {
        { QStringLiteral("/sandbox/widget/sessions"), {} },
        { QStringLiteral("/sandbox/seed"), {} },
        { QStringLiteral("/v2/accounts/0123456789abcdef0123456789abcdef/refresh"), sb.bearer() },
        { QStringLiteral("/webhooks/subscribe"), webhookHeaders() },
        { QStringLiteral("/sandbox/eb/connect-event"), sb.bearer() },
        { QStringLiteral("/eb/ret/connect/0123456789abcdef0123456789abcdef"), {} },
        { QStringLiteral("/no/such/route"), {} },
    };
    for (const Case &c : cases) {
        const auto r = sb.requestRaw("POST", c.path, tooLarge, c.headers);
        EXPECT_EQ(r.status, 413) << c.path.toStdString() << ": " << r.body.left(200).toStdString();
        EXPECT_EQ(codeOf(r), QStringLiteral("PAYLOAD_TOO_LARGE")) << c.path.toStdString();
    }
    // Nothing was seeded by the refused /sandbox/seed, and the emulator answers as before.
    const auto info = sb.request("GET", QStringLiteral("/sandbox/info"));
    EXPECT_EQ(info.status, 200);
    EXPECT_EQ(info.json.value(QStringLiteral("connections")).toInt(-1), 0);
}

TEST_F(EmulatorRequestGuard, TooManyOrTooLargeHeadersAreRefusedWith431)
{
    EmulatorRig::Headers many;
    for (int i = 0; i < kMaxHeaderCount + 1; ++i)
        many.append({ "x-filler-" + QByteArray::number(i), "1" });
    const auto tooMany = sb.request("GET", QStringLiteral("/sandbox/info"), {}, many);
    EXPECT_EQ(tooMany.status, 431)
        << tooMany.networkError.toStdString() << tooMany.body.toStdString();
    EXPECT_EQ(codeOf(tooMany), QStringLiteral("HEADERS_TOO_LARGE"));

    const EmulatorRig::Headers large { { "x-filler", QByteArray(kMaxHeaderBytes + 1, 'h') } };
    const auto tooLarge = sb.request("GET", QStringLiteral("/sandbox/info"), {}, large);
    EXPECT_EQ(tooLarge.status, 431)
        << tooLarge.networkError.toStdString() << tooLarge.body.toStdString();
    EXPECT_EQ(codeOf(tooLarge), QStringLiteral("HEADERS_TOO_LARGE"));

    const auto next = sb.request("GET", QStringLiteral("/sandbox/info"));
    EXPECT_EQ(next.status, 200) << next.networkError.toStdString();
}

TEST_F(EmulatorRequestGuard, BadJsonGetsTheOneReplyOnEveryRouteFamily)
{
    struct Case
    {
        QString path;
        EmulatorRig::Headers headers;
        QString code; ///< each API family keeps its own code for a bad body
    };
    const QList<Case> cases {
        { QStringLiteral("/v2/token"), {}, QStringLiteral("AC-100") },
        { QStringLiteral("/sandbox/widget/sessions"), {}, QStringLiteral("AC-100") },
        { QStringLiteral("/sandbox/seed"), {}, QStringLiteral("AC-100") },
        { QStringLiteral("/webhooks/subscribe"), webhookHeaders(), QStringLiteral("WH-400-JSON") },
        { QStringLiteral("/sandbox/eb/connect-event"), sb.bearer(), QStringLiteral("EB-400-JSON") },
    };
    // Not JSON at all: the parser's sentence with the error and its byte offset, the same
    // everywhere.
    QString first;
    for (const Case &c : cases) {
        const auto r = sb.requestRaw("POST", c.path, "{\"count\": ", c.headers);
        EXPECT_EQ(r.status, 400) << c.path.toStdString() << ": " << r.body.toStdString();
        EXPECT_EQ(codeOf(r), c.code) << c.path.toStdString();
        const QString message = messageOf(r);
        EXPECT_TRUE(message.startsWith(QStringLiteral("The request body is not valid JSON: ")))
            << c.path.toStdString() << ": " << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral(" at byte "))) << message.toStdString();
        if (first.isEmpty())
            first = message;
        EXPECT_EQ(message, first) << c.path.toStdString();
    }
    // JSON, but not an object.
    for (const Case &c : cases) {
        const auto r = sb.requestRaw("POST", c.path, "[1, 2]", c.headers);
        EXPECT_EQ(r.status, 400) << c.path.toStdString();
        EXPECT_EQ(codeOf(r), c.code) << c.path.toStdString();
        EXPECT_EQ(messageOf(r), QStringLiteral("The request body must be a JSON object."))
            << c.path.toStdString();
    }
    // A bad body changed nothing: no connections seeded, no subscription made.
    EXPECT_EQ(sb.request("GET", QStringLiteral("/sandbox/info"))
                  .json.value(QStringLiteral("connections"))
                  .toInt(-1),
              0);
    const auto list = sb.request("POST", QStringLiteral("/webhooks/list"), {}, webhookHeaders());
    EXPECT_EQ(list.status, 200);
    EXPECT_EQ(list.json.value(QStringLiteral("total_count")).toInt(-1), 0);
}
