// The widget stand-in: the three test banks, their magic values and the documented events.
#include "tests/support/EmulatorRig.h"
#include "tests/support/Wait.h"

#include <QJsonArray>
#include <QTest>

#include <gtest/gtest.h>

using aerodesk::test::EmulatorRig;

class SandboxWidget : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(sb.start()) << sb.lastError().toStdString(); }
    QString widgetToken()
    {
        return sb
            .request("POST", QStringLiteral("/v2/token_widget"),
                     { { QStringLiteral("apiKey"), sb.endpoint().apiKey },
                       { QStringLiteral("apiSecret"), sb.apiSecret() } })
            .json.value(QStringLiteral("token"))
            .toString();
    }
    QJsonObject launch(QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("token"), widgetToken());
        const auto r = sb.request("POST", QStringLiteral("/sandbox/widget/sessions"), extra);
        m_sid = r.json.value(QStringLiteral("sessionId")).toString();
        return r.json;
    }
    QJsonObject step(const QString &name, const QJsonObject &body)
    {
        return sb
            .request("POST", QStringLiteral("/sandbox/widget/sessions/%1/%2").arg(m_sid, name),
                     body)
            .json;
    }
    static QJsonObject lastEvent(const QJsonObject &reply)
    {
        const QJsonArray events = reply.value(QStringLiteral("events")).toArray();
        return events.isEmpty() ? QJsonObject {} : events.last().toObject();
    }
    EmulatorRig sb;
    QString m_sid;
};

TEST_F(SandboxWidget, MfaBankLinksWithAnyCode)
{
    const QJsonObject start = launch();
    EXPECT_EQ(start.value(QStringLiteral("state")).toString(), QStringLiteral("bank"));
    EXPECT_EQ(start.value(QStringLiteral("banks")).toArray().size(), 3);
    step(QStringLiteral("bank"),
         { { QStringLiteral("bank"), QStringLiteral("Aerosync Bank (MFA)") } });
    EXPECT_EQ(step(QStringLiteral("credentials"),
                   { { QStringLiteral("username"), QStringLiteral("u") },
                     { QStringLiteral("password"), QStringLiteral("p") } })
                  .value(QStringLiteral("state"))
                  .toString(),
              QStringLiteral("mfa"));
    const QJsonObject ev = lastEvent(
        step(QStringLiteral("mfa"), { { QStringLiteral("code"), QStringLiteral("7777") } }));
    EXPECT_EQ(ev.value(QStringLiteral("type")).toString(), QStringLiteral("pageSuccess"));
    const QJsonObject payload = ev.value(QStringLiteral("payload")).toObject();
    EXPECT_EQ(payload.value(QStringLiteral("connectionId")).toString().size(), 32);
    EXPECT_FALSE(payload.value(QStringLiteral("clientName")).toString().isEmpty());
    EXPECT_EQ(payload.value(QStringLiteral("aeroPassUserUuid")).toString().size(), 36);
}

TEST_F(SandboxWidget, MfaMagicCodes)
{
    const struct
    {
        const char *code;
        const char *expect;
    } cases[] = { { "0001", "Code: AC-110" },
                  { "0002", "Code: AC-108" },
                  { "0004", "Code: AR-500" } };
    for (const auto &c : cases) {
        launch();
        step(QStringLiteral("bank"), { { QStringLiteral("bank"), QStringLiteral("mfa") } });
        step(QStringLiteral("credentials"),
             { { QStringLiteral("username"), QStringLiteral("u") },
               { QStringLiteral("password"), QStringLiteral("p") } });
        const QJsonObject ev = lastEvent(
            step(QStringLiteral("mfa"), { { QStringLiteral("code"), QLatin1String(c.code) } }));
        EXPECT_EQ(ev.value(QStringLiteral("type")).toString(), QStringLiteral("widgetError"))
            << c.code;
        const QString text = ev.value(QStringLiteral("payload")).toString();
        EXPECT_TRUE(text.contains(QLatin1String(c.expect))) << text.toStdString();
        EXPECT_EQ(text.split(QStringLiteral(" | ")).size(), 3)
            << "three-part pipe format: " << text.toStdString();
    }
}

TEST_F(SandboxWidget, BadCredentialsAreAc117)
{
    launch();
    step(QStringLiteral("bank"), { { QStringLiteral("bank"), QStringLiteral("oauth") } });
    const QJsonObject ev =
        lastEvent(step(QStringLiteral("credentials"),
                       { { QStringLiteral("username"), QStringLiteral("badcreds") },
                         { QStringLiteral("password"), QStringLiteral("x") } }));
    EXPECT_TRUE(
        ev.value(QStringLiteral("payload"))
            .toString()
            .startsWith(QStringLiteral("INCORRECT_CREDENTIALS | Code: AC-117 | Message: ")));
}

TEST_F(SandboxWidget, OAuthDenyClosesTheWidget)
{
    launch();
    step(QStringLiteral("bank"), { { QStringLiteral("bank"), QStringLiteral("oauth") } });
    step(QStringLiteral("credentials"),
         { { QStringLiteral("username"), QStringLiteral("u") },
           { QStringLiteral("password"), QStringLiteral("p") } });
    EXPECT_EQ(lastEvent(step(QStringLiteral("oauth"), { { QStringLiteral("approve"), false } }))
                  .value(QStringLiteral("type"))
                  .toString(),
              QStringLiteral("widgetClose"));
}

TEST_F(SandboxWidget, SecurityQuestionReasksThenLocksOnTheThirdWrongAnswer)
{
    launch();
    step(QStringLiteral("bank"),
         { { QStringLiteral("bank"), QStringLiteral("security-question") } });
    EXPECT_EQ(step(QStringLiteral("credentials"),
                   { { QStringLiteral("username"), QStringLiteral("mxuser") },
                     { QStringLiteral("password"), QStringLiteral("challenge") } })
                  .value(QStringLiteral("state"))
                  .toString(),
              QStringLiteral("question"));
    EXPECT_EQ(
        step(QStringLiteral("answer"), { { QStringLiteral("answer"), QStringLiteral("rex") } })
            .value(QStringLiteral("state"))
            .toString(),
        QStringLiteral("question"));
    step(QStringLiteral("answer"), { { QStringLiteral("answer"), QStringLiteral("fido") } });
    const QJsonObject ev = lastEvent(
        step(QStringLiteral("answer"), { { QStringLiteral("answer"), QStringLiteral("spot") } }));
    EXPECT_TRUE(ev.value(QStringLiteral("payload")).toString().contains(QStringLiteral("AC-108")));

    launch();
    step(QStringLiteral("bank"),
         { { QStringLiteral("bank"), QStringLiteral("security-question") } });
    step(QStringLiteral("credentials"),
         { { QStringLiteral("username"), QStringLiteral("mxuser") },
           { QStringLiteral("password"), QStringLiteral("challenge") } });
    EXPECT_EQ(lastEvent(step(QStringLiteral("answer"),
                             { { QStringLiteral("answer"), QStringLiteral("correct") } }))
                  .value(QStringLiteral("type"))
                  .toString(),
              QStringLiteral("pageSuccess"));
}

TEST_F(SandboxWidget, AWidgetTokenLaunchesOnce)
{
    const QString token = widgetToken();
    EXPECT_EQ(sb.request("POST", QStringLiteral("/sandbox/widget/sessions"),
                         { { QStringLiteral("token"), token } })
                  .json.value(QStringLiteral("state"))
                  .toString(),
              QStringLiteral("bank"));
    const auto again = sb.request("POST", QStringLiteral("/sandbox/widget/sessions"),
                                  { { QStringLiteral("token"), token } });
    EXPECT_TRUE(lastEvent(again.json)
                    .value(QStringLiteral("payload"))
                    .toString()
                    .startsWith(QStringLiteral("INVALID_TOKEN | Code: AC-001")));
    // An API token is not a widget token.
    const auto api = sb.request("POST", QStringLiteral("/sandbox/widget/sessions"),
                                { { QStringLiteral("token"), sb.token() } });
    EXPECT_TRUE(lastEvent(api.json)
                    .value(QStringLiteral("payload"))
                    .toString()
                    .contains(QStringLiteral("AC-001")));
}

TEST_F(SandboxWidget, UnknownAeroPassUserIsAc102)
{
    const auto r = sb.request("POST", QStringLiteral("/v2/token_widget"),
                              { { QStringLiteral("apiKey"), sb.endpoint().apiKey },
                                { QStringLiteral("apiSecret"), sb.apiSecret() },
                                { QStringLiteral("aeroPassUserUuid"),
                                  QStringLiteral("00000000-0000-4000-8000-000000000000") } });
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(
        r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("AC-102"));
}

TEST_F(SandboxWidget, ReconnectKeepsTheIdAndRenewsTheExpiry)
{
    const QString id = sb.linkConnection(QStringLiteral("mfa"));
    const QString soon = QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODate);
    sb.request("POST", QStringLiteral("/sandbox/connections/%1/expiry").arg(id),
               { { QStringLiteral("connectionExpiry"), soon } });
    const QJsonObject start = launch({ { QStringLiteral("connectionId"), id } });
    EXPECT_EQ(start.value(QStringLiteral("state")).toString(), QStringLiteral("credentials"))
        << "no bank picker on reconnect";
    step(QStringLiteral("credentials"),
         { { QStringLiteral("username"), QStringLiteral("u") },
           { QStringLiteral("password"), QStringLiteral("p") } });
    const QJsonObject ev = lastEvent(
        step(QStringLiteral("mfa"), { { QStringLiteral("code"), QStringLiteral("1234") } }));
    EXPECT_EQ(ev.value(QStringLiteral("payload"))
                  .toObject()
                  .value(QStringLiteral("connectionId"))
                  .toString(),
              id);
    const auto a = sb.request("GET", QStringLiteral("/v2/accounts/") + id, {}, sb.bearer());
    const QDateTime expiry = QDateTime::fromString(a.json.value(QStringLiteral("account"))
                                                       .toObject()
                                                       .value(QStringLiteral("connectionExpiry"))
                                                       .toString(),
                                                   Qt::ISODate);
    EXPECT_GT(QDateTime::currentDateTimeUtc().daysTo(expiry), 170);
}

TEST_F(SandboxWidget, InactivityIsAr100)
{
    EmulatorRig fast;
    ASSERT_TRUE(
        fast.start({ QStringLiteral("--time-scale"), QStringLiteral("0.005") })); // 90 s -> 0.45 s
    const QString token = fast.request("POST", QStringLiteral("/v2/token_widget"),
                                       { { QStringLiteral("apiKey"), fast.endpoint().apiKey },
                                         { QStringLiteral("apiSecret"), fast.apiSecret() } })
                              .json.value(QStringLiteral("token"))
                              .toString();
    const QString sid = fast.request("POST", QStringLiteral("/sandbox/widget/sessions"),
                                     { { QStringLiteral("token"), token } })
                            .json.value(QStringLiteral("sessionId"))
                            .toString();
    QTest::qWait(700);
    const auto r = fast.request("POST", QStringLiteral("/sandbox/widget/sessions/%1/bank").arg(sid),
                                { { QStringLiteral("bank"), QStringLiteral("mfa") } });
    EXPECT_TRUE(lastEvent(r.json)
                    .value(QStringLiteral("payload"))
                    .toString()
                    .contains(QStringLiteral("AR-100")));
}

TEST_F(SandboxWidget, ManualLinkCannotFetchBalance)
{
    launch({ { QStringLiteral("manualLinkOnly"), true } });
    const QJsonObject ev =
        lastEvent(step(QStringLiteral("manual"),
                       { { QStringLiteral("routingNumber"), QStringLiteral("021000021") },
                         { QStringLiteral("accountNumber"), QStringLiteral("123456789") } }));
    const QString id = ev.value(QStringLiteral("payload"))
                           .toObject()
                           .value(QStringLiteral("connectionId"))
                           .toString();
    ASSERT_EQ(id.size(), 32);
    const QJsonObject a = sb.request("GET", QStringLiteral("/v2/accounts/") + id, {}, sb.bearer())
                              .json.value(QStringLiteral("account"))
                              .toObject();
    EXPECT_FALSE(a.value(QStringLiteral("canFetchBalance")).toBool());
    EXPECT_EQ(a.value(QStringLiteral("connectionMethod")).toInt(), 0);
}
