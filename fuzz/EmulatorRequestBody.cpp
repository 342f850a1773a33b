// Fuzzes the emulator's request bodies per route, without the network: the one body parser
// (emulator::EmulatorHttp::jsonObject, which every Body::Json route runs) and then the route's
// handler or the code it hands the body to. The first byte picks the route ('a' + n, or any
// byte modulo the count); the rest is the raw request body:
//   a POST /sandbox/faults                 EmulatorFaults::apply
//   b POST /sandbox/widget/sessions/<id>/<step>   LinkWidgetSessions::step, every step in turn
//   c POST /v2/accounts/<id>/{refresh,transactions,identity}   EmulatorWorld::createJob dates
//   d POST /sandbox/eb/connect-event       e POST /sandbox/eb/auth-event
//   f POST /sandbox/eb/logout (and /disconnect)   g POST /sandbox/eb/expire
//   h POST /sandbox/eb/idle-timeout
//   i POST /eb/ret/connect/<token>  (a fresh, real token)   j POST /eb/ret/auth/<attemptId>
//   k POST /webhooks (url check)           l --fault specs (EmulatorFaults::apply of a string)
// Routes whose handlers read the QHttpServerRequest itself (WebhookService, the /v2/token and
// /sandbox/seed lambdas of EmulatorServer) are reached through the parser only: Qt 6.4 has no
// public way to construct a QHttpServerRequest.

#include "core/crypto/Hex.h"
#include "core/crypto/RsaOaep.h"
#include "emulator/EmbeddedBankingService.h"
#include "emulator/EmbeddedPayloadCodec.h"
#include "emulator/EmulatorFaults.h"
#include "emulator/EmulatorHttp.h"
#include "emulator/EmulatorOptions.h"
#include "emulator/EmulatorTypes.h"
#include "emulator/EmulatorWorld.h"
#include "emulator/LinkWidgetSessions.h"
#include "emulator/WebhookService.h"
#include "fuzz/FuzzSupport.h"

#include <QJsonDocument>
#include <QUrl>

using namespace aerodesk;
using namespace aerodesk::emulator;

namespace {

/// The embedded-banking key pairs, generated once (RSA-2048 generation takes seconds).
struct Keys
{
    QString partnerPem;
    QString providerPem;
};
Keys *keys = nullptr;

/// A fresh world and service for every input, freed after it: inputs do not depend on each
/// other, and libFuzzer's leak check (which scans the heap whenever an input leaves more blocks
/// allocated than it found) stays quiet and fast.
struct Rig
{
    EmulatorOptions options;
    EmulatorWorld world;
    EmbeddedBankingService eb;
    Rig()
        : options(makeOptions())
        , world(options)
        , eb(0.001)
    {
        if (!eb.loadOrGenerateKeys(keys->partnerPem, keys->providerPem))
            std::abort();
        eb.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:4443")));
    }
    static EmulatorOptions makeOptions()
    {
        EmulatorOptions o;
        o.seed = 42;
        o.timeScale = 0.001;
        return o;
    }
};

Rig *rig = nullptr;

/// The retUrl path's last segment of a fresh event (token or attemptId), as the partner gets it
/// after decrypting the event with its key.
QString freshRetUrlId(bool connect)
{
    const QJsonObject user { { QStringLiteral("user"), QStringLiteral("fuzz-user") } };
    const QHttpServerResponse r = connect ? rig->eb.connectEvent(user) : rig->eb.authEvent(user);
    const QJsonObject event = QJsonDocument::fromJson(r.data()).object();
    auto opened = EmbeddedPayloadCodec::open(
        rig->eb.partnerKey(), event.value(QStringLiteral("payload")).toString().toLatin1(),
        QStringLiteral("'payload'"));
    if (!opened)
        return {};
    return QUrl(opened->value(QStringLiteral("retUrl")).toString()).path().section('/', -1);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureCoreApplication();
    EmbeddedBankingService generated(1.0);
    if (!generated.loadOrGenerateKeys())
        std::abort();
    keys = new Keys { QString::fromLatin1(generated.partnerKey().toPkcs8Pem().view()),
                      QString::fromLatin1(generated.providerKey().toPkcs8Pem().view()) };
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    constexpr int kRoutes = 12;
    const int route = data[0] >= 'a' && data[0] < 'a' + kRoutes ? data[0] - 'a' : data[0] % kRoutes;
    const QByteArray raw = fuzz::bytes(data + 1, size - 1);
    Rig fresh;
    rig = &fresh;
    if (route == 11) {
        EmulatorFaults faults;
        QString error;
        if (!faults.apply(QString::fromUtf8(raw), &error))
            AERODESK_FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    const auto parsed = EmulatorHttp::jsonObject(raw);
    if (!parsed) {
        AERODESK_FUZZ_CHECK(!parsed.error().isEmpty());
        (void)EmulatorHttp::badJson(QStringLiteral("AC-100"), parsed.error());
        return 0;
    }
    const QJsonObject &body = parsed.value();
    switch (route) {
    case 0: {
        EmulatorFaults faults;
        QString error;
        if (!faults.apply(body, &error))
            AERODESK_FUZZ_CHECK(!error.isEmpty());
        (void)faults.state();
        break;
    }
    case 1: {
        LinkWidgetSessions sessions(rig->world, QStringLiteral("Fuzz Client"));
        const QJsonObject launched = sessions.launch({});
        const QString id = launched.value(QStringLiteral("sessionId")).toString();
        for (const char *step :
             { "bank", "credentials", "mfa", "answer", "oauth", "manual", "close" }) {
            bool found = false;
            (void)sessions.step(id, QString::fromLatin1(step), body, &found);
        }
        (void)sessions.state();
        break;
    }
    case 2: {
        const QString id = rig->world.connectionOrder().isEmpty()
            ? rig->world.link(TestBank::Mfa, QStringLiteral("fuzz-user")).connectionId
            : rig->world.connectionOrder().first();
        (void)rig->world.createJob(id, JobType::Transactions,
                                   body.value(QStringLiteral("startDate")).toString(),
                                   body.value(QStringLiteral("endDate")).toString());
        break;
    }
    case 3:
        (void)rig->eb.connectEvent(body);
        break;
    case 4:
        (void)rig->eb.authEvent(body);
        break;
    case 5:
        (void)rig->eb.logout(body);
        break;
    case 6:
        (void)rig->eb.expire(body);
        break;
    case 7:
        (void)rig->eb.idleTimeout(body);
        break;
    case 8:
        (void)rig->eb.answerConnect(freshRetUrlId(true), body);
        break;
    case 9:
        (void)rig->eb.answerAuth(freshRetUrlId(false), body);
        break;
    case 10:
        (void)WebhookService::receiverUrlProblem(body.value(QStringLiteral("url")).toString());
        break;
    default:
        break;
    }
    return 0;
}
