#include "core/api/ApiClient.h"

#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/LogCategories.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

namespace aerodesk::api {

namespace {
QString enc(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}
} // namespace

ApiClient::ApiClient(Environment environment, keychain::Keychain &keychain, const Clock &clock,
                     QObject *parent)
    : QObject(parent)
    , m_transport(std::move(environment), this)
    , m_keychain(keychain)
    , m_tokens(m_transport, keychain, clock, this)
{
}

void ApiClient::call(const QByteArray &method, const QString &path, const QJsonObject &body,
                     Callback<HttpResponse> done)
{
    HttpRequest req;
    req.method = method;
    req.url = environment().dataUrl(path);
    if (!body.isEmpty() || method == "POST" || method == "PATCH")
        req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    callWithToken(std::move(req), false, std::move(done));
}

void ApiClient::callWithToken(HttpRequest request, bool replayed, Callback<HttpResponse> done,
                              bool waitedForRateLimit)
{
    QPointer<ApiClient> self(this);
    m_tokens.token([self, request, replayed, done,
                    waitedForRateLimit](Result<ApiToken, ApiError> t) mutable {
        if (!self)
            return;
        if (!t.ok()) {
            if (self->waitOutRateLimit(t.error(), request, replayed, done, waitedForRateLimit))
                return;
            done(t.error());
            return;
        }
        const quint64 generation = t->generation;
        HttpRequest sent = request;
        sent.headers.append(
            { QByteArrayLiteral("Authorization"), "Bearer " + t->bytes->view().toByteArray() });
        self->m_transport.send(
            sent,
            [self, request, replayed, generation, done,
             waitedForRateLimit](Result<HttpResponse, ApiError> r) mutable {
                if (!self)
                    return;
                if (!r.ok() && r.error().hasCode("AC-001") && r.error().httpStatus == 403 &&
                    !replayed) {
                    // The token expired or was revoked: one refresh, one replay. No loop.
                    qCInfo(aerodesk::log::api) << "AC-001 with token generation" << generation
                                               << "- one fresh token, one replay";
                    self->m_tokens.invalidate(generation);
                    self->callWithToken(std::move(request), true, std::move(done));
                    return;
                }
                if (!r.ok() &&
                    self->waitOutRateLimit(r.error(), request, replayed, done, waitedForRateLimit))
                    return;
                done(std::move(r));
            });
    });
}

bool ApiClient::waitOutRateLimit(const ApiError &error, const HttpRequest &request, bool replayed,
                                 const Callback<HttpResponse> &done, bool alreadyWaited)
{
    // Told when to come back, and soon: wait once, then ask again (the token request or the
    // call itself). A longer Retry-After, none, or a second 429 goes to the caller, whose
    // message says when to try again.
    if (alreadyWaited || error.httpStatus != 429 || error.retryAfterSeconds < 0 ||
        error.retryAfterSeconds > kMaxRetryAfterSeconds)
        return false;
    qCInfo(aerodesk::log::api) << "HTTP 429 with Retry-After" << error.retryAfterSeconds
                               << "s - one replay then";
    QPointer<ApiClient> self(this);
    QTimer::singleShot(error.retryAfterSeconds * 1000, this, [self, request, replayed, done] {
        if (self)
            self->callWithToken(request, replayed, done, true);
    });
    return true;
}

void ApiClient::callWebhookApi(const QByteArray &method, const QString &path, QJsonObject body,
                               Callback<HttpResponse> done)
{
    if (!environment().merchantId.isEmpty() && !body.contains(QLatin1String("merchant_id")))
        body.insert(QStringLiteral("merchant_id"), environment().merchantId);
    QPointer<ApiClient> self(this);
    const QString keyName = QString::fromLatin1(keychain::entries::kApiKey);
    m_keychain.read(
        keyName,
        [self, method, path, body, done](const keychain::KeychainError &e,
                                         crypto::SecureBytes apiKey) {
            if (!self)
                return;
            if (!e.ok()) {
                done(ApiError::make(
                    ApiError::Kind::Credentials,
                    QStringLiteral("Could not read the apiKey for the webhook API: %1")
                        .arg(e.message)));
                return;
            }
            HttpRequest req;
            req.method = method;
            req.url = self->environment().webhookUrl(path);
            if (!body.isEmpty() || method == "POST" || method == "PATCH")
                req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            req.headers.append({ QByteArrayLiteral("x-api-key"), apiKey.view().toByteArray() });
            self->callWithToken(std::move(req), false, done);
        });
}

template<class T>
void ApiClient::typed(const QByteArray &method, const QString &path, const QJsonObject &body,
                      Callback<T> done)
{
    call(method, path, body, [done](Result<HttpResponse, ApiError> r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        done(T::fromJson(r->json));
    });
}

void ApiClient::getAccount(const QString &connectionId, Callback<Account> done)
{
    typed<Account>("GET", QStringLiteral("/v2/accounts/%1").arg(enc(connectionId)), {},
                   std::move(done));
}

void ApiClient::createJob(JobType type, const QString &connectionId, Callback<JobCreated> done,
                          const QDate &startDate, const QDate &endDate)
{
    QJsonObject body;
    if (type == JobType::Transactions) {
        if (startDate.isValid())
            body.insert(QStringLiteral("startDate"), startDate.toString(Qt::ISODate));
        if (endDate.isValid())
            body.insert(QStringLiteral("endDate"), endDate.toString(Qt::ISODate));
    }
    typed<JobCreated>(
        "POST", QStringLiteral("/v2/accounts/%1/%2").arg(enc(connectionId), jobCreatePath(type)),
        body, std::move(done));
}

void ApiClient::getJobStatus(const QString &connectionId, const QString &jobId,
                             Callback<JobStatus> done)
{
    const QString path = environment().legacyJobPath
        ? QStringLiteral("/v2/job/%1").arg(enc(jobId))
        : QStringLiteral("/v2/accounts/%1/job/%2").arg(enc(connectionId), enc(jobId));
    typed<JobStatus>("GET", path, {}, std::move(done));
}

void ApiClient::getBalance(const QString &connectionId, Callback<Balance> done)
{
    typed<Balance>("GET", QStringLiteral("/v2/accounts/%1/balance").arg(enc(connectionId)), {},
                   std::move(done));
}

void ApiClient::getTransactions(const QString &connectionId, const QString &jobId,
                                Callback<TransactionList> done)
{
    typed<TransactionList>(
        "GET",
        QStringLiteral("/v2/accounts/%1/transactions?job_id=%2").arg(enc(connectionId), enc(jobId)),
        {}, std::move(done));
}

void ApiClient::getIdentity(const QString &connectionId, Callback<Identity> done)
{
    typed<Identity>("GET", QStringLiteral("/v2/accounts/%1/identity").arg(enc(connectionId)), {},
                    std::move(done));
}

void ApiClient::deleteConnection(const QString &connectionId, Callback<HttpResponse> done)
{
    call("DELETE", QStringLiteral("/v2/accounts/%1").arg(enc(connectionId)), {}, std::move(done));
}

} // namespace aerodesk::api
