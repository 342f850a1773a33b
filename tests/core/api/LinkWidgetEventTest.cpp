#include "core/api/LinkWidgetEventDispatcher.h"

#include <gtest/gtest.h>

using namespace aerodesk::api;

TEST(WidgetEventParse, PageSuccessCurrentMultiAndLegacy)
{
    auto e = LinkWidgetEvent::parse(
        R"({"type":"pageSuccess","payload":{"connectionId":"c1","clientName":"Acme","aeroPassUserUuid":"u1"}})");
    ASSERT_EQ(e.type, LinkWidgetEvent::Type::PageSuccess);
    EXPECT_EQ(e.success.connectionId, QStringLiteral("c1"));
    EXPECT_EQ(e.success.clientName, QStringLiteral("Acme"));
    EXPECT_EQ(e.success.aeroPassUserUuid, QStringLiteral("u1"));

    auto m = LinkWidgetEvent::parse(
        R"({"type":"pageSuccess","payload":{"connectionId":null,"clientName":"Acme","aeroPassUserUuid":"u1",
        "accounts":[{"connectionId":"a1","accountType":"checking","accountNumberDisplay":"2901"},{"connectionId":"a2"}]}})");
    ASSERT_EQ(m.type, LinkWidgetEvent::Type::PageSuccess);
    EXPECT_TRUE(m.success.connectionId.isEmpty());
    EXPECT_EQ(m.success.connectionIds(),
              (QList<QString> { QStringLiteral("a1"), QStringLiteral("a2") }));
    EXPECT_EQ(m.success.accounts[0].accountNumberDisplay, QStringLiteral("2901"));

    auto l = LinkWidgetEvent::parse(
        R"({"type":"pageSuccess","payload":{"user_id":"c9","user_password":"c9","ClientName":"Old"}})");
    EXPECT_EQ(l.success.connectionId, QStringLiteral("c9"));
    EXPECT_EQ(l.success.clientName, QStringLiteral("Old"));
}

TEST(WidgetEventParse, ErrorCloseAndMalformed)
{
    auto e = LinkWidgetEvent::parse(
        R"({"type":"widgetError","payload":"INCORRECT_CREDENTIALS | Code: AC-117 | Message: bad"})");
    ASSERT_EQ(e.type, LinkWidgetEvent::Type::WidgetError);
    EXPECT_EQ(e.error.code, QStringLiteral("AC-117"));
    EXPECT_EQ(e.error.widgetType, QStringLiteral("INCORRECT_CREDENTIALS"));
    EXPECT_EQ(LinkWidgetEvent::parse(R"({"type":"widgetClose"})").type,
              LinkWidgetEvent::Type::WidgetClose);
    EXPECT_EQ(LinkWidgetEvent::parse("not json").type, LinkWidgetEvent::Type::Malformed);
    EXPECT_EQ(LinkWidgetEvent::parse(R"({"payload":{}})").type, LinkWidgetEvent::Type::Malformed);
    auto u = LinkWidgetEvent::parse(R"({"type":"somethingNew","payload":{"x":1}})");
    EXPECT_EQ(u.type, LinkWidgetEvent::Type::Unknown);
    EXPECT_EQ(u.rawType, QStringLiteral("somethingNew"));
}

TEST(WidgetEventDispatcherTest, PersistHookRunsBeforeAnySignal)
{
    LinkWidgetEventDispatcher d;
    QStringList order;
    d.setPersistHook([&](const LinkWidgetEvent::PageSuccess &s, QString *) {
        order << QStringLiteral("persist:") + s.connectionId;
        return true;
    });
    QObject ctx;
    QObject::connect(
        &d, &LinkWidgetEventDispatcher::pageSuccess, &ctx,
        [&](const LinkWidgetEvent::PageSuccess &) { order << QStringLiteral("signal"); });
    QObject::connect(&d, &LinkWidgetEventDispatcher::persistFailed, &ctx,
                     [&](const LinkWidgetEvent::PageSuccess &, const QString &) {
                         order << QStringLiteral("failed");
                     });
    d.dispatchRaw(R"({"type":"pageSuccess","payload":{"connectionId":"c1"}})");
    EXPECT_EQ(order, (QStringList { QStringLiteral("persist:c1"), QStringLiteral("signal") }));

    order.clear();
    d.setPersistHook([&](const LinkWidgetEvent::PageSuccess &, QString *why) {
        *why = QStringLiteral("disk full");
        order << QStringLiteral("persist");
        return false;
    });
    d.dispatchRaw(R"({"type":"pageSuccess","payload":{"connectionId":"c2"}})");
    EXPECT_EQ(order,
              (QStringList { QStringLiteral("persist"), QStringLiteral("failed"),
                             QStringLiteral("signal") }));
}

#include "core/api/LinkWidgetLaunch.h"

TEST(WidgetLaunchTest, QueryShapesAndValidation)
{
    auto tok = std::make_shared<const aerodesk::crypto::SecureBytes>(QByteArrayView("wtok"));
    const QUrlQuery link = LinkWidgetLaunch::link(tok, QStringLiteral("cfg")).toQuery();
    EXPECT_EQ(link.queryItemValue(QStringLiteral("token")), QStringLiteral("wtok"));
    EXPECT_EQ(link.queryItemValue(QStringLiteral("configurationId")), QStringLiteral("cfg"));
    EXPECT_FALSE(link.hasQueryItem(QStringLiteral("connectionId")));
    EXPECT_FALSE(link.hasQueryItem(QStringLiteral("handleMFA")));

    const LinkWidgetLaunch re = LinkWidgetLaunch::reconnect(tok, QStringLiteral("c1"));
    EXPECT_EQ(re.toQuery().queryItemValue(QStringLiteral("connectionId")), QStringLiteral("c1"));
    EXPECT_FALSE(re.toQuery().hasQueryItem(QStringLiteral("jobId")));
    EXPECT_TRUE(re.validate().isEmpty());

    const LinkWidgetLaunch mfa =
        LinkWidgetLaunch::mfaRelaunch(tok, QStringLiteral("REF-1"), QStringLiteral("c1"));
    const QUrlQuery q = mfa.toQuery();
    EXPECT_EQ(q.queryItemValue(QStringLiteral("handleMFA")), QStringLiteral("true"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("jobId")), QStringLiteral("REF-1"));
    EXPECT_TRUE(mfa.validate().isEmpty());

    EXPECT_FALSE(LinkWidgetLaunch::mfaRelaunch(tok, {}, QStringLiteral("c1")).validate().isEmpty());
    EXPECT_FALSE(LinkWidgetLaunch::link(nullptr).validate().isEmpty());
}
