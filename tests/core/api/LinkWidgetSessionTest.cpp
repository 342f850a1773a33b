// LinkWidgetSession against the real sandbox's widget stand-in over HTTPS: fresh links on the three
// test banks (a fresh widget token each), reconnect on the same connectionId, refusals, the magic
// MFA codes and the security question, and close.
#include "core/api/LinkWidgetSession.h"

#include "core/api/LinkWidgetEventDispatcher.h"
#include "tests/core/api/ClientHarness.h"

#include <QJsonArray>

using namespace aerodesk;
using api::LinkWidgetResult;
using api::LinkWidgetSession;
using api::LinkWidgetStep;
using Outcome = LinkWidgetResult::Outcome;

namespace {
struct LinkWidgetRig
{
    bool start()
    {
        if (!h.start())
            return false;
        client = h.makeClient(clock);
        session = std::make_unique<LinkWidgetSession>(*client, dispatcher);
        QObject::connect(session.get(), &LinkWidgetSession::stepReady, &ctx,
                         [this](const LinkWidgetStep &step) {
                             steps.append(step);
                             if (answer)
                                 answer(step);
                         });
        QObject::connect(session.get(), &LinkWidgetSession::finished, &ctx,
                         [this](const LinkWidgetResult &r) { results.append(r); });
        QObject::connect(session.get(), &LinkWidgetSession::refused, &ctx,
                         [this](const QString &why) { refusals.append(why); });
        QObject::connect(
            &dispatcher, &api::LinkWidgetEventDispatcher::pageSuccess, &ctx,
            [this](const api::LinkWidgetEvent::PageSuccess &s) { successes.append(s); });
        QObject::connect(&dispatcher, &api::LinkWidgetEventDispatcher::widgetClosed, &ctx,
                         [this] { ++closes; });
        QObject::connect(&client->transport(), &api::HttpTransport::requestStarted, &ctx,
                         [this](const QByteArray &method, const QString &path) {
                             requests.append(QString::fromLatin1(method) + QLatin1Char(' ') + path);
                         });
        return true;
    }

    /// Answers every prompt the way a support person testing the sandbox would.
    void answerAs(const QString &bank, const QString &code = QStringLiteral("1234"),
                  const QString &securityAnswer = QStringLiteral("correct"))
    {
        answer = [this, bank, code, securityAnswer](const LinkWidgetStep &step) {
            if (step.state == QLatin1String("bank"))
                session->chooseBank(bank);
            else if (step.state == QLatin1String("credentials"))
                session->signIn(QStringLiteral("mxuser"), QStringLiteral("challenge"));
            else if (step.state == QLatin1String("mfa"))
                session->submitMfaCode(code);
            else if (step.state == QLatin1String("question"))
                session->answerQuestion(securityAnswer);
            else if (step.state == QLatin1String("oauth"))
                session->answerOAuth(true);
        };
    }

    LinkWidgetResult wait(int before)
    {
        EXPECT_TRUE(test::waitUntil([&] { return results.size() > before; }, 30000))
            << "no finished()";
        return results.value(before);
    }

    int countRequests(const QString &suffix) const
    {
        int n = 0;
        for (const QString &r : requests)
            n += r.endsWith(suffix) ? 1 : 0;
        return n;
    }

    int sandboxConnections()
    {
        return h.sandbox.request("GET", QStringLiteral("/sandbox/info"))
            .json.value(QStringLiteral("connections"))
            .toInt(-1);
    }

    test::ClientHarness h;
    SystemClock clock;
    std::unique_ptr<api::ApiClient> client;
    api::LinkWidgetEventDispatcher dispatcher;
    std::unique_ptr<LinkWidgetSession> session;
    std::function<void(const LinkWidgetStep &)> answer;
    QObject ctx;
    QList<LinkWidgetStep> steps;
    QList<LinkWidgetResult> results;
    QStringList refusals;
    QList<api::LinkWidgetEvent::PageSuccess> successes;
    QStringList requests;
    int closes = 0;
};
} // namespace

TEST(WidgetSessionSandbox, LinksOnEveryBankWithAFreshWidgetTokenEach)
{
    LinkWidgetRig rig;
    ASSERT_TRUE(rig.start());
    const int before = rig.sandboxConnections();
    QStringList ids;
    QStringList sessionIds;
    for (const QString &bank :
         { QStringLiteral("mfa"), QStringLiteral("oauth"), QStringLiteral("security-question") }) {
        rig.answerAs(bank);
        const int n = int(rig.results.size());
        rig.session->startLink();
        EXPECT_TRUE(rig.session->isActive());
        const LinkWidgetResult r = rig.wait(n);
        ASSERT_EQ(r.outcome, Outcome::Linked)
            << bank.toStdString() << ": " << r.message.toStdString();
        EXPECT_FALSE(r.success.connectionId.isEmpty());
        EXPECT_FALSE(r.success.aeroPassUserUuid.isEmpty());
        EXPECT_FALSE(rig.session->isActive());
        ids.append(r.success.connectionId);
        sessionIds.append(rig.session->sessionId());
        // The connection is real: the data API knows it.
        auto account = test::await<api::Account>(
            [&](auto cb) { rig.client->getAccount(r.success.connectionId, cb); });
        ASSERT_TRUE(account && account->ok()) << bank.toStdString();
        EXPECT_EQ((*account)->connectionStatus, QStringLiteral("CONNECTED"));
    }
    // One widget token per session (a reused one would have been refused with AC-001).
    EXPECT_EQ(rig.countRequests(QStringLiteral("/v2/token_widget")), 3);
    EXPECT_EQ(rig.countRequests(QStringLiteral(" /sandbox/widget/sessions")), 3);
    EXPECT_EQ(QSet<QString>(ids.begin(), ids.end()).size(), 3);
    EXPECT_EQ(QSet<QString>(sessionIds.begin(), sessionIds.end()).size(), 3);
    ASSERT_EQ(rig.successes.size(), 3); // every pageSuccess went through the dispatcher
    EXPECT_EQ(rig.successes.at(1).connectionId, ids.at(1));
    EXPECT_EQ(rig.sandboxConnections(), before + 3);
    // The first answer was the bank picker, with the three test banks.
    ASSERT_FALSE(rig.steps.isEmpty());
    EXPECT_EQ(rig.steps.first().state, QStringLiteral("bank"));
    EXPECT_EQ(rig.steps.first().banks.size(), 3);
}

TEST(WidgetSessionSandbox, WrongSecurityAnswerIsAskedAgain)
{
    LinkWidgetRig rig;
    ASSERT_TRUE(rig.start());
    int questions = 0;
    rig.answerAs(QStringLiteral("security-question"));
    auto base = rig.answer;
    rig.answer = [&](const LinkWidgetStep &step) {
        if (step.state == QLatin1String("question"))
            rig.session->answerQuestion(++questions == 1 ? QStringLiteral("Rex")
                                                         : QStringLiteral("correct"));
        else
            base(step);
    };
    rig.session->startLink();
    const LinkWidgetResult r = rig.wait(0);
    EXPECT_EQ(r.outcome, Outcome::Linked) << r.message.toStdString();
    EXPECT_EQ(questions, 2);
    EXPECT_FALSE(
        rig.steps.last().error.isEmpty()); // "That answer is not right (1 of 3 attempts used)"
    EXPECT_EQ(rig.steps.last().state, QStringLiteral("question"));
}

TEST(WidgetSessionSandbox, ReconnectKeepsTheSameConnectionAndNeverLinks)
{
    LinkWidgetRig rig;
    ASSERT_TRUE(rig.start());
    const QString c = rig.h.sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty()) << rig.h.sandbox.lastError().toStdString();
    const auto expired =
        rig.h.sandbox.request("POST", QStringLiteral("/sandbox/connections/%1/expiry").arg(c),
                              QJsonObject { { QStringLiteral("connectionExpiry"),
                                              QStringLiteral("2020-01-01T00:00:00Z") } });
    ASSERT_EQ(expired.status, 200) << expired.body.toStdString();
    const int before = rig.sandboxConnections();

    rig.answerAs(QStringLiteral("oauth")); // would pick a bank if asked: it must not be asked
    rig.session->startReconnect(c);
    const LinkWidgetResult r = rig.wait(0);
    ASSERT_EQ(r.outcome, Outcome::Linked) << r.message.toStdString();
    EXPECT_EQ(r.success.connectionId, c);
    EXPECT_EQ(rig.session->mode(), LinkWidgetSession::Mode::Reconnect);
    ASSERT_FALSE(rig.steps.isEmpty());
    EXPECT_EQ(rig.steps.first().state, QStringLiteral("credentials")); // no bank picker
    EXPECT_EQ(rig.countRequests(QStringLiteral("/bank")), 0);
    EXPECT_EQ(rig.sandboxConnections(), before); // no new connection
    auto account = test::await<api::Account>([&](auto cb) { rig.client->getAccount(c, cb); });
    ASSERT_TRUE(account && account->ok());
    EXPECT_EQ((*account)->connectionStatus, QStringLiteral("CONNECTED"));
    EXPECT_GT((*account)->connectionExpiry, QDateTime::currentDateTimeUtc());
}

TEST(WidgetSessionSandbox, IncompleteLaunchesAreRefusedWithoutARequest)
{
    LinkWidgetRig rig;
    ASSERT_TRUE(rig.start());
    rig.session->startReconnect(QStringLiteral("  "));
    EXPECT_TRUE(rig.results.isEmpty()); // never inside the call
    LinkWidgetResult r = rig.wait(0);
    EXPECT_EQ(r.outcome, Outcome::Refused);
    EXPECT_TRUE(r.message.contains(QStringLiteral("never starts a new link")))
        << r.message.toStdString();
    rig.session->startMfaRelaunch(QStringLiteral("REF-1"), QString());
    r = rig.wait(1);
    EXPECT_EQ(r.outcome, Outcome::Refused);
    // A step with no session open is refused too.
    rig.session->submitMfaCode(QStringLiteral("1234"));
    ASSERT_TRUE(test::waitUntil([&] { return !rig.refusals.isEmpty(); }, 5000));
    EXPECT_TRUE(rig.requests.isEmpty()) << rig.requests.join(QLatin1Char(',')).toStdString();
}

TEST(WidgetSessionSandbox, StepsWhileBusyAreRefused)
{
    LinkWidgetRig rig;
    ASSERT_TRUE(rig.start());
    rig.answerAs(QStringLiteral("oauth"));
    rig.session->startLink();
    rig.session->startLink(); // already open
    rig.session->chooseBank(QStringLiteral("oauth")); // launch still under way
    ASSERT_TRUE(test::waitUntil([&] { return rig.refusals.size() == 2; }, 5000));
    const LinkWidgetResult r = rig.wait(0);
    EXPECT_EQ(r.outcome, Outcome::Linked) << r.message.toStdString();
    EXPECT_EQ(rig.countRequests(QStringLiteral("/v2/token_widget")), 1);
}

TEST(WidgetSessionSandbox, MagicValuesEndWithCatalogueErrors)
{
    LinkWidgetRig rig;
    ASSERT_TRUE(rig.start());
    rig.answerAs(QStringLiteral("mfa"), QStringLiteral("0001"));
    rig.session->startLink();
    LinkWidgetResult r = rig.wait(0);
    EXPECT_EQ(r.outcome, Outcome::WidgetError);
    EXPECT_EQ(r.error.code, QStringLiteral("AC-110"));
    EXPECT_EQ(r.error.widgetType, QStringLiteral("MFA_TIMEOUT"));
    EXPECT_EQ(r.error.retry, api::RetryPolicy::RelaunchMfa);

    rig.answerAs(QStringLiteral("mfa"), QStringLiteral("0002"));
    rig.session->startLink();
    r = rig.wait(1);
    EXPECT_EQ(r.error.code, QStringLiteral("AC-108"));
    EXPECT_EQ(r.error.retry, api::RetryPolicy::Never);

    rig.answer = [&](const LinkWidgetStep &step) {
        if (step.state == QLatin1String("bank"))
            rig.session->chooseBank(QStringLiteral("mfa"));
        else if (step.state == QLatin1String("credentials"))
            rig.session->signIn(QStringLiteral("badcreds"), QStringLiteral("x"));
    };
    rig.session->startLink();
    r = rig.wait(2);
    EXPECT_EQ(r.outcome, Outcome::WidgetError);
    EXPECT_EQ(r.error.code, QStringLiteral("AC-117"));
    EXPECT_TRUE(rig.successes.isEmpty());
}

TEST(WidgetSessionSandbox, CloseEndsWithWidgetClose)
{
    LinkWidgetRig rig;
    ASSERT_TRUE(rig.start());
    rig.answer = [&](const LinkWidgetStep &step) {
        if (step.state == QLatin1String("bank"))
            rig.session->close();
    };
    rig.session->startLink();
    const LinkWidgetResult r = rig.wait(0);
    EXPECT_EQ(r.outcome, Outcome::Closed) << r.message.toStdString();
    EXPECT_EQ(rig.closes, 1);
    EXPECT_EQ(rig.countRequests(QStringLiteral("/close")), 1);
}
