// The embedded-banking emulator's logout flow, its per-user state and its idle timeout (issue
// 11), over HTTPS against bin/aerodesk-sandbox. The partner side is the core's decryptor and
// reply builder; the sandbox decides.
#include "core/crypto/RsaPrivateKey.h"
#include "core/crypto/RsaPublicKey.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/embedded/RetUrlReply.h"
#include "tests/support/EmulatorRig.h"
#include "tests/support/Wait.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using aerodesk::test::EmulatorRig;
using namespace aerodesk;

namespace {

class SandboxEbLogout : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(sb.start()) << sb.lastError().toStdString();
        const auto keys = sb.request("GET", QStringLiteral("/sandbox/eb/keys"), {}, sb.bearer());
        ASSERT_EQ(keys.status, 200) << keys.body.toStdString();
        auto partner = crypto::RsaPrivateKey::fromPem(
            keys.json.value(QStringLiteral("partnerPrivateKeyPem")).toString().toUtf8());
        auto provider = crypto::RsaPublicKey::fromPem(
            keys.json.value(QStringLiteral("providerPublicKeyPem")).toString().toUtf8());
        ASSERT_TRUE(partner.ok() && provider.ok());
        partnerKey = std::move(partner).value();
        providerKey = std::move(provider).value();
    }

    EmulatorRig::Reply control(const QString &route, const QJsonObject &body)
    {
        return sb.request("POST", QStringLiteral("/sandbox/eb/") + route, body, sb.bearer());
    }

    /// A control event for `user`, decrypted with the partner key.
    embedded::EventPayload event(const QString &route, const QString &user)
    {
        const auto r = control(route, { { QStringLiteral("user"), user } });
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        auto payload = embedded::PayloadDecryptor::decrypt(
            partnerKey, r.json.value(QStringLiteral("payload")).toString().toLatin1());
        EXPECT_TRUE(payload.ok()) << (payload ? "" : payload.error().message.toStdString());
        return payload ? std::move(payload).value() : embedded::EventPayload {};
    }

    /// Connect event answered OK; returns the userCode.
    crypto::SecureBytes connect(const QString &user)
    {
        embedded::EventPayload e = event(QStringLiteral("connect-event"), user);
        const auto ok =
            sb.request("POST", e.retUrl().path(), embedded::RetUrlReply::connect().body());
        EXPECT_EQ(ok.status, 204) << ok.body.toStdString();
        return e.userCode().clone();
    }

    EmulatorRig::Reply answerAuth(const embedded::EventPayload &auth,
                                  const crypto::SecureBytes &userCode)
    {
        auto reply = embedded::RetUrlReply::silentAuth(providerKey, auth.attemptId(), userCode);
        EXPECT_TRUE(reply.ok());
        return sb.request("POST", auth.retUrl().path(), reply ? reply->body() : QJsonObject {});
    }

    QJsonObject userRow(const QString &user)
    {
        const auto r = sb.request("GET", QStringLiteral("/sandbox/eb/state"), {}, sb.bearer());
        EXPECT_EQ(r.status, 200);
        EXPECT_FALSE(r.body.contains("userCode\"")) << "the state never carries a userCode";
        for (const QJsonValue &row : r.json.value(QStringLiteral("users")).toArray()) {
            if (row.toObject().value(QStringLiteral("user")).toString() == user)
                return row.toObject();
        }
        return {};
    }

    static QString code(const EmulatorRig::Reply &r)
    {
        return r.json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }

    EmulatorRig sb;
    crypto::RsaPrivateKey partnerKey;
    crypto::RsaPublicKey providerKey;
};

} // namespace

TEST_F(SandboxEbLogout, StateCountsOpenRetUrlsAndNeverShowsTheCode)
{
    connect(QStringLiteral("ann"));
    event(QStringLiteral("auth-event"), QStringLiteral("ann"));
    event(QStringLiteral("auth-event"), QStringLiteral("ann"));
    event(QStringLiteral("connect-event"), QStringLiteral("bea"));
    const QJsonObject ann = userRow(QStringLiteral("ann"));
    EXPECT_EQ(ann.value(QStringLiteral("state")).toString(), QStringLiteral("connected"));
    EXPECT_TRUE(ann.value(QStringLiteral("hasUserCode")).toBool());
    EXPECT_EQ(ann.value(QStringLiteral("openAttempts")).toInt(-1), 2);
    EXPECT_EQ(ann.value(QStringLiteral("openConnects")).toInt(-1), 0);
    const QJsonObject bea = userRow(QStringLiteral("bea"));
    EXPECT_EQ(bea.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
    EXPECT_EQ(bea.value(QStringLiteral("openConnects")).toInt(-1), 1);
    EXPECT_EQ(bea.value(QStringLiteral("openAttempts")).toInt(-1), 0);
}

TEST_F(SandboxEbLogout, LogoutDropsTheCodeAndClosesEveryRetUrlWith410)
{
    const crypto::SecureBytes userCode = connect(QStringLiteral("cid"));
    const embedded::EventPayload auth = event(QStringLiteral("auth-event"), QStringLiteral("cid"));
    // A second connect left unanswered: its retUrl is open too.
    const embedded::EventPayload reconnect =
        event(QStringLiteral("connect-event"), QStringLiteral("cid"));
    // Someone else's session is not touched.
    const crypto::SecureBytes otherCode = connect(QStringLiteral("dee"));
    const embedded::EventPayload otherAuth =
        event(QStringLiteral("auth-event"), QStringLiteral("dee"));

    const auto out =
        control(QStringLiteral("logout"), { { QStringLiteral("user"), QStringLiteral("cid") } });
    ASSERT_EQ(out.status, 200) << out.body.toStdString();
    EXPECT_EQ(out.json.value(QStringLiteral("state")).toString(), QStringLiteral("logged-out"));
    EXPECT_EQ(out.json.value(QStringLiteral("closedAttempts")).toInt(), 1);
    EXPECT_EQ(out.json.value(QStringLiteral("closedConnects")).toInt(), 1);

    const QJsonObject cid = userRow(QStringLiteral("cid"));
    EXPECT_EQ(cid.value(QStringLiteral("state")).toString(), QStringLiteral("logged-out"));
    EXPECT_FALSE(cid.value(QStringLiteral("hasUserCode")).toBool(true));
    EXPECT_EQ(cid.value(QStringLiteral("openAttempts")).toInt(-1), 0);
    EXPECT_EQ(cid.value(QStringLiteral("openConnects")).toInt(-1), 0);

    // The old retUrls of both kinds now say why they are closed.
    const auto oldAuth = answerAuth(auth, userCode);
    EXPECT_EQ(oldAuth.status, 410) << oldAuth.body.toStdString();
    EXPECT_EQ(code(oldAuth), QStringLiteral("EB-410-LOGGED-OUT"));
    const auto oldConnect =
        sb.request("POST", reconnect.retUrl().path(), embedded::RetUrlReply::connect().body());
    EXPECT_EQ(oldConnect.status, 410) << oldConnect.body.toStdString();
    EXPECT_EQ(code(oldConnect), QStringLiteral("EB-410-LOGGED-OUT"));
    // No new silent authentication for a logged-out user.
    const auto noAuth = control(QStringLiteral("auth-event"),
                                { { QStringLiteral("user"), QStringLiteral("cid") } });
    EXPECT_EQ(noAuth.status, 409);
    EXPECT_EQ(code(noAuth), QStringLiteral("EB-409-NOT-CONNECTED"));

    EXPECT_EQ(answerAuth(otherAuth, otherCode).status, 204);
    EXPECT_TRUE(userRow(QStringLiteral("dee")).value(QStringLiteral("hasUserCode")).toBool());

    // The log has the logout; connecting again starts a new session, old retUrls stay closed.
    const auto state = sb.request("GET", QStringLiteral("/sandbox/eb/state"), {}, sb.bearer());
    bool logged = false;
    for (const QJsonValue &row : state.json.value(QStringLiteral("log")).toArray())
        logged = logged ||
            (row.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("logout") &&
             row.toObject().value(QStringLiteral("user")).toString() == QLatin1String("cid"));
    EXPECT_TRUE(logged) << state.body.toStdString();
    const crypto::SecureBytes fresh = connect(QStringLiteral("cid"));
    EXPECT_EQ(userRow(QStringLiteral("cid")).value(QStringLiteral("state")).toString(),
              QStringLiteral("connected"));
    EXPECT_EQ(code(answerAuth(auth, userCode)), QStringLiteral("EB-410-LOGGED-OUT"));
    EXPECT_EQ(answerAuth(event(QStringLiteral("auth-event"), QStringLiteral("cid")), fresh).status,
              204);
}

TEST_F(SandboxEbLogout, LogoutNeedsAKnownUser)
{
    const auto nobody =
        control(QStringLiteral("logout"), { { QStringLiteral("user"), QStringLiteral("nobody") } });
    EXPECT_EQ(nobody.status, 404);
    EXPECT_EQ(code(nobody), QStringLiteral("EB-404-USER"));
    for (const QJsonObject &body :
         { QJsonObject {}, QJsonObject { { QStringLiteral("user"), QLatin1String("") } },
           QJsonObject { { QStringLiteral("user"), 7 } } }) {
        for (const QString &route : { QStringLiteral("logout"), QStringLiteral("disconnect") }) {
            const auto r = control(route, body);
            EXPECT_EQ(r.status, 400) << route.toStdString() << r.body.toStdString();
            EXPECT_EQ(code(r), QStringLiteral("EB-400-FIELDS"));
        }
    }
}

TEST_F(SandboxEbLogout, DisconnectIsTheOlderNameOfLogout)
{
    const crypto::SecureBytes userCode = connect(QStringLiteral("eve"));
    const embedded::EventPayload auth = event(QStringLiteral("auth-event"), QStringLiteral("eve"));
    const auto out = control(QStringLiteral("disconnect"),
                             { { QStringLiteral("user"), QStringLiteral("eve") } });
    ASSERT_EQ(out.status, 200) << out.body.toStdString();
    const QJsonObject eve = userRow(QStringLiteral("eve"));
    EXPECT_EQ(eve.value(QStringLiteral("state")).toString(), QStringLiteral("logged-out"));
    EXPECT_FALSE(eve.value(QStringLiteral("hasUserCode")).toBool(true));
    EXPECT_EQ(code(answerAuth(auth, userCode)), QStringLiteral("EB-410-LOGGED-OUT"));
}

TEST_F(SandboxEbLogout, IdleTimeoutRouteExpiresTheUser)
{
    for (const QJsonValue &bad : { QJsonValue(0), QJsonValue(86400001), QJsonValue(1.5),
                                   QJsonValue(QStringLiteral("10")), QJsonValue() }) {
        const auto r = control(QStringLiteral("idle-timeout"), { { QStringLiteral("ms"), bad } });
        EXPECT_EQ(r.status, 400) << r.body.toStdString();
        EXPECT_EQ(code(r), QStringLiteral("EB-400-FIELDS"));
    }
    const crypto::SecureBytes userCode = connect(QStringLiteral("fay"));
    const embedded::EventPayload auth = event(QStringLiteral("auth-event"), QStringLiteral("fay"));
    EXPECT_EQ(userRow(QStringLiteral("fay")).value(QStringLiteral("state")).toString(),
              QStringLiteral("connected"));
    const auto set = control(QStringLiteral("idle-timeout"), { { QStringLiteral("ms"), 300 } });
    ASSERT_EQ(set.status, 200) << set.body.toStdString();
    EXPECT_EQ(set.json.value(QStringLiteral("idleTimeoutMs")).toInteger(), 300);
    ASSERT_TRUE(test::waitUntil(
        [&] {
            return userRow(QStringLiteral("fay")).value(QStringLiteral("state")).toString() ==
                QLatin1String("expired");
        },
        10000));
    const auto late = answerAuth(auth, userCode);
    EXPECT_EQ(late.status, 410) << late.body.toStdString();
    EXPECT_EQ(code(late), QStringLiteral("EB-410-EXPIRED"));
    // The automatic disconnect leaves the code with the sandbox (only logout drops it).
    EXPECT_TRUE(userRow(QStringLiteral("fay")).value(QStringLiteral("hasUserCode")).toBool());
}
