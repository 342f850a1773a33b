// Issue 13, findings 3a and 6, over HTTPS against bin/aerodesk-sandbox: the /sandbox control
// routes need the control token from the start line (X-Sandbox-Control), and credentials come
// from the CSPRNG, not from --seed, which only makes the data reproducible.
#include "core/crypto/RsaPrivateKey.h"
#include "core/embedded/PayloadDecryptor.h"
#include "tests/support/EmulatorRig.h"

#include <QFile>

#include <gtest/gtest.h>

using aerodesk::test::EmulatorRig;
using namespace aerodesk;

namespace {

struct ControlCall
{
    QByteArray method;
    QString path;
    QJsonObject body;
};

QString controlCodeOf(const EmulatorRig::Reply &r)
{
    return r.json.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QStringList seededArgs()
{
    return { QStringLiteral("--seed"), QStringLiteral("4242"), QStringLiteral("--time-scale"),
             QStringLiteral("0.05") };
}

/// What one sandbox started with --seed 4242 hands out: its credentials and one connectionId.
struct Issued
{
    QString apiKey, apiSecret, controlToken, apiToken, widgetSessionId, connectionId, userCode;
};

Issued issuedBy(EmulatorRig &sb)
{
    Issued out;
    out.apiKey = sb.endpoint().apiKey;
    out.apiSecret = sb.apiSecret();
    out.controlToken = QString::fromLatin1(sb.endpoint().controlToken);
    out.apiToken = sb.token();
    const auto w = sb.request("POST", QStringLiteral("/v2/token_widget"),
                              { { QStringLiteral("apiKey"), out.apiKey },
                                { QStringLiteral("apiSecret"), out.apiSecret } });
    const auto launch =
        sb.request("POST", QStringLiteral("/sandbox/widget/sessions"),
                   { { QStringLiteral("token"), w.json.value(QStringLiteral("token")) } });
    out.widgetSessionId = launch.json.value(QStringLiteral("sessionId")).toString();
    out.connectionId = sb.linkConnection(QStringLiteral("oauth"));
    // An embedded-banking userCode, decrypted as the partner would.
    const auto keys = sb.request("GET", QStringLiteral("/sandbox/eb/keys"), {}, sb.bearer());
    auto partner = crypto::RsaPrivateKey::fromPem(
        keys.json.value(QStringLiteral("partnerPrivateKeyPem")).toString().toUtf8());
    const auto event =
        sb.request("POST", QStringLiteral("/sandbox/eb/connect-event"),
                   { { QStringLiteral("user"), QStringLiteral("alice") } }, sb.bearer());
    if (partner.ok()) {
        auto payload = embedded::PayloadDecryptor::decrypt(
            partner.value(), event.json.value(QStringLiteral("payload")).toString().toLatin1());
        if (payload.ok())
            out.userCode = QString::fromLatin1(payload->userCode().view().toByteArray());
    }
    return out;
}

} // namespace

class SandboxControlToken : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(sb.start(seededArgs())) << sb.lastError().toStdString();
        connectionId = sb.linkConnection(QStringLiteral("oauth"));
        ASSERT_FALSE(connectionId.isEmpty()) << sb.lastError().toStdString();
    }

    QList<ControlCall> controlCalls() const
    {
        const QString c = QStringLiteral("/sandbox/connections/") + connectionId;
        return {
            { "GET", QStringLiteral("/sandbox/info"), {} },
            { "GET", QStringLiteral("/sandbox/widget/state"), {} },
            { "POST", QStringLiteral("/sandbox/seed"), { { QStringLiteral("count"), 1000 } } },
            { "POST",
              c + QStringLiteral("/expiry"),
              { { QStringLiteral("connectionExpiry"), QStringLiteral("2020-01-01T00:00:00Z") } } },
            { "POST",
              c + QStringLiteral("/next-job-failure"),
              { { QStringLiteral("code"), QStringLiteral("AC-104") } } },
            { "POST", c + QStringLiteral("/revoke"), {} },
            { "GET", QStringLiteral("/sandbox/faults"), {} },
            { "POST",
              QStringLiteral("/sandbox/faults"),
              { { QStringLiteral("server-error"), 5 } } },
            { "DELETE", QStringLiteral("/sandbox/faults"), {} },
            { "POST", QStringLiteral("/sandbox/faults/expire-tokens"), {} },
        };
    }

    EmulatorRig sb;
    QString connectionId;
};

TEST_F(SandboxControlToken, StartLineHandsOverARandomControlTokenNotOnTheCommandLine)
{
    const QByteArray token = sb.endpoint().controlToken;
    EXPECT_EQ(token.size(), 64);
    EXPECT_FALSE(QByteArray::fromHex(token).isEmpty());
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(sb.pid()));
    ASSERT_TRUE(cmdline.open(QIODevice::ReadOnly));
    EXPECT_FALSE(cmdline.readAll().contains(token)) << "argv is visible to every local user";
}

TEST_F(SandboxControlToken, ControlRoutesWithoutTheTokenAre401AndChangeNothing)
{
    const QString apiToken = sb.token(); // before expire-tokens is tried
    for (const bool wrongToken : { false, true }) {
        sb.setSendControlToken(false);
        const EmulatorRig::Headers headers = wrongToken
            ? EmulatorRig::Headers { { "X-Sandbox-Control", QByteArray(64, 'a') } }
            : EmulatorRig::Headers {};
        for (const ControlCall &call : controlCalls()) {
            const auto r = sb.request(call.method, call.path, call.body, headers);
            EXPECT_EQ(r.status, 401) << call.method.constData() << ' ' << call.path.toStdString()
                                     << (wrongToken ? " (wrong token)" : " (no token)");
            EXPECT_EQ(controlCodeOf(r), QStringLiteral("CONTROL_TOKEN_REQUIRED"))
                << r.body.toStdString();
            EXPECT_TRUE(r.json.value(QStringLiteral("error"))
                            .toObject()
                            .value(QStringLiteral("message"))
                            .toString()
                            .contains(QStringLiteral("X-Sandbox-Control")));
        }
    }
    // Nothing happened: no rows seeded, the connection is not expired, the token still works,
    // no fault armed.
    sb.setSendControlToken(true);
    const auto info = sb.request("GET", QStringLiteral("/sandbox/info"));
    ASSERT_EQ(info.status, 200) << info.body.toStdString();
    EXPECT_EQ(info.json.value(QStringLiteral("connections")).toInt(), 1);
    const auto account = sb.request("GET", QStringLiteral("/v2/accounts/") + connectionId, {},
                                    { { "Authorization", "Bearer " + apiToken.toLatin1() } });
    EXPECT_EQ(account.status, 200) << account.body.toStdString();
    EXPECT_EQ(account.json.value(QStringLiteral("account"))
                  .toObject()
                  .value(QStringLiteral("connectionStatus"))
                  .toString(),
              QStringLiteral("CONNECTED"));
    // With the token every control route answers (none of them 401).
    for (const ControlCall &call : controlCalls()) {
        const auto r = sb.request(call.method, call.path, call.body);
        EXPECT_EQ(r.status, 200) << call.method.constData() << ' ' << call.path.toStdString() << ' '
                                 << r.body.toStdString();
    }
}

TEST_F(SandboxControlToken, InfoWithoutTheControlTokenDoesNotDiscloseTheSeed)
{
    sb.setSendControlToken(false);
    const auto anonymous = sb.request("GET", QStringLiteral("/sandbox/info"));
    EXPECT_EQ(anonymous.status, 401);
    EXPECT_FALSE(anonymous.body.contains("4242")) << anonymous.body.toStdString();
    EXPECT_FALSE(anonymous.body.contains("seed")) << anonymous.body.toStdString();
    // The API credentials are not a control credential either.
    const auto withBearer = sb.request("GET", QStringLiteral("/sandbox/info"), {}, sb.bearer());
    EXPECT_EQ(withBearer.status, 401);
    EXPECT_FALSE(withBearer.body.contains("4242"));
}

TEST(SandboxCredentials, SameSeedGivesTheSameDataButDifferentCredentials)
{
    Issued issued[2];
    for (Issued &i : issued) {
        EmulatorRig sb;
        ASSERT_TRUE(sb.start(seededArgs())) << sb.lastError().toStdString();
        i = issuedBy(sb);
        ASSERT_FALSE(i.apiToken.isEmpty()) << sb.lastError().toStdString();
        ASSERT_EQ(i.connectionId.size(), 32) << sb.lastError().toStdString();
        ASSERT_EQ(i.userCode.size(), 32);
        ASSERT_FALSE(i.widgetSessionId.isEmpty());
    }
    // The data repeats …
    EXPECT_EQ(issued[0].connectionId, issued[1].connectionId);
    // … the secrets do not.
    EXPECT_NE(issued[0].apiKey, issued[1].apiKey);
    EXPECT_NE(issued[0].apiSecret, issued[1].apiSecret);
    EXPECT_NE(issued[0].controlToken, issued[1].controlToken);
    EXPECT_NE(issued[0].apiToken, issued[1].apiToken);
    EXPECT_NE(issued[0].widgetSessionId, issued[1].widgetSessionId);
    EXPECT_NE(issued[0].userCode, issued[1].userCode);
}
