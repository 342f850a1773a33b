#include "emulator/LinkWidgetSessions.h"

#include "core/crypto/Random.h"
#include "emulator/EmulatorWorld.h"

namespace aerodesk::emulator {

namespace {
QJsonObject event(const QString &type, const QJsonValue &payload = QJsonValue())
{
    QJsonObject e { { QStringLiteral("type"), type } };
    if (!payload.isUndefined() && !payload.isNull())
        e.insert(QStringLiteral("payload"), payload);
    return e;
}

constexpr int kKeptLaunches = 50;

QString stageName(int stage)
{
    static const char *const names[] = { "bank",  "credentials", "mfa", "question",
                                         "oauth", "manual",      "done" };
    return QString::fromLatin1(names[stage]);
}

QString promptFor(int stage, TestBank bank)
{
    switch (stage) {
    case 0:
        return QStringLiteral("Choose a test bank");
    case 1:
        return QStringLiteral("Sign in to %1 (any username and password)").arg(bankName(bank));
    case 2:
        return QStringLiteral("Enter the code sent to your phone");
    case 3:
        return QStringLiteral("What was the name of your first pet?");
    case 4:
        return QStringLiteral("Approve access in the %1 window").arg(bankName(bank));
    case 5:
        return QStringLiteral("Enter the routing and account number");
    default:
        return {};
    }
}
} // namespace

LinkWidgetSessions::LinkWidgetSessions(EmulatorWorld &world, QString clientName)
    : m_world(world)
    , m_clientName(std::move(clientName))
{
}

qint64 LinkWidgetSessions::inactivityMs() const
{
    return m_world.scaledMs(90);
}

QJsonObject LinkWidgetSessions::state() const
{
    const QString last = m_launches.isEmpty()
        ? QString()
        : m_launches.last().toObject().value(QStringLiteral("configurationId")).toString();
    return QJsonObject { { QStringLiteral("launches"), m_launches },
                         { QStringLiteral("lastConfigurationId"), last } };
}

QJsonObject LinkWidgetSessions::reply(const Session &s, const QJsonArray &events,
                                      const QString &error) const
{
    QJsonObject r { { QStringLiteral("sessionId"), s.id },
                    { QStringLiteral("state"), stageName(int(s.stage)) },
                    { QStringLiteral("events"), events } };
    // Branding: the stand-in "themes" itself with the configurationId it was launched with.
    r.insert(QStringLiteral("branding"),
             QJsonObject { { QStringLiteral("configurationId"), s.launch.configurationId },
                           { QStringLiteral("default"), s.launch.configurationId.isEmpty() } });
    const QString prompt = promptFor(int(s.stage), s.bank);
    if (!prompt.isEmpty())
        r.insert(QStringLiteral("prompt"), prompt);
    if (s.stage == Stage::Bank) {
        QJsonArray banks;
        for (TestBank b : { TestBank::Mfa, TestBank::OAuth, TestBank::SecurityQuestion })
            banks.append(bankName(b));
        r.insert(QStringLiteral("banks"), banks);
    }
    if (!error.isEmpty())
        r.insert(QStringLiteral("error"), error);
    return r;
}

QJsonObject LinkWidgetSessions::launch(const Launch &launch)
{
    Session s;
    s.id = QString::fromLatin1(crypto::Random::hex(16)); // a capability: never from --seed
    s.launch = launch;
    s.lastActivityMs = m_world.nowMs();
    QJsonArray events;
    m_launches.append(
        QJsonObject { { QStringLiteral("sessionId"), s.id },
                      { QStringLiteral("mode"),
                        launch.handleMfa                    ? QStringLiteral("mfaRelaunch")
                            : launch.connectionId.isEmpty() ? QStringLiteral("link")
                                                            : QStringLiteral("reconnect") },
                      { QStringLiteral("configurationId"), launch.configurationId } });
    while (m_launches.size() > kKeptLaunches)
        m_launches.removeFirst();
    if (launch.handleMfa) {
        EmulatedJob *job = m_world.job(launch.jobId);
        EmulatedConnection *c = m_world.connection(launch.connectionId);
        if (!job || !c || job->connectionId != c->connectionId) {
            s.stage = Stage::Done;
            m_sessions.insert(s.id, s);
            return reply(
                s,
                { event(QStringLiteral("widgetError"),
                        QStringLiteral("INVALID_REQUEST | Code: AC-100 | Message: handleMFA "
                                       "needs the jobId and connectionId of a job waiting "
                                       "for MFA")) });
        }
        s.bank = c->bank;
        s.stage = c->bank == TestBank::SecurityQuestion ? Stage::Question : Stage::Mfa;
    } else if (!launch.connectionId.isEmpty()) {
        EmulatedConnection *c = m_world.connection(launch.connectionId);
        if (!c) {
            s.stage = Stage::Done;
            m_sessions.insert(s.id, s);
            return reply(s,
                         { event(QStringLiteral("widgetError"),
                                 QStringLiteral("CONNECTION_NOT_FOUND | Code: AC-102 | Message: No "
                                                "connection with that id to reconnect")) });
        }
        s.bank = c->bank;
        s.stage = c->bank == TestBank::Manual ? Stage::Manual : Stage::Credentials;
    } else if (launch.manualLinkOnly) {
        s.bank = TestBank::Manual;
        s.stage = Stage::Manual;
    }
    events.append(
        event(QStringLiteral("widgetPageLoaded"),
              QJsonObject {
                  { QStringLiteral("pageTitle"), stageName(int(s.stage)) },
                  { QStringLiteral("onLoadApi"), QStringLiteral("/") + stageName(int(s.stage)) },
                  { QStringLiteral("configurationId"), launch.configurationId } }));
    m_sessions.insert(s.id, s);
    return reply(s, events);
}

QJsonObject LinkWidgetSessions::fail(Session &s, const QString &type, const QString &code,
                                     const QString &message)
{
    s.stage = Stage::Done;
    return reply(s,
                 { event(QStringLiteral("widgetError"),
                         QStringLiteral("%1 | Code: %2 | Message: %3").arg(type, code, message)) });
}

QJsonObject LinkWidgetSessions::lockout(Session &s)
{
    if (s.launch.handleMfa) {
        if (EmulatedJob *job = m_world.job(s.launch.jobId))
            m_world.failJob(*job, QStringLiteral("AC-108"),
                            QStringLiteral("MFA lockout: too many attempts"));
    }
    return fail(s, QStringLiteral("MFA_LOCKOUT"), QStringLiteral("AC-108"),
                QStringLiteral("Too many attempts. The account is locked; try again later"));
}

QJsonObject LinkWidgetSessions::finishLink(Session &s)
{
    s.stage = Stage::Done;
    EmulatedConnection *c = nullptr;
    if (s.launch.handleMfa) {
        EmulatedJob *job = m_world.job(s.launch.jobId);
        if (job)
            m_world.completeMfa(*job);
        c = m_world.connection(s.launch.connectionId);
    } else if (!s.launch.connectionId.isEmpty()) {
        c = m_world.connection(s.launch.connectionId);
        if (c)
            m_world.renew(*c); // reconnect keeps the id, renews the expiry
    } else {
        c = &m_world.link(s.bank, s.launch.aeroPassUserUuid);
    }
    if (!c)
        return fail(s, QStringLiteral("SERVER_ERROR"), QStringLiteral("AR-500"),
                    QStringLiteral("The connection disappeared during the session"));
    return reply(
        s,
        { event(QStringLiteral("pageSuccess"),
                QJsonObject { { QStringLiteral("connectionId"), c->connectionId },
                              { QStringLiteral("clientName"), m_clientName },
                              { QStringLiteral("aeroPassUserUuid"), c->aeroPassUserUuid } }) });
}

QJsonObject LinkWidgetSessions::afterCredentials(Session &s)
{
    switch (s.bank) {
    case TestBank::Mfa:
        s.stage = Stage::Mfa;
        break;
    case TestBank::OAuth:
        s.stage = Stage::OAuth;
        break;
    case TestBank::SecurityQuestion:
        s.stage = Stage::Question;
        break;
    case TestBank::Manual:
        s.stage = Stage::Manual;
        break;
    }
    return reply(s, {});
}

QJsonObject LinkWidgetSessions::step(const QString &sessionId, const QString &step,
                                     const QJsonObject &body, bool *found)
{
    auto it = m_sessions.find(sessionId);
    *found = it != m_sessions.end();
    if (!*found)
        return {};
    Session &s = it.value();
    const auto text = [&](const char *key) { return body.value(QLatin1String(key)).toString(); };

    if (step == QLatin1String("close")) {
        s.stage = Stage::Done;
        return reply(s, { event(QStringLiteral("widgetClose")) });
    }
    if (s.stage == Stage::Done)
        return reply(s, {}, QStringLiteral("This widget session has ended; launch a new one"));
    const qint64 now = m_world.nowMs();
    if (now - s.lastActivityMs > inactivityMs())
        return fail(s, QStringLiteral("POLLING_TIMEOUT"), QStringLiteral("AR-100"),
                    QStringLiteral("The user did not respond in time"));
    s.lastActivityMs = now;

    if (step == QLatin1String("bank") && s.stage == Stage::Bank) {
        TestBank bank;
        if (!parseBank(text("bank"), &bank) || bank == TestBank::Manual)
            return reply(s, {}, QStringLiteral("Unknown bank '%1'").arg(text("bank")));
        s.bank = bank;
        s.stage = Stage::Credentials;
        return reply(s, {});
    }
    if (step == QLatin1String("credentials") && s.stage == Stage::Credentials) {
        if (text("username").isEmpty() || text("password").isEmpty())
            return reply(s, {}, QStringLiteral("Enter a username and a password"));
        if (text("username") == QLatin1String("badcreds"))
            return fail(s, QStringLiteral("INCORRECT_CREDENTIALS"), QStringLiteral("AC-117"),
                        QStringLiteral("The username or password is incorrect"));
        return afterCredentials(s);
    }
    if (step == QLatin1String("mfa") && s.stage == Stage::Mfa) {
        const QString code = text("code");
        if (code == QLatin1String("0001")) {
            if (EmulatedJob *job = s.launch.handleMfa ? m_world.job(s.launch.jobId) : nullptr)
                m_world.failJob(*job, QStringLiteral("AC-110"),
                                QStringLiteral("MFA session timed out"));
            return fail(s, QStringLiteral("MFA_TIMEOUT"), QStringLiteral("AC-110"),
                        QStringLiteral("The MFA session timed out"));
        }
        if (code == QLatin1String("0002"))
            return lockout(s);
        if (code == QLatin1String("0004"))
            return fail(s, QStringLiteral("SERVER_ERROR"), QStringLiteral("AR-500"),
                        QStringLiteral("The bank had a server error"));
        if (code.isEmpty())
            return reply(s, {}, QStringLiteral("Enter the code"));
        return finishLink(s);
    }
    if (step == QLatin1String("answer") && s.stage == Stage::Question) {
        if (text("answer").trimmed().compare(QLatin1String("correct"), Qt::CaseInsensitive) == 0)
            return finishLink(s);
        if (++s.wrongAnswers >= 3)
            return lockout(s);
        return reply(
            s, {},
            QStringLiteral("That answer is not right (%1 of 3 attempts used)").arg(s.wrongAnswers));
    }
    if (step == QLatin1String("oauth") && s.stage == Stage::OAuth) {
        if (!body.value(QStringLiteral("approve")).toBool()) {
            s.stage = Stage::Done;
            return reply(s, { event(QStringLiteral("widgetClose")) });
        }
        return finishLink(s);
    }
    if (step == QLatin1String("manual") && s.stage == Stage::Manual) {
        const QString routing = text("routingNumber");
        const QString account = text("accountNumber");
        if (routing.size() != 9 || account.size() < 4)
            return reply(
                s, {},
                QStringLiteral("A routing number has 9 digits and an account number at least 4"));
        if (s.launch.connectionId.isEmpty()) {
            EmulatedConnection &c = m_world.link(TestBank::Manual, s.launch.aeroPassUserUuid);
            c.routingNumber = routing;
            c.accountNumber = account;
            s.launch.connectionId = c.connectionId;
        }
        s.launch.handleMfa = false;
        return finishLink(s);
    }
    return reply(s, {},
                 QStringLiteral("'%1' is not expected now; the widget is at '%2'")
                     .arg(step, stageName(int(s.stage))));
}

} // namespace aerodesk::emulator
