// The job state machine of reference section 10: Initiated -> IN_PROGRESS -> COMPLETED/FAILED,
// Pending MFA + relaunch, AC-112, AC-105, AC-110, AC-108 then 429.
#include "tests/support/EmulatorRig.h"
#include "tests/support/Wait.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using aerodesk::test::EmulatorRig;
using aerodesk::test::waitUntil;

class EmulatedJobs : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(sb.start()) << sb.lastError().toStdString(); }
    EmulatorRig::Reply create(const QString &id, const char *path)
    {
        return sb.request("POST", QStringLiteral("/v2/accounts/%1/%2").arg(id, QLatin1String(path)),
                          {}, sb.bearer());
    }
    QJsonObject poll(const QString &id, const QString &jobId)
    {
        return sb
            .request("GET", QStringLiteral("/v2/accounts/%1/job/%2").arg(id, jobId), {},
                     sb.bearer())
            .json;
    }
    QString waitFor(const QString &id, const QString &jobId, const QStringList &states,
                    int ms = 10000)
    {
        QString last;
        waitUntil(
            [&] {
                last = poll(id, jobId).value(QStringLiteral("jobStatus")).toString();
                return states.contains(last);
            },
            ms);
        return last;
    }
    static QString code(const EmulatorRig::Reply &r)
    {
        return r.json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
    QString relaunchMfa(const QString &id, const QString &jobId, const QString &stepName,
                        const QJsonObject &answer)
    {
        const QString token = sb.request("POST", QStringLiteral("/v2/token_widget"),
                                         { { QStringLiteral("apiKey"), sb.endpoint().apiKey },
                                           { QStringLiteral("apiSecret"), sb.apiSecret() } })
                                  .json.value(QStringLiteral("token"))
                                  .toString();
        const auto launch = sb.request("POST", QStringLiteral("/sandbox/widget/sessions"),
                                       { { QStringLiteral("token"), token },
                                         { QStringLiteral("handleMFA"), true },
                                         { QStringLiteral("jobId"), jobId },
                                         { QStringLiteral("connectionId"), id } });
        const QString sid = launch.json.value(QStringLiteral("sessionId")).toString();
        const auto r = sb.request(
            "POST", QStringLiteral("/sandbox/widget/sessions/%1/%2").arg(sid, stepName), answer);
        const QJsonArray events = r.json.value(QStringLiteral("events")).toArray();
        return events.isEmpty() ? QString()
                                : events.last().toObject().value(QStringLiteral("type")).toString();
    }
    EmulatorRig sb;
};

TEST_F(EmulatedJobs, EachTypeCompletesAndItsDataCanBeFetched)
{
    const QString id = sb.linkConnection(QStringLiteral("oauth")); // OAuth jobs never ask for MFA
    const struct
    {
        const char *create;
        const char *statusKey;
        const char *prefix;
        const char *fetch;
        const char *field;
    } kinds[] = { { "refresh", "refreshStatus", "REF-", "balance", "account" },
                  { "transactions", "transactionStatus", "TRN-", "transactions", "transactions" },
                  { "identity", "identityStatus", "IDT-", "identity", "identity" } };
    for (const auto &k : kinds) {
        const QString fetchPath =
            QStringLiteral("/v2/accounts/%1/%2").arg(id, QLatin1String(k.fetch));
        EXPECT_EQ(code(sb.request("GET", fetchPath, {}, sb.bearer())), QStringLiteral("AC-100"))
            << "before any job: " << k.fetch;
        const auto r = create(id, k.create);
        ASSERT_EQ(r.status, 200) << k.create;
        EXPECT_EQ(r.json.value(QLatin1String(k.statusKey)).toString(), QStringLiteral("Initiated"));
        const QString jobId = r.json.value(QStringLiteral("jobId")).toString();
        EXPECT_TRUE(jobId.startsWith(QLatin1String(k.prefix)));
        EXPECT_EQ(jobId.size(), 4 + 32);
        EXPECT_EQ(waitFor(id, jobId, { QStringLiteral("COMPLETED"), QStringLiteral("FAILED") }),
                  QStringLiteral("COMPLETED"));
        const auto data = sb.request("GET", fetchPath, {}, sb.bearer());
        ASSERT_EQ(data.status, 200) << k.fetch;
        EXPECT_FALSE(data.json.value(QLatin1String(k.field)).isUndefined()) << k.fetch;
    }
    const auto balance =
        sb.request("GET", QStringLiteral("/v2/accounts/%1/balance").arg(id), {}, sb.bearer());
    EXPECT_TRUE(balance.json.value(QStringLiteral("account"))
                    .toObject()
                    .value(QStringLiteral("currentBalance"))
                    .isDouble());
    EXPECT_EQ(balance.json.value(QStringLiteral("account"))
                  .toObject()
                  .value(QStringLiteral("currency"))
                  .toString(),
              QStringLiteral("USD"));
}

TEST_F(EmulatedJobs, PollPassesThroughInProgress)
{
    EmulatorRig slow;
    ASSERT_TRUE(slow.start(
        { QStringLiteral("--time-scale"), QStringLiteral("0.3") })); // 1 s initiated -> 0.3 s
    const QString id = slow.linkConnection(QStringLiteral("oauth"));
    const auto r =
        slow.request("POST", QStringLiteral("/v2/accounts/%1/identity").arg(id), {}, slow.bearer());
    const QString jobId = r.json.value(QStringLiteral("jobId")).toString();
    QString state;
    ASSERT_TRUE(waitUntil(
        [&] {
            state = slow.request("GET", QStringLiteral("/v2/accounts/%1/job/%2").arg(id, jobId), {},
                                 slow.bearer())
                        .json.value(QStringLiteral("jobStatus"))
                        .toString();
            return state == QLatin1String("IN_PROGRESS");
        },
        8000))
        << "last state " << state.toStdString();
}

TEST_F(EmulatedJobs, SecondJobOfTheSameTypeIsAc112NamingTheRunningJob)
{
    const QString id = sb.linkConnection(QStringLiteral("mfa")); // stays in Pending MFA
    const auto first = create(id, "transactions");
    const QString jobId = first.json.value(QStringLiteral("jobId")).toString();
    const auto second = create(id, "transactions");
    EXPECT_EQ(second.status, 409);
    EXPECT_EQ(code(second), QStringLiteral("AC-112"));
    EXPECT_TRUE(second.json.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(jobId));
    EXPECT_EQ(create(id, "identity").status, 200) << "different types may overlap";
}

TEST_F(EmulatedJobs, ManualLinkBalanceIsAc105)
{
    // A manual link through the widget stand-in.
    const QString token = sb.request("POST", QStringLiteral("/v2/token_widget"),
                                     { { QStringLiteral("apiKey"), sb.endpoint().apiKey },
                                       { QStringLiteral("apiSecret"), sb.apiSecret() } })
                              .json.value(QStringLiteral("token"))
                              .toString();
    const QString sid = sb.request("POST", QStringLiteral("/sandbox/widget/sessions"),
                                   { { QStringLiteral("token"), token },
                                     { QStringLiteral("manualLinkOnly"), true } })
                            .json.value(QStringLiteral("sessionId"))
                            .toString();
    const auto r = sb.request("POST", QStringLiteral("/sandbox/widget/sessions/%1/manual").arg(sid),
                              { { QStringLiteral("routingNumber"), QStringLiteral("021000021") },
                                { QStringLiteral("accountNumber"), QStringLiteral("99887766") } });
    const QString id = r.json.value(QStringLiteral("events"))
                           .toArray()
                           .last()
                           .toObject()
                           .value(QStringLiteral("payload"))
                           .toObject()
                           .value(QStringLiteral("connectionId"))
                           .toString();
    const auto job = create(id, "refresh");
    EXPECT_EQ(job.status, 405);
    EXPECT_EQ(code(job), QStringLiteral("AC-105"));
}

TEST_F(EmulatedJobs, MfaBankJobWaitsForMfaThenCompletesAfterRelaunch)
{
    const QString id = sb.linkConnection(QStringLiteral("mfa"));
    const QString jobId = create(id, "refresh").json.value(QStringLiteral("jobId")).toString();
    EXPECT_EQ(waitFor(id, jobId, { QStringLiteral("Pending MFA") }), QStringLiteral("Pending MFA"));
    EXPECT_TRUE(poll(id, jobId).value(QStringLiteral("mfaTriggered")).toBool());
    EXPECT_EQ(relaunchMfa(id, jobId, QStringLiteral("mfa"),
                          { { QStringLiteral("code"), QStringLiteral("4321") } }),
              QStringLiteral("pageSuccess"));
    EXPECT_EQ(waitFor(id, jobId, { QStringLiteral("COMPLETED"), QStringLiteral("FAILED") }),
              QStringLiteral("COMPLETED"));
    EXPECT_FALSE(poll(id, jobId).value(QStringLiteral("mfaTriggered")).toBool());
}

TEST_F(EmulatedJobs, SecurityQuestionAsksOnlyOnTheFirstJobAfterLinking)
{
    const QString id = sb.linkConnection(QStringLiteral("security-question"));
    const QString first = create(id, "identity").json.value(QStringLiteral("jobId")).toString();
    EXPECT_EQ(waitFor(id, first, { QStringLiteral("Pending MFA") }), QStringLiteral("Pending MFA"));
    EXPECT_EQ(relaunchMfa(id, first, QStringLiteral("answer"),
                          { { QStringLiteral("answer"), QStringLiteral("correct") } }),
              QStringLiteral("pageSuccess"));
    EXPECT_EQ(waitFor(id, first, { QStringLiteral("COMPLETED"), QStringLiteral("FAILED") }),
              QStringLiteral("COMPLETED"));
    const QString second = create(id, "identity").json.value(QStringLiteral("jobId")).toString();
    EXPECT_EQ(waitFor(id, second,
                      { QStringLiteral("COMPLETED"), QStringLiteral("FAILED"),
                        QStringLiteral("Pending MFA") }),
              QStringLiteral("COMPLETED"));
}

TEST_F(EmulatedJobs, MfaRequiredLiteralSwitch)
{
    EmulatorRig literal;
    ASSERT_TRUE(literal.start({ QStringLiteral("--time-scale"), QStringLiteral("0.05"),
                                QStringLiteral("--mfa-required-literal") }));
    const QString id = literal.linkConnection(QStringLiteral("mfa"));
    const QString jobId = literal
                              .request("POST", QStringLiteral("/v2/accounts/%1/refresh").arg(id),
                                       {}, literal.bearer())
                              .json.value(QStringLiteral("jobId"))
                              .toString();
    QString state;
    EXPECT_TRUE(waitUntil(
        [&] {
            state = literal
                        .request("GET", QStringLiteral("/v2/accounts/%1/job/%2").arg(id, jobId), {},
                                 literal.bearer())
                        .json.value(QStringLiteral("jobStatus"))
                        .toString();
            return state == QLatin1String("MFA_REQUIRED");
        },
        5000))
        << state.toStdString();
}

TEST_F(EmulatedJobs, MissedMfaWindowFailsWithAc110)
{
    EmulatorRig fast;
    ASSERT_TRUE(
        fast.start({ QStringLiteral("--time-scale"), QStringLiteral("0.005") })); // 120 s -> 0.6 s
    const QString id = fast.linkConnection(QStringLiteral("mfa"));
    const QString jobId =
        fast.request("POST", QStringLiteral("/v2/accounts/%1/refresh").arg(id), {}, fast.bearer())
            .json.value(QStringLiteral("jobId"))
            .toString();
    QJsonObject last;
    ASSERT_TRUE(waitUntil(
        [&] {
            last = fast.request("GET", QStringLiteral("/v2/accounts/%1/job/%2").arg(id, jobId), {},
                                fast.bearer())
                       .json;
            return last.value(QStringLiteral("jobStatus")).toString() == QLatin1String("FAILED");
        },
        8000));
    EXPECT_EQ(
        last.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("AC-110"));
}

TEST_F(EmulatedJobs, LockoutFailsTheJobAndRefusesCreatesWith429)
{
    const QString id = sb.linkConnection(QStringLiteral("mfa"));
    const QString jobId = create(id, "refresh").json.value(QStringLiteral("jobId")).toString();
    waitFor(id, jobId, { QStringLiteral("Pending MFA") });
    EXPECT_EQ(relaunchMfa(id, jobId, QStringLiteral("mfa"),
                          { { QStringLiteral("code"), QStringLiteral("0002") } }),
              QStringLiteral("widgetError"));
    const QJsonObject failed = poll(id, jobId);
    EXPECT_EQ(failed.value(QStringLiteral("jobStatus")).toString(), QStringLiteral("FAILED"));
    EXPECT_EQ(
        failed.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("AC-108"));
    const auto again = create(id, "transactions");
    EXPECT_EQ(again.status, 429);
    EXPECT_EQ(code(again), QStringLiteral("AC-108"));
}

TEST_F(EmulatedJobs, PlannedFailureEndsFailedWithTheCode)
{
    const QString id = sb.linkConnection(QStringLiteral("oauth"));
    sb.request("POST", QStringLiteral("/sandbox/connections/%1/next-job-failure").arg(id),
               { { QStringLiteral("code"), QStringLiteral("AC-103") } });
    const QString jobId = create(id, "identity").json.value(QStringLiteral("jobId")).toString();
    EXPECT_EQ(waitFor(id, jobId, { QStringLiteral("COMPLETED"), QStringLiteral("FAILED") }),
              QStringLiteral("FAILED"));
    EXPECT_EQ(poll(id, jobId)
                  .value(QStringLiteral("error"))
                  .toObject()
                  .value(QStringLiteral("code"))
                  .toString(),
              QStringLiteral("AC-103"));
}
