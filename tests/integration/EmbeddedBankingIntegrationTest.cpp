// The embedded-banking emulator (issue 3, "Embedded banking component"), checked with Node's
// crypto as the independent partner: it decrypts the events with the partner private key and
// encrypts the silent-authentication answer to the provider public key.
#include "tests/integration/ExternalTools.h"
#include "tests/integration/IntegrationEmulatorRig.h"
#include "tests/support/Wait.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <gtest/gtest.h>

using aerodesk::test::ExternalTools;
using aerodesk::test::IntegrationEmulatorRig;

namespace {

class EmbeddedBankingIntegration : public ::testing::Test
{
protected:
    void SetUp() override { startWith(0.05); }

    void startWith(double timeScale)
    {
        ASSERT_FALSE(ExternalTools::find("node").isEmpty())
            << ExternalTools::missingMessage("node").toStdString();
        ASSERT_TRUE(m_sandbox.start(timeScale)) << m_sandbox.lastError().toStdString();
        const auto keys = m_sandbox.call("GET", "/sandbox/eb/keys");
        ASSERT_EQ(keys.status, 200) << keys.body.toStdString();
        m_partnerPrivate = keys.json.value("partnerPrivateKeyPem").toString().toUtf8();
        m_partnerPublic = keys.json.value("partnerPublicKeyPem").toString().toUtf8();
        m_providerPublic = keys.json.value("providerPublicKeyPem").toString().toUtf8();
        ASSERT_TRUE(m_partnerPrivate.startsWith("-----BEGIN PRIVATE KEY-----"))
            << keys.body.left(200).toStdString();
        ASSERT_TRUE(m_providerPublic.startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    /// Node decrypts a hex payload with the partner private key; the JSON object inside.
    QJsonObject nodeDecrypt(const QString &hex)
    {
        QString error;
        const QByteArray plain =
            ExternalTools::nodePeer("decrypt", m_partnerPrivate, hex.toUtf8(), &error);
        EXPECT_TRUE(error.isEmpty()) << error.toStdString();
        const QJsonDocument doc = QJsonDocument::fromJson(plain);
        EXPECT_TRUE(doc.isObject()) << plain.toStdString();
        return doc.object();
    }

    /// Node encrypts `text` to `publicPem` (the provider key unless told otherwise); hex.
    QByteArray nodeEncrypt(const QByteArray &text, const QByteArray &publicPem = {})
    {
        QString error;
        const QByteArray hex = ExternalTools::nodePeer(
            "encrypt", publicPem.isEmpty() ? m_providerPublic : publicPem, text, &error);
        EXPECT_TRUE(error.isEmpty()) << error.toStdString();
        return hex;
    }

    /// A path ("/eb/ret/...") from a retUrl the sandbox built; checks it points at the sandbox.
    QString pathOf(const QString &retUrl)
    {
        const QUrl url(retUrl);
        EXPECT_EQ(url.host(), m_sandbox.baseUrl().host()) << retUrl.toStdString();
        EXPECT_EQ(url.port(), m_sandbox.baseUrl().port()) << retUrl.toStdString();
        EXPECT_EQ(url.scheme(), m_sandbox.baseUrl().scheme()) << retUrl.toStdString();
        return url.path();
    }

    IntegrationEmulatorRig::Reply post(const QString &path, const QJsonObject &body)
    {
        return m_sandbox.raw("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    /// Connect event -> Node decrypt -> {status: OK} -> 204. Leaves m_user and m_userCode.
    void connectUser(const QString &user)
    {
        const auto event =
            m_sandbox.call("POST", "/sandbox/eb/connect-event", { { "user", user } });
        ASSERT_EQ(event.status, 200) << event.body.toStdString();
        EXPECT_EQ(event.json.value("kind").toString(), "connect");
        const QJsonObject inner = nodeDecrypt(event.json.value("payload").toString());
        m_userCode = inner.value("userCode").toString();
        ASSERT_TRUE(QRegularExpression("^[0-9a-f]{32}$").match(m_userCode).hasMatch())
            << m_userCode.toStdString();
        const auto answer = post(pathOf(inner.value("retUrl").toString()), { { "status", "OK" } });
        ASSERT_EQ(answer.status, 204) << answer.body.toStdString();
        m_user = user;
    }

    /// An auth event for m_user, decrypted by Node: {attemptId, retUrl path}.
    QPair<QString, QString> authEvent()
    {
        const auto event = m_sandbox.call("POST", "/sandbox/eb/auth-event", { { "user", m_user } });
        EXPECT_EQ(event.status, 200) << event.body.toStdString();
        EXPECT_EQ(event.json.value("kind").toString(), "authenticate");
        const QJsonObject inner = nodeDecrypt(event.json.value("payload").toString());
        return { inner.value("attemptId").toString(), pathOf(inner.value("retUrl").toString()) };
    }

    QByteArray reply(const QString &attemptId, const QString &userCode)
    {
        return nodeEncrypt(
            QJsonDocument(QJsonObject { { "attemptId", attemptId }, { "userCode", userCode } })
                .toJson(QJsonDocument::Compact));
    }

    static QString codeOf(const IntegrationEmulatorRig::Reply &r)
    {
        return r.json.value("error").toObject().value("code").toString();
    }
    static QString messageOf(const IntegrationEmulatorRig::Reply &r)
    {
        return r.json.value("error").toObject().value("message").toString();
    }

    IntegrationEmulatorRig m_sandbox;
    QByteArray m_partnerPrivate, m_partnerPublic, m_providerPublic;
    QString m_user, m_userCode;
};

TEST_F(EmbeddedBankingIntegration, KeysNeedABearerToken)
{
    const auto r = m_sandbox.call("GET", "/sandbox/eb/keys", {}, { { "Authorization", "" } });
    EXPECT_EQ(r.status, 403) << r.body.toStdString();
    EXPECT_FALSE(r.body.contains("PRIVATE KEY"));
}

TEST_F(EmbeddedBankingIntegration, ConnectThenSilentAuthenticationWithNodeAsThePartner)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("alice"));
    const auto [attemptId, path] = authEvent();
    ASSERT_FALSE(attemptId.isEmpty());
    EXPECT_TRUE(path.endsWith(attemptId)) << path.toStdString();
    const auto r = post(
        path,
        { { "payload", QString::fromLatin1(reply(attemptId, m_userCode)) }, { "status", "OK" } });
    EXPECT_EQ(r.status, 204) << r.body.toStdString();
    EXPECT_TRUE(r.body.isEmpty());

    const auto state = m_sandbox.call("GET", "/sandbox/eb/state");
    ASSERT_EQ(state.status, 200);
    EXPECT_TRUE(state.body.contains("\"authenticated\"")) << state.body.toStdString();
    EXPECT_FALSE(state.body.contains(m_userCode.toUtf8()))
        << "the state view must not leak userCodes";

    // An attempt is single-use.
    const auto again = post(
        path,
        { { "payload", QString::fromLatin1(reply(attemptId, m_userCode)) }, { "status", "OK" } });
    EXPECT_EQ(again.status, 409) << again.body.toStdString();
    EXPECT_EQ(codeOf(again), "EB-409-ATTEMPT-CLOSED");
}

TEST_F(EmbeddedBankingIntegration, ConnectAnswerWithAnotherStatusIsRecordedAsAFailure)
{
    const auto event = m_sandbox.call("POST", "/sandbox/eb/connect-event", { { "user", "bob" } });
    ASSERT_EQ(event.status, 200);
    const QString path =
        pathOf(nodeDecrypt(event.json.value("payload").toString()).value("retUrl").toString());
    const auto r =
        post(path, { { "status", "DB_UNAVAILABLE" }, { "reason", "cannot reach user store" } });
    EXPECT_EQ(r.status, 400) << r.body.toStdString();
    EXPECT_EQ(codeOf(r), "EB-400-STATUS");
    EXPECT_TRUE(messageOf(r).contains("DB_UNAVAILABLE")) << r.body.toStdString();
    const auto state = m_sandbox.call("GET", "/sandbox/eb/state");
    EXPECT_TRUE(state.body.contains("cannot reach user store")) << state.body.toStdString();
    const auto auth = m_sandbox.call("POST", "/sandbox/eb/auth-event", { { "user", "bob" } });
    EXPECT_EQ(auth.status, 409) << "a refused connect is not a connection: "
                                << auth.body.toStdString();
}

TEST_F(EmbeddedBankingIntegration, ConnectRetUrlErrors)
{
    const auto unknown =
        post("/eb/ret/connect/0123456789abcdef0123456789abcdef", { { "status", "OK" } });
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(codeOf(unknown), "EB-404-CONNECT");
    const auto event = m_sandbox.call("POST", "/sandbox/eb/connect-event", {});
    ASSERT_EQ(event.status, 200);
    EXPECT_FALSE(event.json.value("user").toString().isEmpty())
        << "a user name is made up when none is given";
    const QString path =
        pathOf(nodeDecrypt(event.json.value("payload").toString()).value("retUrl").toString());
    const auto badJson = m_sandbox.raw("POST", path, "{\"status\": ");
    EXPECT_EQ(badJson.status, 400);
    EXPECT_EQ(codeOf(badJson), "EB-400-JSON");
    const auto noStatus = post(path, { { "state", "OK" } });
    EXPECT_EQ(noStatus.status, 400);
    EXPECT_EQ(codeOf(noStatus), "EB-400-FIELDS");
    EXPECT_EQ(post(path, { { "status", "OK" } }).status, 204);
    const auto twice = post(path, { { "status", "OK" } });
    EXPECT_EQ(twice.status, 409);
    EXPECT_EQ(codeOf(twice), "EB-409-CONNECT-CLOSED");
}

TEST_F(EmbeddedBankingIntegration, BadHexSaysWhere)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("carol"));
    const auto [attemptId, path] = authEvent();
    QByteArray hex = reply(attemptId, m_userCode);
    hex[10] = 'x';
    const auto r = post(path, { { "payload", QString::fromLatin1(hex) }, { "status", "OK" } });
    EXPECT_EQ(r.status, 400) << r.body.toStdString();
    EXPECT_EQ(codeOf(r), "EB-400-HEX");
    EXPECT_TRUE(messageOf(r).contains("payload")) << r.body.toStdString();
    EXPECT_TRUE(messageOf(r).contains("10") || messageOf(r).contains("11"))
        << "position: " << r.body.toStdString();
}

TEST_F(EmbeddedBankingIntegration, PayloadForTheWrongKeyIsUndecryptable)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("dave"));
    const auto [attemptId, path] = authEvent();
    const QByteArray toPartner = nodeEncrypt(
        QJsonDocument(QJsonObject { { "attemptId", attemptId }, { "userCode", m_userCode } })
            .toJson(QJsonDocument::Compact),
        m_partnerPublic);
    const auto r =
        post(path, { { "payload", QString::fromLatin1(toPartner) }, { "status", "OK" } });
    EXPECT_EQ(r.status, 400) << r.body.toStdString();
    EXPECT_EQ(codeOf(r), "EB-400-DECRYPT");
}

TEST_F(EmbeddedBankingIntegration, PayloadThatIsNotJson)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("erin"));
    const auto [attemptId, path] = authEvent();
    const auto r = post(path,
                        { { "payload", QString::fromLatin1(nodeEncrypt("attemptId=1&userCode=2")) },
                          { "status", "OK" } });
    EXPECT_EQ(r.status, 400) << r.body.toStdString();
    EXPECT_EQ(codeOf(r), "EB-400-JSON");
    const auto outer = m_sandbox.raw("POST", path, "not json at all");
    EXPECT_EQ(outer.status, 400);
    EXPECT_EQ(codeOf(outer), "EB-400-JSON");
}

TEST_F(EmbeddedBankingIntegration, StatusOtherThanOkIsEchoed)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("frank"));
    const auto [attemptId, path] = authEvent();
    const auto r = post(path,
                        { { "payload", QString::fromLatin1(reply(attemptId, m_userCode)) },
                          { "status", "SESSION_EXPIRED" } });
    EXPECT_EQ(r.status, 400) << r.body.toStdString();
    EXPECT_EQ(codeOf(r), "EB-400-STATUS");
    EXPECT_TRUE(messageOf(r).contains("SESSION_EXPIRED"));
}

TEST_F(EmbeddedBankingIntegration, UnknownAttemptIdIs404)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("grace"));
    const auto [attemptId, path] = authEvent();
    const auto inUrl = post(
        "/eb/ret/auth/ffffffffffffffffffffffffffffffff",
        { { "payload", QString::fromLatin1(reply(attemptId, m_userCode)) }, { "status", "OK" } });
    EXPECT_EQ(inUrl.status, 404) << inUrl.body.toStdString();
    EXPECT_EQ(codeOf(inUrl), "EB-404-ATTEMPT");
    const auto inPayload = post(
        path,
        { { "payload", QString::fromLatin1(reply("ffffffffffffffffffffffffffffffff", m_userCode)) },
          { "status", "OK" } });
    EXPECT_EQ(inPayload.status, 404) << inPayload.body.toStdString();
    EXPECT_EQ(codeOf(inPayload), "EB-404-ATTEMPT");
}

TEST_F(EmbeddedBankingIntegration, WrongUserCodeIs403)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("heidi"));
    const auto [attemptId, path] = authEvent();
    QString wrong = m_userCode;
    wrong[0] = wrong[0] == QLatin1Char('a') ? QLatin1Char('b') : QLatin1Char('a');
    const auto r = post(
        path, { { "payload", QString::fromLatin1(reply(attemptId, wrong)) }, { "status", "OK" } });
    EXPECT_EQ(r.status, 403) << r.body.toStdString();
    EXPECT_EQ(codeOf(r), "EB-403-USERCODE");
    // The attempt stays open: the right code still works.
    EXPECT_EQ(post(path,
                   { { "payload", QString::fromLatin1(reply(attemptId, m_userCode)) },
                     { "status", "OK" } })
                  .status,
              204);
}

// Disconnect is the older name of the logout flow (issue 11): the sandbox drops the userCode and
// closes the user's retUrls; an attempt issued before it gets 410, and no new one is issued.
TEST_F(EmbeddedBankingIntegration, DisconnectedUserCodeIs410)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("ivan"));
    const auto [attemptId, path] = authEvent();
    const auto out = m_sandbox.call("POST", "/sandbox/eb/disconnect", { { "user", "ivan" } });
    ASSERT_EQ(out.status, 200) << out.body.toStdString();
    EXPECT_EQ(out.json.value("state").toString(), "logged-out");
    const auto r = post(
        path,
        { { "payload", QString::fromLatin1(reply(attemptId, m_userCode)) }, { "status", "OK" } });
    EXPECT_EQ(r.status, 410) << r.body.toStdString();
    EXPECT_EQ(codeOf(r), "EB-410-LOGGED-OUT");
    const auto again = m_sandbox.call("POST", "/sandbox/eb/auth-event", { { "user", "ivan" } });
    EXPECT_EQ(again.status, 409) << again.body.toStdString();
    EXPECT_EQ(codeOf(again), "EB-409-NOT-CONNECTED");
}

TEST_F(EmbeddedBankingIntegration, AutomaticDisconnectUserCodeIs410)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("judy"));
    ASSERT_EQ(m_sandbox.call("POST", "/sandbox/eb/expire", { { "user", "judy" } }).status, 200);
    const auto [attemptId, path] = authEvent();
    const auto r = post(
        path,
        { { "payload", QString::fromLatin1(reply(attemptId, m_userCode)) }, { "status", "OK" } });
    EXPECT_EQ(r.status, 410) << r.body.toStdString();
    EXPECT_EQ(codeOf(r), "EB-410-EXPIRED");
}

class EmbeddedBankingIdle : public EmbeddedBankingIntegration
{
protected:
    // 15 min x 0.01 = 9 s of idleness disconnects a user.
    void SetUp() override { startWith(0.01); }
};

TEST_F(EmbeddedBankingIdle, IdleTimeoutInvalidatesTheUserCode)
{
    ASSERT_NO_FATAL_FAILURE(connectUser("kim"));
    const auto stateOfKim = [this] {
        const auto r = m_sandbox.call("GET", "/sandbox/eb/state");
        for (const QJsonValue &u : r.json.value("users").toArray()) {
            if (u.toObject().value("user").toString() == "kim")
                return u.toObject().value("state").toString();
        }
        return QString();
    };
    EXPECT_EQ(stateOfKim(), "connected");
    ASSERT_TRUE(aerodesk::test::waitUntil([&] { return stateOfKim() == "expired"; }, 40000));
    const auto [attemptId, path] = authEvent();
    const auto r = post(
        path,
        { { "payload", QString::fromLatin1(reply(attemptId, m_userCode)) }, { "status", "OK" } });
    EXPECT_EQ(r.status, 410) << r.body.toStdString();
    EXPECT_EQ(codeOf(r), "EB-410-EXPIRED");
}

TEST_F(EmbeddedBankingIntegration, ControlRouteErrors)
{
    const auto noUser = m_sandbox.call("POST", "/sandbox/eb/auth-event", { { "user", "nobody" } });
    EXPECT_EQ(noUser.status, 404);
    EXPECT_EQ(codeOf(noUser), "EB-404-USER");
    const auto badUser = m_sandbox.call("POST", "/sandbox/eb/connect-event", { { "user", 7 } });
    EXPECT_EQ(badUser.status, 400);
    EXPECT_EQ(codeOf(badUser), "EB-400-FIELDS");
    const auto disconnectNobody =
        m_sandbox.call("POST", "/sandbox/eb/disconnect", { { "user", "nobody" } });
    EXPECT_EQ(disconnectNobody.status, 404);
}

} // namespace
