#include "emulator/EmulatorServer.h"

#include "core/crypto/Random.h"
#include "emulator/EmulatorHttp.h"
#include "emulator/EmulatorRoutes.h"
#include "emulator/EmulatorTlsServer.h"
#include "emulator/IssuedSecretsLog.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QThread>

#include <openssl/crypto.h>

namespace aerodesk::emulator {

using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponse::StatusCode;

namespace {
QJsonObject ok(QJsonObject body)
{
    body.insert(QStringLiteral("status"), QStringLiteral("success"));
    body.insert(QStringLiteral("statusCode"), 200);
    return body;
}

/// `o` plus the bank and connection fields every data GET repeats.
QJsonObject withBank(QJsonObject o, const EmulatedConnection &c)
{
    o.insert(QStringLiteral("bankName"), bankName(c.bank));
    o.insert(QStringLiteral("institutionName"), bankName(c.bank));
    o.insert(QStringLiteral("institutionUuid"), c.institutionUuid);
    o.insert(QStringLiteral("userId"), c.connectionId);
    o.insert(QStringLiteral("connectionId"), c.connectionId);
    return o;
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate); // 2026-01-02T15:47:48Z
}

QString stateLiteral(EmulatorWorld::JobState s, bool mfaRequiredLiteral)
{
    switch (s) {
    case EmulatorWorld::JobState::Initiated:
        return QStringLiteral("Initiated");
    case EmulatorWorld::JobState::InProgress:
        return QStringLiteral("IN_PROGRESS");
    case EmulatorWorld::JobState::PendingMfa:
        return mfaRequiredLiteral ? QStringLiteral("MFA_REQUIRED") : QStringLiteral("Pending MFA");
    case EmulatorWorld::JobState::Completed:
        return QStringLiteral("COMPLETED");
    case EmulatorWorld::JobState::Failed:
        return QStringLiteral("FAILED");
    }
    return {};
}

QHttpServerResponse notFound()
{
    return EmulatorHttp::error(Status::NotFound, QStringLiteral("AC-102"),
                               QStringLiteral("No connection with that id was found"));
}

QHttpServerResponse status(int http, const QString &code, const QString &message)
{
    return EmulatorHttp::error(static_cast<Status>(http), code, message);
}

/// What the data API and the sandbox's own paths answer a body that is not a JSON object with.
const QString kBadRequest = QStringLiteral("AC-100");
using Body = EmulatorRoutes::Body;
} // namespace

EmulatorServer::EmulatorServer(EmulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_world(m_options)
    , m_widget(m_world, m_options.clientName)
{
    // Credentials come from the CSPRNG, never from the --seed engine (which only makes the data
    // reproducible): two sandboxes started with the same seed issue different credentials.
    m_apiKey = m_options.apiKey.isEmpty()
        ? QStringLiteral("sandbox-key-") + QString::fromLatin1(crypto::Random::hex(8))
        : m_options.apiKey;
    m_apiSecret = m_options.apiSecret.isEmpty()
        ? QStringLiteral("sandbox-secret-") + QString::fromLatin1(crypto::Random::hex(16))
        : m_options.apiSecret;
    m_controlToken = crypto::Random::hex(kControlTokenBytes);
    IssuedSecretsLog::record(m_apiKey.toUtf8());
    IssuedSecretsLog::record(m_apiSecret.toUtf8());
    IssuedSecretsLog::record(m_controlToken);
    const Authorizer bearerOnly = [this](const QHttpServerRequest &r) { return authorize(r); };
    // The webhook management API wants the Bearer token and the x-api-key header.
    const Authorizer bearerAndKey =
        [this](const QHttpServerRequest &r) -> std::optional<QHttpServerResponse> {
        if (auto refusal = authorize(r))
            return refusal;
        if (QString::fromLatin1(r.value("x-api-key")) != m_apiKey)
            return status(403, QStringLiteral("AC-001"),
                          QStringLiteral("Missing or wrong x-api-key header"));
        return std::nullopt;
    };
    m_webhooks = new WebhookService(bearerAndKey, m_options.timeScale, m_options.seed, this);
    m_eb = new EmbeddedBankingService(m_options.timeScale, this);
    m_eb->setAuthorizer(bearerOnly);
    m_webhooks->registerRoutes(m_server);
    m_eb->registerRoutes(m_server);
    m_sweep.setInterval(int(qBound(qint64(20), m_world.scaledMs(0.5), qint64(500))));
    connect(&m_sweep, &QTimer::timeout, this, &EmulatorServer::publishJobEvents);
    routeTokens();
    routeAccounts();
    routeJobs();
    routeWidget();
    routeControl();
    EmulatorRoutes::setNotFoundHandler(m_server);
    EmulatorRoutes::stampAnswers(m_server);
}

void EmulatorServer::setEmbeddedKeys(const QString &partnerKey, const QString &providerKey)
{
    m_partnerKey = partnerKey;
    m_providerKey = providerKey;
}

bool EmulatorServer::start(QString *error, const std::optional<SelfSignedCertificate> &certificate)
{
    if (!m_eb->loadOrGenerateKeys(m_partnerKey, m_providerKey)) {
        if (error)
            *error = QStringLiteral("embedded-banking keys: %1").arg(m_eb->lastError());
        return false;
    }
    if (certificate) {
        m_certificate = *certificate;
    } else {
        m_certificate = SelfSignedCertificate::generate(error);
        if (m_certificate.isNull())
            return false;
    }
    const QSslCertificate cert(m_certificate.certificatePem, QSsl::Pem);
    QSslKey key(m_certificate.privateKeyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(m_certificate.privateKeyPem, QSsl::Rsa, QSsl::Pem); // --cert/--key may be RSA
    if (cert.isNull() || key.isNull()) {
        if (error)
            *error = QStringLiteral("the TLS certificate or key could not be loaded");
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(cert);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    netguard::HttpConnectionGuard::Limits limits;
    limits.requestTimeoutMs = m_options.requestTimeoutMs;
    auto *listener = new EmulatorTlsServer([this] { return m_faults.takeDrop(); }, limits);
    listener->setSslConfiguration(tls);
    if (listener->listen(QHostAddress::LocalHost, m_options.port))
        m_port = listener->serverPort();
    if (m_port == 0) {
        delete listener;
        m_port = 0;
        if (error)
            *error =
                QStringLiteral("cannot listen on 127.0.0.1:%1 (port in use?)").arg(m_options.port);
        return false;
    }
    m_server.bind(listener); // takes ownership
    m_eb->setBaseUrl(baseUrl()); // retUrls carry the real port
    m_sweep.start();
    return true;
}

QUrl EmulatorServer::baseUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
}

QJsonObject EmulatorServer::startLine() const
{
    return QJsonObject {
        { QStringLiteral("event"), QStringLiteral("ready") },
        { QStringLiteral("baseUrl"), baseUrl().toString() },
        { QStringLiteral("webhookBaseUrl"), baseUrl().toString() },
        { QStringLiteral("certSha256"), QString::fromLatin1(m_certificate.sha256Hex) },
        { QStringLiteral("certPem"), QString::fromLatin1(m_certificate.certificatePem) },
        { QStringLiteral("apiKey"), m_apiKey },
        { QStringLiteral("apiSecret"), m_apiSecret },
        { QStringLiteral("controlToken"), QString::fromLatin1(m_controlToken) },
        { QStringLiteral("pid"), QCoreApplication::applicationPid() },
        { QStringLiteral("version"), QCoreApplication::applicationVersion() }
    };
}

std::optional<QHttpServerResponse> EmulatorServer::injectedFault()
{
    // Latency blocks the (single-threaded) sandbox: the whole server is slow, like an
    // overloaded one. Capped at 30 s by EmulatorFaults.
    if (m_faults.latencyMs() > 0)
        QThread::msleep(ulong(m_faults.latencyMs()));
    return m_faults.next();
}

std::optional<QHttpServerResponse> EmulatorServer::authorize(const QHttpServerRequest &request)
{
    if (request.url().path().startsWith(QLatin1String("/v2/"))) {
        if (auto fault = injectedFault())
            return fault;
    }
    const QByteArray header = request.value("Authorization");
    QByteArray token;
    if (header.startsWith("Bearer "))
        token = header.mid(7).trimmed();
    QJsonObject claims;
    switch (m_tokens.check(token, &claims)) {
    case TokenIssuer::Check::Valid:
        if (claims.value(QStringLiteral("widget")).toBool())
            return status(403, QStringLiteral("AC-001"),
                          QStringLiteral("A widget token cannot call the data API"));
        return std::nullopt;
    case TokenIssuer::Check::Missing:
        return status(403, QStringLiteral("AC-001"), QStringLiteral("Missing bearer token"));
    case TokenIssuer::Check::Expired:
        return status(403, QStringLiteral("AC-001"), QStringLiteral("The token has expired"));
    default:
        return status(403, QStringLiteral("AC-001"), QStringLiteral("Invalid bearer token"));
    }
}

EmulatorRoutes EmulatorServer::openRoutes()
{
    return EmulatorRoutes(m_server, kBadRequest);
}

std::optional<QHttpServerResponse>
EmulatorServer::authorizeControl(const QHttpServerRequest &request) const
{
    const QByteArray presented = request.value(kControlHeader);
    // Constant time: the comparison does not tell how much of a guess was right.
    if (presented.size() == m_controlToken.size() &&
        CRYPTO_memcmp(presented.constData(), m_controlToken.constData(),
                      size_t(m_controlToken.size())) == 0)
        return std::nullopt;
    return status(401, QStringLiteral("CONTROL_TOKEN_REQUIRED"),
                  presented.isEmpty()
                      ? QStringLiteral("This is a sandbox control route: send the controlToken "
                                       "from the sandbox's start line in the %1 header.")
                            .arg(QString::fromLatin1(kControlHeader))
                      : QStringLiteral("The %1 header does not carry this sandbox's "
                                       "controlToken.")
                            .arg(QString::fromLatin1(kControlHeader)));
}

EmulatorRoutes EmulatorServer::controlRoutes()
{
    return EmulatorRoutes(m_server, kBadRequest,
                          [this](const QHttpServerRequest &r) { return authorizeControl(r); });
}

EmulatorRoutes EmulatorServer::bearerRoutes()
{
    return EmulatorRoutes(m_server, kBadRequest,
                          [this](const QHttpServerRequest &r) { return authorize(r); });
}

void EmulatorServer::routeTokens()
{
    const auto checkCredentials =
        [this](const QJsonObject &body) -> std::optional<QHttpServerResponse> {
        const QJsonValue key = body.value(QStringLiteral("apiKey"));
        const QJsonValue secret = body.value(QStringLiteral("apiSecret"));
        if (!key.isString() || !secret.isString() || key.toString().isEmpty() ||
            secret.toString().isEmpty())
            return status(400, QStringLiteral("AC-100"),
                          QStringLiteral("apiKey and apiSecret are required strings"));
        if (key.toString() != m_apiKey || secret.toString() != m_apiSecret)
            return status(401, QStringLiteral("AC-101"),
                          QStringLiteral("Invalid apiKey or apiSecret"));
        return std::nullopt;
    };
    // API token requests are counted, and see injected faults, before their body is read.
    EmulatorRoutes counted(m_server, kBadRequest, [this](const QHttpServerRequest &) {
        ++m_tokenRequests;
        return injectedFault();
    });
    counted.add(Method::Post, QStringLiteral("/v2/token"), Body::Json,
                [this, checkCredentials](const EmulatorRequest &request) {
                    if (auto refusal = checkCredentials(request.body))
                        return std::move(*refusal);
                    const QByteArray token = m_tokens.issueApiToken(m_apiKey, m_options.clientName,
                                                                    m_options.tokenTtlSeconds);
                    return EmulatorHttp::json(
                        ok({ { QStringLiteral("TTL"), QString::number(m_options.tokenTtlSeconds) },
                             { QStringLiteral("token"), QString::fromLatin1(token) } }));
                });
    EmulatorRoutes routes = openRoutes();
    routes.add(
        Method::Post, QStringLiteral("/v2/token_widget"), Body::Json,
        [this, checkCredentials](const EmulatorRequest &request) {
            const QJsonObject &body = request.body;
            if (auto refusal = checkCredentials(body))
                return std::move(*refusal);
            const QString uuid = body.value(QStringLiteral("aeroPassUserUuid")).toString();
            QString userId = m_world.randomHex(16);
            if (!uuid.isEmpty()) {
                bool known = false;
                for (const QString &id : m_world.connectionOrder()) {
                    if (m_world.connection(id)->aeroPassUserUuid == uuid) {
                        known = true;
                        break;
                    }
                }
                if (!known)
                    return status(404, QStringLiteral("AC-102"),
                                  QStringLiteral("No AeroPass user with that aeroPassUserUuid"));
            }
            const QByteArray token =
                m_tokens.issueWidgetToken(m_apiKey, m_options.clientName, userId);
            return EmulatorHttp::json(ok({ { QStringLiteral("token"), QString::fromLatin1(token) },
                                           { QStringLiteral("userId"), userId } }));
        });
}

QJsonObject EmulatorServer::accountJson(const EmulatedConnection &c) const
{
    const bool tokenized = c.bank == TestBank::OAuth;
    return QJsonObject {
        { QStringLiteral("accountNickname"), bankName(c.bank) + QLatin1Char(' ') + c.accountType },
        { QStringLiteral("accountNumber"), c.accountNumber },
        { QStringLiteral("routingNumber"), c.routingNumber },
        { QStringLiteral("accountNumberDisplay"), c.accountNumber.right(4) },
        { QStringLiteral("accountNumberType"),
          tokenized ? QStringLiteral("Tokenized") : QStringLiteral("Non-tokenized") },
        { QStringLiteral("accountType"), c.accountType },
        { QStringLiteral("bankName"), bankName(c.bank) },
        { QStringLiteral("institutionName"), bankName(c.bank) },
        { QStringLiteral("institutionUuid"), c.institutionUuid },
        { QStringLiteral("canFetchBalance"), c.canFetchBalance() },
        { QStringLiteral("connectionMethod"), c.connectionMethod() },
        { QStringLiteral("connectionStatus"),
          m_world.isExpired(c) ? QStringLiteral("EXPIRED") : QStringLiteral("CONNECTED") },
        { QStringLiteral("connectionExpiry"), iso(c.expiry) },
        { QStringLiteral("userId"), c.connectionId },
        { QStringLiteral("connectionId"), c.connectionId }
    };
}

void EmulatorServer::routeAccounts()
{
    EmulatorRoutes data = bearerRoutes();
    data.add(Method::Get, QStringLiteral("/v2/accounts/<arg>"), Body::Ignored,
             [this](const EmulatorRequest &request) {
                 const EmulatedConnection *c = m_world.connection(request.arg(0));
                 if (!c)
                     return notFound();
                 return EmulatorHttp::json(ok({ { QStringLiteral("account"), accountJson(*c) } }));
             });
    data.add(Method::Delete, QStringLiteral("/v2/accounts/<arg>"), Body::Ignored,
             [this](const EmulatorRequest &request) {
                 if (!m_world.remove(request.arg(0)))
                     return notFound();
                 return EmulatorHttp::json(
                     ok({ { QStringLiteral("message"), QStringLiteral("Connection deleted") } }));
             });
}

QJsonObject EmulatorServer::jobStatusJson(EmulatedJob &job)
{
    const EmulatorWorld::JobState s = m_world.stateOf(job);
    QJsonObject body =
        ok({ { QStringLiteral("jobStatus"), stateLiteral(s, m_options.mfaRequiredLiteral) },
             { QStringLiteral("mfaTriggered"), s == EmulatorWorld::JobState::PendingMfa },
             { QStringLiteral("jobId"), job.jobId },
             { QStringLiteral("userId"), job.connectionId },
             { QStringLiteral("connectionId"), job.connectionId } });
    if (s == EmulatorWorld::JobState::PendingMfa)
        body.insert(
            QStringLiteral("mfaExpiresInSeconds"),
            double(job.mfaAtMs + m_world.mfaWindowMs() - (m_world.nowMs() - job.createdMs)) /
                1000.0);
    if (s == EmulatorWorld::JobState::Failed)
        body.insert(QStringLiteral("error"),
                    QJsonObject { { QStringLiteral("code"), job.failureCode },
                                  { QStringLiteral("message"), job.failureMessage } });
    return body;
}

void EmulatorServer::routeJobs()
{
    EmulatorRoutes data = bearerRoutes();
    const auto create = [this](JobType type) {
        return [this, type](const EmulatorRequest &request) {
            const QString &id = request.arg(0);
            const QJsonObject &body = request.body;
            const auto result =
                m_world.createJob(id, type, body.value(QStringLiteral("startDate")).toString(),
                                  body.value(QStringLiteral("endDate")).toString());
            if (!result.job)
                return status(result.httpStatus, result.code, result.message);
            publishJob(*result.job, EmulatorWorld::JobState::Initiated);
            return EmulatorHttp::json(ok({ { jobStatusKey(type), QStringLiteral("Initiated") },
                                           { QStringLiteral("jobId"), result.job->jobId },
                                           { QStringLiteral("userId"), id },
                                           { QStringLiteral("connectionId"), id } }));
        };
    };
    data.add(Method::Post, QStringLiteral("/v2/accounts/<arg>/refresh"), Body::Json,
             create(JobType::Balance));
    data.add(Method::Post, QStringLiteral("/v2/accounts/<arg>/transactions"), Body::Json,
             create(JobType::Transactions));
    data.add(Method::Post, QStringLiteral("/v2/accounts/<arg>/identity"), Body::Json,
             create(JobType::Identity));

    const auto poll = [this](const QString &connectionId, const QString &jobId) {
        EmulatedJob *job = m_world.job(jobId);
        if (!job || (!connectionId.isEmpty() && job->connectionId != connectionId))
            return status(404, QStringLiteral("AC-102"),
                          QStringLiteral("No job with that id on this connection"));
        return EmulatorHttp::json(jobStatusJson(*job));
    };
    data.add(Method::Get, QStringLiteral("/v2/accounts/<arg>/job/<arg>"), Body::Ignored,
             [poll](const EmulatorRequest &r) { return poll(r.arg(0), r.arg(1)); });
    data.add(Method::Get, QStringLiteral("/v2/job/<arg>"), Body::Ignored,
             [poll](const EmulatorRequest &r) { return poll(QString(), r.arg(0)); });

    // Data GETs: dataGate() authorizes them and checks the connection and its completed job;
    // `answer` builds the body from the connection.
    const auto dataGet = [this](JobType type,
                                std::function<QJsonObject(const EmulatedConnection &)> answer) {
        return [this, type, answer = std::move(answer)](const EmulatorRequest &request) {
            if (auto refusal = dataGate(request.arg(0), type, request.http))
                return std::move(*refusal);
            return EmulatorHttp::json(ok(answer(*m_world.connection(request.arg(0)))));
        };
    };
    EmulatorRoutes gated = openRoutes();
    gated.add(
        Method::Get, QStringLiteral("/v2/accounts/<arg>/balance"), Body::Ignored,
        dataGet(JobType::Balance, [](const EmulatedConnection &c) {
            const QString refreshed = QDateTime::currentDateTimeUtc().toString(
                QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz000"));
            const QJsonObject account { { QStringLiteral("availableBalance"), c.balance },
                                        { QStringLiteral("currentBalance"), c.balance },
                                        { QStringLiteral("lastRefreshTimeStamp"), refreshed },
                                        { QStringLiteral("currency"), QStringLiteral("USD") } };
            return QJsonObject { { QStringLiteral("account"), withBank(account, c) } };
        }));
    gated.add(Method::Get, QStringLiteral("/v2/accounts/<arg>/transactions"), Body::Ignored,
              dataGet(JobType::Transactions, [this](const EmulatedConnection &c) {
                  return QJsonObject { { QStringLiteral("transactions"),
                                         m_world.transactions(c.connectionId) } };
              }));
    gated.add(Method::Get, QStringLiteral("/v2/accounts/<arg>/identity"), Body::Ignored,
              dataGet(JobType::Identity, [](const EmulatedConnection &c) {
                  const QJsonObject fields {
                      { QStringLiteral("address1"), QStringLiteral("100 Sandbox Way") },
                      { QStringLiteral("address2"), QStringLiteral("Suite 5") },
                      { QStringLiteral("city"), QStringLiteral("Springfield") },
                      { QStringLiteral("state"), QStringLiteral("IL") },
                      { QStringLiteral("region"), QJsonValue::Null },
                      { QStringLiteral("postalCode"), QStringLiteral("62701") },
                      { QStringLiteral("country"), QStringLiteral("US") }
                  };
                  const QJsonObject identity {
                      { QStringLiteral("accountHolderName"), QStringLiteral("Alex Sandbox") },
                      { QStringLiteral("address"),
                        QStringLiteral("100 Sandbox Way, Suite 5, Springfield, IL 62701, US") },
                      { QStringLiteral("address_fields"), fields },
                      { QStringLiteral("email"), QStringLiteral("alex.sandbox@example.com") },
                      { QStringLiteral("phone"), QStringLiteral("+15555550100") }
                  };
                  return QJsonObject { { QStringLiteral("identity"), withBank(identity, c) } };
              }));
}

std::optional<QHttpServerResponse> EmulatorServer::dataGate(const QString &id, JobType type,
                                                            const QHttpServerRequest &request)
{
    if (auto refusal = authorize(request))
        return refusal;
    EmulatedConnection *c = m_world.connection(id);
    if (!c)
        return notFound();
    if (type == JobType::Balance && !c->canFetchBalance())
        return status(405, QStringLiteral("AC-105"),
                      QStringLiteral("Balance is not available for manually linked accounts"));
    if (m_world.isExpired(*c))
        return status(
            400, QStringLiteral("AC-104"),
            QStringLiteral(
                "Cannot reach the bank: the connection has expired. Ask the user to reconnect"));
    const QString jobId = request.query().queryItemValue(QStringLiteral("job_id"));
    bool completed = false;
    if (!jobId.isEmpty()) {
        EmulatedJob *job = m_world.job(jobId);
        completed = job && job->connectionId == id && job->type == type &&
            m_world.stateOf(*job) == EmulatorWorld::JobState::Completed;
    } else {
        completed = m_world.hasCompletedJob(id, type);
    }
    if (!completed)
        return status(
            400, QStringLiteral("AC-100"),
            QStringLiteral(
                "No completed %1 job for this connection: create one and poll until COMPLETED")
                .arg(jobPrefix(type)));
    return std::nullopt;
}

void EmulatorServer::publishJob(EmulatedJob &job, EmulatorWorld::JobState state)
{
    QString name;
    switch (state) {
    case EmulatorWorld::JobState::Initiated:
        name = QStringLiteral("initiated");
        break;
    case EmulatorWorld::JobState::PendingMfa:
        name = QStringLiteral("pending_mfa");
        break;
    case EmulatorWorld::JobState::Completed:
        name = QStringLiteral("completed");
        break;
    case EmulatorWorld::JobState::Failed:
        name = QStringLiteral("failed");
        break;
    case EmulatorWorld::JobState::InProgress:
        return; // transient: never sent as a webhook
    }
    if (job.lastPublished == name)
        return;
    job.lastPublished = name;
    static const char *const types[] = { "balance", "transactions", "identity" };
    QJsonObject data { { QStringLiteral("job_id"), job.jobId },
                       { QStringLiteral("connection_id"), job.connectionId },
                       { QStringLiteral("user_id"), job.connectionId },
                       { QStringLiteral("job_type"), QString::fromLatin1(types[int(job.type)]) },
                       { QStringLiteral("status"), name },
                       { QStringLiteral("mfa_triggered"),
                         state == EmulatorWorld::JobState::PendingMfa } };
    if (state == EmulatorWorld::JobState::Failed)
        data.insert(QStringLiteral("error"),
                    QJsonObject { { QStringLiteral("code"), job.failureCode },
                                  { QStringLiteral("message"), job.failureMessage } });
    m_webhooks->publish(webhookEvent(job.type), data);
}

void EmulatorServer::publishJobEvents()
{
    for (const QString &id : m_world.activeJobIds()) {
        EmulatedJob *job = m_world.job(id);
        if (!job) {
            m_world.retire(id);
            continue;
        }
        const EmulatorWorld::JobState state = m_world.stateOf(*job);
        publishJob(*job, state);
        if (state == EmulatorWorld::JobState::Completed || state == EmulatorWorld::JobState::Failed)
            m_world.retire(id);
    }
}

void EmulatorServer::routeWidget()
{
    // Widget launch: the widget token is checked and consumed (one launch per token).
    EmulatorRoutes routes = openRoutes();
    routes.add(
        Method::Post, QStringLiteral("/sandbox/widget/sessions"), Body::Json,
        [this](const EmulatorRequest &request) {
            const QJsonObject &body = request.body;
            const QByteArray token = body.value(QStringLiteral("token")).toString().toLatin1();
            QJsonObject claims;
            const TokenIssuer::Check check = m_tokens.check(token, &claims);
            if (check != TokenIssuer::Check::Valid ||
                !claims.value(QStringLiteral("widget")).toBool() ||
                !m_tokens.consumeWidgetToken(token)) {
                const QString why = check == TokenIssuer::Check::Expired
                    ? QStringLiteral("The widget token has expired")
                    : check == TokenIssuer::Check::Valid &&
                        claims.value(QStringLiteral("widget")).toBool()
                    ? QStringLiteral(
                          "This widget token was already used; get a fresh one for every session")
                    : QStringLiteral("This is not a valid widget token");
                const QJsonObject error {
                    { QStringLiteral("type"), QStringLiteral("widgetError") },
                    { QStringLiteral("payload"),
                      QStringLiteral("INVALID_TOKEN | Code: AC-001 | Message: ") + why }
                };
                return EmulatorHttp::json(
                    QJsonObject { { QStringLiteral("state"), QStringLiteral("done") },
                                  { QStringLiteral("events"), QJsonArray { error } } });
            }
            LinkWidgetSessions::Launch launch;
            launch.connectionId = body.value(QStringLiteral("connectionId")).toString();
            launch.handleMfa = body.value(QStringLiteral("handleMFA")).toBool();
            launch.jobId = body.value(QStringLiteral("jobId")).toString();
            launch.configurationId = body.value(QStringLiteral("configurationId")).toString();
            launch.aeroPassUserUuid = body.value(QStringLiteral("aeroPassUserUuid")).toString();
            launch.manualLinkOnly = body.value(QStringLiteral("manualLinkOnly")).toBool();
            return EmulatorHttp::json(m_widget.launch(launch));
        });
    controlRoutes().add(
        Method::Get, QStringLiteral("/sandbox/widget/state"), Body::Ignored,
        [this](const EmulatorRequest &) { return EmulatorHttp::json(m_widget.state()); });
    routes.add(Method::Post, QStringLiteral("/sandbox/widget/sessions/<arg>/<arg>"), Body::Json,
               [this](const EmulatorRequest &request) {
                   bool found = false;
                   const QJsonObject reply =
                       m_widget.step(request.arg(0), request.arg(1), request.body, &found);
                   if (!found)
                       return status(404, QStringLiteral("NOT_FOUND"),
                                     QStringLiteral("No widget session with that id"));
                   return EmulatorHttp::json(reply);
               });
}

void EmulatorServer::routeControl()
{
    // The sandbox's own levers: only the parent that read the start line may pull them.
    EmulatorRoutes routes = controlRoutes();
    EmulatorRoutes bearer = bearerRoutes();
    routes.add(
        Method::Get, QStringLiteral("/sandbox/info"), Body::Ignored,
        [this](const EmulatorRequest &) {
            return EmulatorHttp::json(QJsonObject {
                { QStringLiteral("connections"), m_world.connectionCount() },
                { QStringLiteral("tokenRequests"), m_tokenRequests },
                { QStringLiteral("timeScale"), m_options.timeScale },
                { QStringLiteral("seed"), QString::number(m_options.seed) },
                { QStringLiteral("tokenTtl"), QString::number(m_options.tokenTtlSeconds) } });
        });
    bearer.add(
        Method::Get, QStringLiteral("/sandbox/connections"), Body::Ignored,
        [this](const EmulatorRequest &request) {
            const QUrlQuery q = request.http.query();
            const int offset = qMax(0, q.queryItemValue(QStringLiteral("offset")).toInt());
            int limit = q.hasQueryItem(QStringLiteral("limit"))
                ? q.queryItemValue(QStringLiteral("limit")).toInt()
                : 500;
            limit = qBound(1, limit, 5000);
            const QStringList &order = m_world.connectionOrder();
            QJsonArray page;
            for (int i = offset; i < qMin(int(order.size()), offset + limit); ++i) {
                const EmulatedConnection *c = m_world.connection(order.at(i));
                page.append(
                    QJsonObject { { QStringLiteral("connectionId"), c->connectionId },
                                  { QStringLiteral("aeroPassUserUuid"), c->aeroPassUserUuid },
                                  { QStringLiteral("bankName"), bankName(c->bank) },
                                  { QStringLiteral("connectionStatus"),
                                    m_world.isExpired(*c) ? QStringLiteral("EXPIRED")
                                                          : QStringLiteral("CONNECTED") },
                                  { QStringLiteral("connectionExpiry"), iso(c->expiry) },
                                  { QStringLiteral("canFetchBalance"), c->canFetchBalance() } });
            }
            return EmulatorHttp::json(QJsonObject { { QStringLiteral("total"), int(order.size()) },
                                                    { QStringLiteral("offset"), offset },
                                                    { QStringLiteral("limit"), limit },
                                                    { QStringLiteral("connections"), page } });
        });
    routes.add(
        Method::Post, QStringLiteral("/sandbox/seed"), Body::Json,
        [this](const EmulatorRequest &request) {
            const int count = request.body.value(QStringLiteral("count")).toInt(-1);
            if (count < 1 || count > kMaxSeedPerCall)
                return status(
                    400, QStringLiteral("AC-100"),
                    QStringLiteral("count must be a number from 1 to %1").arg(kMaxSeedPerCall));
            if (m_world.connectionCount() + count > kMaxConnections)
                return status(400, QStringLiteral("AC-100"),
                              QStringLiteral("The sandbox holds %1 connections; it keeps "
                                             "at most %2 in all.")
                                  .arg(m_world.connectionCount())
                                  .arg(kMaxConnections));
            m_world.seed(count);
            return EmulatorHttp::json(
                QJsonObject { { QStringLiteral("created"), count },
                              { QStringLiteral("total"), m_world.connectionCount() } });
        });
    routes.add(
        Method::Post, QStringLiteral("/sandbox/connections/<arg>/<arg>"), Body::Json,
        [this](const EmulatorRequest &request) {
            const QString &id = request.arg(0);
            const QString &action = request.arg(1);
            const QJsonObject &body = request.body;
            EmulatedConnection *c = m_world.connection(id);
            if (!c)
                return notFound();
            if (action == QLatin1String("expiry")) {
                const QDateTime at = QDateTime::fromString(
                    body.value(QStringLiteral("connectionExpiry")).toString(), Qt::ISODate);
                if (!at.isValid())
                    return status(400, QStringLiteral("AC-100"),
                                  QStringLiteral("connectionExpiry must be an ISO-8601 instant"));
                c->expiry = at.toUTC();
                return EmulatorHttp::json(
                    QJsonObject { { QStringLiteral("account"), accountJson(*c) } });
            }
            if (action == QLatin1String("revoke")) {
                // bank.revocation, as some banks send it (reference section 7).
                m_webhooks->publish(
                    QStringLiteral("bank.revocation"),
                    QJsonObject { { QStringLiteral("client_id"), m_apiKey },
                                  { QStringLiteral("user_id"), c->connectionId },
                                  { QStringLiteral("connection_id"), c->connectionId },
                                  { QStringLiteral("account_id"), c->accountNumber.right(4) },
                                  { QStringLiteral("status"), QStringLiteral("revoked") } });
                return EmulatorHttp::json(QJsonObject { { QStringLiteral("revoked"), true } });
            }
            if (action == QLatin1String("next-job-failure")) {
                c->nextJobFailureCode =
                    body.value(QStringLiteral("code")).toString(QStringLiteral("AC-104"));
                return EmulatorHttp::json(
                    QJsonObject { { QStringLiteral("nextJobFailure"), c->nextJobFailureCode } });
            }
            return status(404, QStringLiteral("NOT_FOUND"),
                          QStringLiteral("Unknown control action '%1'").arg(action));
        });
    routes.add(Method::Get, QStringLiteral("/sandbox/faults"), Body::Ignored,
               [this](const EmulatorRequest &) { return EmulatorHttp::json(m_faults.state()); });
    routes.add(Method::Post, QStringLiteral("/sandbox/faults"), Body::Json,
               [this](const EmulatorRequest &request) {
                   QString error;
                   if (!m_faults.apply(request.body, &error))
                       return status(400, QStringLiteral("AC-100"), error);
                   return EmulatorHttp::json(m_faults.state());
               });
    routes.add(Method::Delete, QStringLiteral("/sandbox/faults"), Body::Ignored,
               [this](const EmulatorRequest &) {
                   m_faults.clear();
                   return EmulatorHttp::json(m_faults.state());
               });
    routes.add(Method::Post, QStringLiteral("/sandbox/faults/expire-tokens"), Body::Ignored,
               [this](const EmulatorRequest &) {
                   m_tokens.expireAllNow();
                   return EmulatorHttp::json(QJsonObject { { QStringLiteral("expired"), true } });
               });
}

} // namespace aerodesk::emulator
