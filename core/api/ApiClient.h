#pragma once

#include "core/api/Account.h"
#include "core/api/ApiError.h"
#include "core/api/Balance.h"
#include "core/api/Environment.h"
#include "core/api/HttpTransport.h"
#include "core/api/Identity.h"
#include "core/api/JobCreated.h"
#include "core/api/JobStatus.h"
#include "core/api/JobType.h"
#include "core/api/TokenProvider.h"
#include "core/api/TransactionList.h"
#include "core/util/Clock.h"
#include "core/util/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::api {

/// The Aerosync client of one environment. Every call is asynchronous: the callback runs later
/// on this object's thread with a typed Result (never inside the call). Every data call carries
/// the Bearer token from the TokenProvider; a 403 AC-001 invalidates that token, gets ONE fresh
/// one and replays the call ONCE; a second AC-001 is returned as the error (no loop).
class ApiClient : public QObject
{
    Q_OBJECT
public:
    template<class T> using Callback = std::function<void(Result<T, ApiError>)>;

    /// `keychain` is the environment's profile; `clock` drives token refresh.
    ApiClient(Environment environment, keychain::Keychain &keychain, const Clock &clock,
              QObject *parent = nullptr);

    const Environment &environment() const { return m_transport.environment(); }
    HttpTransport &transport() { return m_transport; }
    TokenProvider &tokens() { return m_tokens; }

    /// Any data-API call: `path` is absolute ("/v2/accounts/…"); `body` is sent when non-empty
    /// or for POST/PATCH.
    void call(const QByteArray &method, const QString &path, const QJsonObject &body,
              Callback<HttpResponse> done);
    /// A webhook-management call (webhookBaseUrl; Bearer + x-api-key; merchant_id added to
    /// the body when the environment has one).
    void callWebhookApi(const QByteArray &method, const QString &path, QJsonObject body,
                        Callback<HttpResponse> done);

    void getAccount(const QString &connectionId, Callback<Account> done);
    /// Creates a job; `startDate`/`endDate` only for transactions (invalid dates: the default
    /// 90-day window).
    void createJob(JobType type, const QString &connectionId, Callback<JobCreated> done,
                   const QDate &startDate = {}, const QDate &endDate = {});
    void getJobStatus(const QString &connectionId, const QString &jobId, Callback<JobStatus> done);
    void getBalance(const QString &connectionId, Callback<Balance> done);
    void getTransactions(const QString &connectionId, const QString &jobId,
                         Callback<TransactionList> done);
    void getIdentity(const QString &connectionId, Callback<Identity> done);
    /// DELETE /v2/accounts/{connectionId} (sandbox; not documented publicly).
    void deleteConnection(const QString &connectionId, Callback<HttpResponse> done);

private:
    /// The longest Retry-After a call waits out by itself (once) before it reports the 429.
    static constexpr int kMaxRetryAfterSeconds = 10;
    void callWithToken(HttpRequest request, bool replayed, Callback<HttpResponse> done,
                       bool waitedForRateLimit = false);
    /// Schedules one replay after a short Retry-After of a 429; false when it does not apply.
    bool waitOutRateLimit(const ApiError &error, const HttpRequest &request, bool replayed,
                          const Callback<HttpResponse> &done, bool alreadyWaited);
    template<class T>
    void typed(const QByteArray &method, const QString &path, const QJsonObject &body,
               Callback<T> done);

    HttpTransport m_transport;
    keychain::Keychain &m_keychain;
    TokenProvider m_tokens;
};

} // namespace aerodesk::api
