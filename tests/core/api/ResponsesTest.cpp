#include "core/api/Account.h"
#include "core/api/Balance.h"
#include "core/api/Identity.h"
#include "core/api/JobCreated.h"
#include "core/api/JobStatus.h"
#include "core/api/JsonRead.h"
#include "core/api/TransactionList.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace aerodesk::api;

namespace {
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

TEST(JobStateNormalisation, EveryCasing)
{
    EXPECT_EQ(normaliseJobState(QStringLiteral("Initiated")), JobState::Initiated);
    EXPECT_EQ(normaliseJobState(QStringLiteral("initiated")), JobState::Initiated);
    EXPECT_EQ(normaliseJobState(QStringLiteral("INITIATED")), JobState::Initiated);
    EXPECT_EQ(normaliseJobState(QStringLiteral("IN_PROGRESS")), JobState::InProgress);
    EXPECT_EQ(normaliseJobState(QStringLiteral("in_progress")), JobState::InProgress);
    EXPECT_EQ(normaliseJobState(QStringLiteral("In Progress")), JobState::InProgress);
    EXPECT_EQ(normaliseJobState(QStringLiteral("Pending MFA")), JobState::PendingMfa);
    EXPECT_EQ(normaliseJobState(QStringLiteral("MFA_REQUIRED")), JobState::PendingMfa);
    EXPECT_EQ(normaliseJobState(QStringLiteral("pending_mfa")), JobState::PendingMfa);
    EXPECT_EQ(normaliseJobState(QStringLiteral("COMPLETED")), JobState::Completed);
    EXPECT_EQ(normaliseJobState(QStringLiteral("completed")), JobState::Completed);
    EXPECT_EQ(normaliseJobState(QStringLiteral("FAILED")), JobState::Failed);
    EXPECT_EQ(normaliseJobState(QStringLiteral("failed")), JobState::Failed);
    EXPECT_EQ(normaliseJobState(QStringLiteral("sleeping")), JobState::Unknown);
    EXPECT_EQ(normaliseJobState(QString()), JobState::Unknown);
}

TEST(JobStatusJson, PendingMfaWithTriggerAndUnknownKeepsRaw)
{
    auto s = JobStatus::fromJson(
        obj(R"({"status":"success","statusCode":200,"jobStatus":"Pending MFA","mfaTriggered":true,
        "jobId":"REF-1","userId":"u1","connectionId":"c1","extra":1})"));
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->state, JobState::PendingMfa);
    EXPECT_TRUE(s->mfaTriggered);
    EXPECT_TRUE(s->needsMfa());
    EXPECT_EQ(s->connectionId, QStringLiteral("c1"));

    auto u =
        JobStatus::fromJson(obj(R"({"jobStatus":"Weird","jobId":"REF-2","mfaTriggered":"true"})"));
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u->state, JobState::Unknown);
    EXPECT_EQ(u->stateRaw, QStringLiteral("Weird"));
    EXPECT_TRUE(u->needsMfa()); // mfaTriggered wins on a non-terminal state
}

TEST(JobStatusJson, FailedCarriesCatalogueError)
{
    auto s = JobStatus::fromJson(obj(
        R"({"jobStatus":"FAILED","jobId":"REF-1","error":{"code":"AC-110","message":"MFA timed out"}})"));
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->state, JobState::Failed);
    ASSERT_TRUE(s->hasError);
    EXPECT_EQ(s->error.code, QStringLiteral("AC-110"));
    EXPECT_EQ(s->error.retry, RetryPolicy::RelaunchMfa);
    EXPECT_FALSE(s->needsMfa());
    EXPECT_FALSE(JobStatus::fromJson(obj(R"({"jobId":"x"})")).ok());
}

TEST(JobCreatedJson, ReadsAnyStatusKey)
{
    for (const char *key : { "refreshStatus", "transactionStatus", "identityStatus" }) {
        QJsonObject o { { QString::fromLatin1(key), QStringLiteral("Initiated") },
                        { QStringLiteral("jobId"), QStringLiteral("IDT-1") },
                        { QStringLiteral("userId"), QStringLiteral("u") },
                        { QStringLiteral("status"), QStringLiteral("success") } };
        auto c = JobCreated::fromJson(o);
        ASSERT_TRUE(c.ok()) << key;
        EXPECT_EQ(c->statusKey, QString::fromLatin1(key));
        EXPECT_EQ(c->state, JobState::Initiated);
        EXPECT_EQ(c->connectionId, QStringLiteral("u")); // userId == connectionId when absent
    }
    EXPECT_FALSE(JobCreated::fromJson(obj(R"({"refreshStatus":"Initiated"})")).ok());
}

TEST(AccountJson, AllFieldsAndOlderRevisionTolerated)
{
    auto a = Account::fromJson(obj(
        R"json({"status":"success","account":{"accountNickname":"Checking","accountNumber":"1234567890",
        "routingNumber":"021000021","accountNumberDisplay":"7890","accountNumberType":"Non-tokenized","accountType":"CHECKING",
        "bankName":"Aerosync Bank (MFA)","institutionName":"Aerosync Bank","institutionUuid":"uuid","canFetchBalance":false,
        "connectionMethod":2,"connectionStatus":"connected","connectionExpiry":"2026-01-02T15:47:48Z","newField":{"x":1}}})json"));
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->accountType, Account::Type::Checking);
    EXPECT_EQ(a->canFetchBalance, std::optional<bool>(false));
    EXPECT_EQ(a->connectionMethod, 2);
    EXPECT_EQ(a->connectionStatus, QStringLiteral("CONNECTED"));
    EXPECT_EQ(a->connectionExpiry, QDateTime(QDate(2026, 1, 2), QTime(15, 47, 48), Qt::UTC));
    EXPECT_TRUE(a->raw.contains(QStringLiteral("newField")));

    auto old = Account::fromJson(obj(R"({"account":{"accountType":"savings","bankName":"B"}})"));
    ASSERT_TRUE(old.ok());
    EXPECT_EQ(old->accountType, Account::Type::Savings);
    EXPECT_FALSE(old->connectionExpiry.isValid());
    EXPECT_TRUE(old->connectionStatus.isEmpty());
    EXPECT_FALSE(old->canFetchBalance.has_value());
}

// Found by fuzz/ApiResponse in CI (fuzz/regressions/ApiResponse/account-connection-method-1e10):
// a connectionMethod beyond int was converted straight to int (undefined behaviour).
TEST(AccountJson, ConnectionMethodOutOfRangeIsAbsent)
{
    for (const char *method : { "9876543210", "-1", "1e300", "\"NaN\"" }) {
        const QByteArray json =
            QByteArray(R"({"account":{"bankName":"B","connectionMethod":)") + method + "}}";
        const auto a = Account::fromJson(obj(json.constData()));
        ASSERT_TRUE(a.ok()) << method;
        EXPECT_EQ(a->connectionMethod, -1) << method;
    }
    const auto a = Account::fromJson(obj(R"({"account":{"connectionMethod":"3"}})"));
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->connectionMethod, 3);
}

TEST(BalanceJson, AmountsAndZonelessTimestamp)
{
    auto b =
        Balance::fromJson(obj(R"({"account":{"availableBalance":3124.25,"currentBalance":"3100.5",
        "lastRefreshTimeStamp":"2025-03-04 05:06:07.123456","currency":"USD"}})"));
    ASSERT_TRUE(b.ok());
    EXPECT_DOUBLE_EQ(*b->availableBalance, 3124.25);
    EXPECT_DOUBLE_EQ(*b->currentBalance, 3100.5);
    EXPECT_EQ(b->lastRefresh, QDateTime(QDate(2025, 3, 4), QTime(5, 6, 7, 123), Qt::UTC));
    EXPECT_FALSE(Balance::fromJson(obj(R"({"account":{}})")).ok());
}

TEST(TransactionsAndIdentityJson, Parse)
{
    auto t = TransactionList::fromJson(
        obj(R"({"transactions":[{"id":"TRN-1","type":"CREDIT","date":"2025-01-01T00:00:00Z",
        "amount":12.5,"currency":"USD","description":"d","category":"c","subcategory":"s"}]})"));
    ASSERT_TRUE(t.ok());
    ASSERT_EQ(t->transactions.size(), 1);
    EXPECT_DOUBLE_EQ(t->transactions[0].amount, 12.5);
    EXPECT_FALSE(TransactionList::fromJson(obj(R"({"x":1})")).ok());

    auto i = Identity::fromJson(obj(R"({"identity":{"accountHolderName":"A B","address":"1 Main St",
        "address_fields":{"address1":"1 Main St","city":"X","state":"NY","region":null,"postalCode":"10001","country":"US"}}})"));
    ASSERT_TRUE(i.ok());
    EXPECT_FALSE(i->addressFields.region.has_value());
    EXPECT_EQ(i->addressFields.postalCode, QStringLiteral("10001"));
}

TEST(JsonReadTest, TolerantTypes)
{
    const QJsonObject o = obj(R"({"ttl":"1800","n":1800,"b":"TRUE","u":1700000000})");
    EXPECT_EQ(JsonRead::number(o, QStringLiteral("ttl")), std::optional<double>(1800));
    EXPECT_EQ(JsonRead::string(o, QStringLiteral("n")), QStringLiteral("1800"));
    EXPECT_EQ(JsonRead::boolean(o, QStringLiteral("b")), std::optional<bool>(true));
    EXPECT_EQ(JsonRead::instant(o, QStringLiteral("u")).toSecsSinceEpoch(), 1700000000);
    EXPECT_FALSE(JsonRead::number(o, QStringLiteral("missing")).has_value());
}

// Found by fuzz/ApiResponse (fuzz/regressions/ApiResponse/transaction-id-1e63): a number too
// large for qint64 was converted to it before the check (undefined behaviour; only UBSan saw it,
// the text was the same on x86). Now it is range-checked first.
TEST(JsonReadTest, HugeNumbersAsText)
{
    const QJsonObject o = obj(R"({"big":1.27e63,"neg":-1e300,"edge":9223372036854775808,)"
                              R"("min":-9223372036854775808,"half":2.5})");
    EXPECT_EQ(JsonRead::string(o, QStringLiteral("big")), QStringLiteral("1.27e+63"));
    EXPECT_EQ(JsonRead::string(o, QStringLiteral("neg")), QStringLiteral("-1e+300"));
    EXPECT_EQ(JsonRead::string(o, QStringLiteral("edge")), QStringLiteral("9.22337e+18"));
    EXPECT_EQ(JsonRead::string(o, QStringLiteral("min")), QStringLiteral("-9223372036854775808"));
    EXPECT_EQ(JsonRead::string(o, QStringLiteral("half")), QStringLiteral("2.5"));
}

TEST(JsonReadTest, IntegersOutsideTheirRangeAreAbsent)
{
    const QJsonObject o = obj(R"({"big":1e300,"edge":9223372036854775808,"half":2.5,)"
                              R"("text":"42","neg":-7,"nan":"NaN","secs":1e300})");
    EXPECT_FALSE(JsonRead::integer(o, QStringLiteral("big")).has_value());
    EXPECT_FALSE(JsonRead::integer(o, QStringLiteral("edge")).has_value());
    EXPECT_FALSE(JsonRead::integer(o, QStringLiteral("nan")).has_value());
    EXPECT_EQ(JsonRead::integer(o, QStringLiteral("half")), std::optional<qint64>(2));
    EXPECT_EQ(JsonRead::integer(o, QStringLiteral("text")), std::optional<qint64>(42));
    EXPECT_EQ(JsonRead::integer(o, QStringLiteral("neg")), std::optional<qint64>(-7));
    EXPECT_FALSE(JsonRead::integer(o, QStringLiteral("neg"), 0, 10).has_value());
    EXPECT_FALSE(JsonRead::integer(o, QStringLiteral("text"), 0, 10).has_value());
    EXPECT_FALSE(JsonRead::instant(o, QStringLiteral("secs")).isValid());
}
