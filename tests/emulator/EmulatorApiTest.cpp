// The data API's documented shapes and error paths, over HTTPS against bin/aerodesk-sandbox.
#include "tests/support/EmulatorRig.h"
#include "tests/support/Wait.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <gtest/gtest.h>

using aerodesk::test::EmulatorRig;

class SandboxApi : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(sb.start()) << sb.lastError().toStdString(); }
    QJsonObject creds() const
    {
        return { { QStringLiteral("apiKey"), sb.endpoint().apiKey },
                 { QStringLiteral("apiSecret"), sb.apiSecret() } };
    }
    static QString code(const EmulatorRig::Reply &r)
    {
        return r.json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
    EmulatorRig sb;
};

TEST_F(SandboxApi, TokenHasStringTtlAndAThreePartJwt)
{
    const auto r = sb.request("POST", QStringLiteral("/v2/token"), creds());
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.json.value(QStringLiteral("TTL")).isString()) << "TTL is a string in the API";
    EXPECT_EQ(r.json.value(QStringLiteral("TTL")).toString(), QStringLiteral("1800"));
    EXPECT_EQ(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    EXPECT_EQ(r.json.value(QStringLiteral("token")).toString().count(QLatin1Char('.')), 2);
}

TEST_F(SandboxApi, TokenErrors)
{
    EXPECT_EQ(code(sb.request("POST", QStringLiteral("/v2/token"),
                              { { QStringLiteral("apiKey"), QStringLiteral("x") } })),
              QStringLiteral("AC-100"));
    const auto bad = sb.request("POST", QStringLiteral("/v2/token"),
                                { { QStringLiteral("apiKey"), QStringLiteral("x") },
                                  { QStringLiteral("apiSecret"), QStringLiteral("y") } });
    EXPECT_EQ(bad.status, 401);
    EXPECT_EQ(code(bad), QStringLiteral("AC-101"));
    const auto notJson = sb.requestRaw("POST", QStringLiteral("/v2/token"), "{oops");
    EXPECT_EQ(notJson.status, 400);
    EXPECT_EQ(code(notJson), QStringLiteral("AC-100"));
}

TEST_F(SandboxApi, BearerIsRequiredAndChecked)
{
    const QString id = sb.linkConnection();
    ASSERT_FALSE(id.isEmpty()) << sb.lastError().toStdString();
    const QString path = QStringLiteral("/v2/accounts/") + id;
    const auto none = sb.request("GET", path);
    EXPECT_EQ(none.status, 403);
    EXPECT_EQ(code(none), QStringLiteral("AC-001"));
    const auto garbage = sb.request("GET", path, {}, { { "Authorization", "Bearer a.b.c" } });
    EXPECT_EQ(garbage.status, 403);
    EXPECT_EQ(code(garbage), QStringLiteral("AC-001"));
    EXPECT_EQ(sb.request("GET", path, {}, sb.bearer()).status, 200);
    // The fault control makes every issued token expire at once (a token that dies mid-job).
    sb.request("POST", QStringLiteral("/sandbox/faults/expire-tokens"));
    const auto expired = sb.request("GET", path, {}, sb.bearer());
    EXPECT_EQ(expired.status, 403);
    EXPECT_TRUE(expired.json.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("expired")));
}

TEST_F(SandboxApi, ShortTokenTtlExpires)
{
    EmulatorRig shortLived;
    ASSERT_TRUE(shortLived.start({ QStringLiteral("--token-ttl"), QStringLiteral("1"),
                                   QStringLiteral("--time-scale"), QStringLiteral("0.05") }));
    const QString id = shortLived.linkConnection();
    const auto headers = shortLived.bearer();
    EXPECT_EQ(shortLived.request("GET", QStringLiteral("/v2/accounts/") + id, {}, headers).status,
              200);
    ASSERT_TRUE(aerodesk::test::waitUntil(
        [&] {
            return shortLived.request("GET", QStringLiteral("/v2/accounts/") + id, {}, headers)
                       .status == 403;
        },
        5000));
}

TEST_F(SandboxApi, AccountHasTheDocumentedFieldsAndTypes)
{
    const QString id = sb.linkConnection(QStringLiteral("oauth"));
    ASSERT_EQ(id.size(), 32);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(id).hasMatch());
    const auto r = sb.request("GET", QStringLiteral("/v2/accounts/") + id, {}, sb.bearer());
    ASSERT_EQ(r.status, 200);
    const QJsonObject a = r.json.value(QStringLiteral("account")).toObject();
    for (const char *field :
         { "accountNickname", "accountNumber", "routingNumber", "accountNumberDisplay",
           "accountNumberType", "accountType", "bankName", "institutionName", "institutionUuid",
           "connectionStatus", "connectionExpiry" })
        EXPECT_TRUE(a.value(QLatin1String(field)).isString()) << field;
    EXPECT_TRUE(a.value(QStringLiteral("canFetchBalance")).isBool());
    EXPECT_TRUE(a.value(QStringLiteral("connectionMethod")).isDouble());
    EXPECT_EQ(a.value(QStringLiteral("connectionMethod")).toInt(), 6) << "OAuth is tokenized";
    EXPECT_EQ(a.value(QStringLiteral("accountNumberType")).toString(), QStringLiteral("Tokenized"));
    EXPECT_EQ(a.value(QStringLiteral("connectionStatus")).toString(), QStringLiteral("CONNECTED"));
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"))
                    .match(a.value(QStringLiteral("connectionExpiry")).toString())
                    .hasMatch());
    const QDateTime expiry =
        QDateTime::fromString(a.value(QStringLiteral("connectionExpiry")).toString(), Qt::ISODate);
    EXPECT_NEAR(QDateTime::currentDateTimeUtc().daysTo(expiry), 90, 1)
        << "OAuth links last 90 days";
}

TEST_F(SandboxApi, ExpiryControlLeadsToExpiredAndAc104)
{
    const QString id = sb.linkConnection(QStringLiteral("mfa"));
    const auto set =
        sb.request("POST", QStringLiteral("/sandbox/connections/%1/expiry").arg(id),
                   { { QStringLiteral("connectionExpiry"),
                       QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate) } });
    ASSERT_EQ(set.status, 200);
    const auto a = sb.request("GET", QStringLiteral("/v2/accounts/") + id, {}, sb.bearer());
    EXPECT_EQ(a.json.value(QStringLiteral("account"))
                  .toObject()
                  .value(QStringLiteral("connectionStatus"))
                  .toString(),
              QStringLiteral("EXPIRED"));
    const auto job =
        sb.request("POST", QStringLiteral("/v2/accounts/%1/refresh").arg(id), {}, sb.bearer());
    EXPECT_EQ(job.status, 400);
    EXPECT_EQ(code(job), QStringLiteral("AC-104"));
    const auto bad =
        sb.request("POST", QStringLiteral("/sandbox/connections/%1/expiry").arg(id),
                   { { QStringLiteral("connectionExpiry"), QStringLiteral("next tuesday") } });
    EXPECT_EQ(bad.status, 400);
}

TEST_F(SandboxApi, DeleteThenAc102)
{
    const QString id = sb.linkConnection();
    EXPECT_EQ(sb.request("DELETE", QStringLiteral("/v2/accounts/") + id, {}, sb.bearer()).status,
              200);
    const auto gone = sb.request("GET", QStringLiteral("/v2/accounts/") + id, {}, sb.bearer());
    EXPECT_EQ(gone.status, 404);
    EXPECT_EQ(code(gone), QStringLiteral("AC-102"));
}

TEST_F(SandboxApi, SeedAHundredThousandAndPageThroughTheListing)
{
    const auto seeded = sb.request("POST", QStringLiteral("/sandbox/seed"),
                                   { { QStringLiteral("count"), 100000 } }, {}, 60000);
    ASSERT_EQ(seeded.status, 200);
    EXPECT_EQ(seeded.json.value(QStringLiteral("total")).toInt(), 100000);
    const auto page = sb.request(
        "GET", QStringLiteral("/sandbox/connections?offset=99998&limit=10"), {}, sb.bearer());
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.json.value(QStringLiteral("total")).toInt(), 100000);
    EXPECT_EQ(page.json.value(QStringLiteral("connections")).toArray().size(), 2);
    // A spread of expiries: some already expired in the first thousand.
    const auto first = sb.request("GET", QStringLiteral("/sandbox/connections?offset=0&limit=1000"),
                                  {}, sb.bearer());
    int expired = 0;
    for (const QJsonValue &c : first.json.value(QStringLiteral("connections")).toArray())
        expired += c.toObject().value(QStringLiteral("connectionStatus")).toString() ==
            QLatin1String("EXPIRED");
    EXPECT_GT(expired, 10);
    EXPECT_LT(expired, 200);
    EXPECT_EQ(
        sb.request("POST", QStringLiteral("/sandbox/seed"), { { QStringLiteral("count"), 100001 } })
            .status,
        400);
}

TEST_F(SandboxApi, UnknownRoutesAnswerJson404)
{
    const auto r = sb.request("GET", QStringLiteral("/v3/nothing"));
    EXPECT_EQ(r.status, 404);
    EXPECT_FALSE(r.json.value(QStringLiteral("error")).toObject().isEmpty());
}
