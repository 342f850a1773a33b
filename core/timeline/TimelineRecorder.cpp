#include "core/timeline/TimelineRecorder.h"

#include "core/api/ApiClient.h"
#include "core/api/JobType.h"
#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/connections/IdMask.h"
#include "core/jobs/JobRunner.h"
#include "core/store/BlindIndex.h"
#include "core/timeline/CorrelationId.h"
#include "core/timeline/TimelineMerge.h"
#include "core/timeline/TimelineSource.h"
#include "core/timeline/TimelineWorker.h"
#include "core/util/LogCategories.h"
#include "core/webhooks/WebhookListener.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUrl>

namespace aerodesk::timeline {

// Translated strings: context "Timeline" (as TimelineEntry and TimelineKind), spelled out so
// lupdate files them where they are looked up.

namespace {
using connections::IdMask;
using Mode = api::LinkWidgetSession::Mode;

QString key(const QString &connectionId)
{
    return store::BlindIndex::normalise(connectionId);
}

QString modeName(Mode mode)
{
    switch (mode) {
    case Mode::Link:
        return QStringLiteral("link");
    case Mode::Reconnect:
        return QStringLiteral("reconnect");
    case Mode::MfaRelaunch:
        return QStringLiteral("mfa-relaunch");
    }
    return {};
}

QString typeLabel(const QString &typeName)
{
    if (typeName == QLatin1String("balance"))
        return QCoreApplication::translate("Timeline", "Balance job");
    if (typeName == QLatin1String("transactions"))
        return QCoreApplication::translate("Timeline", "Transactions job");
    if (typeName == QLatin1String("identity"))
        return QCoreApplication::translate("Timeline", "Identity job");
    return QCoreApplication::translate("Timeline", "Job");
}
} // namespace

TimelineRecorder::TimelineRecorder(const store::StoreTarget &store,
                                   const crypto::SecureBytes &dataKey, QObject *parent)
    : TimelineRecorder(store, dataKey, crypto::SecureBytes(), parent)
{
}

TimelineRecorder::TimelineRecorder(const store::StoreTarget &store,
                                   const crypto::SecureBytes &dataKey,
                                   const crypto::SecureBytes &password, QObject *parent)
    : QObject(parent)
    , m_worker(new TimelineWorker(store, dataKey.clone(), password.clone()))
{
    qRegisterMetaType<TimelineEntry>();
    qRegisterMetaType<QList<TimelineEntry>>();
    qRegisterMetaType<store::StoreError>();
    m_thread.setObjectName(QStringLiteral("aerodesk-timeline"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &TimelineWorker::appended, this,
            [this](const QString &connectionId, const TimelineEntry &entry, bool stored) {
                --m_pendingWrites;
                if (stored)
                    Q_EMIT recorded(connectionId, entry);
            });
    connect(m_worker, &TimelineWorker::loaded, this,
            [this](quint64 request, const QString &connectionId, QList<TimelineEntry> entries) {
                QList<TimelineEntry> extra;
                for (const TimelineSource *source : std::as_const(m_sources))
                    extra.append(source->entriesFor(connectionId));
                // Steps without a correlation id get the flow in effect at their time.
                entries =
                    TimelineMerge::merge(std::move(entries), std::move(extra),
                                         [this, connectionId] { return flowFor(connectionId); });
                Q_EMIT loaded(request, connectionId, entries);
            });
    connect(m_worker, &TimelineWorker::failed, this,
            [this](const QString &, const store::StoreError &error) {
                if (error.kind != store::StoreError::Kind::NotFound)
                    Q_EMIT failed(error.message);
            });
    m_thread.start();
}

TimelineRecorder::~TimelineRecorder()
{
    // The worker's database belongs to its thread: close it there (after every queued append),
    // then stop the thread.
    QMetaObject::invokeMethod(m_worker, &TimelineWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void TimelineRecorder::setSessionId(const QString &sessionId)
{
    TimelineWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, sessionId] { worker->setSessionId(sessionId); }, Qt::QueuedConnection);
}

// --- Flows ---------------------------------------------------------------------------------

void TimelineRecorder::setFlow(const QString &connectionId, const QString &flow)
{
    m_flows.insert(key(connectionId), flow);
    TimelineWorker *worker = m_worker;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QMetaObject::invokeMethod(
        m_worker, [worker, connectionId, flow, now] { worker->setFlow(connectionId, flow, now); },
        Qt::QueuedConnection);
}

QString TimelineRecorder::beginFlow(const QString &connectionId)
{
    const QString flow = CorrelationId::mint();
    setFlow(connectionId, flow);
    qCDebug(aerodesk::log::connections).noquote()
        << "timeline: new flow" << flow << "for" << IdMask::mask(connectionId);
    return flow;
}

QString TimelineRecorder::flowFor(const QString &connectionId)
{
    if (connectionId.trimmed().isEmpty())
        return {};
    const auto it = m_flows.constFind(key(connectionId));
    if (it != m_flows.constEnd())
        return *it;
    QString stored;
    TimelineWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, connectionId, &stored] { stored = worker->flow(connectionId); },
        Qt::BlockingQueuedConnection);
    if (stored.isEmpty())
        return beginFlow(connectionId);
    m_flows.insert(key(connectionId), stored);
    return stored;
}

// --- Recording -----------------------------------------------------------------------------

void TimelineRecorder::record(const QString &connectionId, TimelineEntry entry,
                              const QString &entryKey)
{
    if (connectionId.trimmed().isEmpty())
        return;
    if (!entry.at.isValid())
        entry.at = QDateTime::currentDateTimeUtc();
    if (entry.correlationId.isEmpty())
        entry.correlationId = flowFor(connectionId);
    ++m_pendingWrites;
    TimelineWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker,
        [worker, connectionId, entry = std::move(entry), entryKey] {
            worker->append(connectionId, entry, entryKey);
        },
        Qt::QueuedConnection);
}

void TimelineRecorder::recordStaffAction(const QString &connectionId, const QString &action,
                                         const QString &summary, QJsonObject fields,
                                         const QDateTime &at)
{
    TimelineEntry e;
    e.at = at;
    e.kind = TimelineKind::StaffAction;
    e.summary = summary;
    fields.insert(QStringLiteral("action"), action);
    e.fields = std::move(fields);
    record(connectionId, std::move(e));
}

bool TimelineRecorder::isSessionPath(const QString &path)
{
    return path.startsWith(QLatin1String("/sandbox/widget/")) ||
        path == QLatin1String("/v2/token_widget");
}

QString TimelineRecorder::connectionOfJob(const QString &jobId) const
{
    if (jobId.isEmpty())
        return {};
    if (const auto it = m_jobConnections.constFind(jobId); it != m_jobConnections.constEnd())
        return *it;
    // A poll can come before the first progress() that would have named the job's id.
    for (auto it = m_jobs.constBegin(); it != m_jobs.constEnd(); ++it) {
        for (const auto &runner : m_runners) {
            if (runner == it.key().first && runner->jobId(it.key().second) == jobId)
                return it->connectionId;
        }
    }
    return {};
}

QString TimelineRecorder::connectionOfPath(const QString &path) const
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() < 3 || segments.at(0) != QLatin1String("v2"))
        return {};
    const QString id = QUrl::fromPercentEncoding(segments.at(2).toUtf8());
    if (segments.at(1) == QLatin1String("accounts"))
        return id;
    if (segments.at(1) == QLatin1String("job"))
        return connectionOfJob(id);
    return {};
}

QByteArray TimelineRecorder::correlationFor(const QString &path)
{
    if (const QString connection = connectionOfPath(path); !connection.isEmpty())
        return flowFor(connection).toLatin1();
    if (isSessionPath(path) && m_session.open)
        return m_session.flow.toLatin1();
    return {};
}

void TimelineRecorder::recordApiExchange(const api::ApiExchange &exchange)
{
    const QString connection = connectionOfPath(exchange.path);
    const bool ofSession = connection.isEmpty() && isSessionPath(exchange.path) && m_session.open;
    if (connection.isEmpty() && !ofSession)
        return; // token and webhook-management calls belong to no connection
    const QString path = IdMask::maskPath(exchange.path);
    const QString outcome = exchange.status > 0 ? QString::number(exchange.status) : exchange.error;
    TimelineEntry e;
    e.at = exchange.startedAt;
    e.kind = TimelineKind::ApiCall;
    e.correlationId = QString::fromLatin1(exchange.correlationId);
    e.summary = QCoreApplication::translate("Timeline", "%1 %2 → %3 (%4 ms)")
                    .arg(QString::fromLatin1(exchange.method), path, outcome)
                    .arg(exchange.durationMs);
    e.fields = QJsonObject { { QStringLiteral("method"), QString::fromLatin1(exchange.method) },
                             { QStringLiteral("path"), path },
                             { QStringLiteral("status"), exchange.status },
                             { QStringLiteral("durationMs"), double(exchange.durationMs) } };
    if (!exchange.requestId.isEmpty())
        e.fields.insert(QStringLiteral("requestId"), QString::fromLatin1(exchange.requestId));
    if (!exchange.error.isEmpty())
        e.fields.insert(QStringLiteral("error"), exchange.error);
    if (ofSession)
        recordSessionStep(std::move(e));
    else
        record(connection, std::move(e));
}

void TimelineRecorder::recordWidgetEvent(const api::LinkWidgetEvent &event)
{
    TimelineEntry e;
    e.kind = TimelineKind::WidgetEvent;
    e.fields.insert(QStringLiteral("type"), event.rawType);
    switch (event.type) {
    case api::LinkWidgetEvent::Type::PageSuccess: {
        QStringList masked;
        for (const QString &id : event.success.connectionIds())
            masked.append(IdMask::mask(id));
        e.summary = QCoreApplication::translate("Timeline", "pageSuccess: linked %1")
                        .arg(masked.join(QStringLiteral(", ")));
        break;
    }
    case api::LinkWidgetEvent::Type::WidgetError:
        e.summary = QCoreApplication::translate("Timeline", "widgetError: %1")
                        .arg(event.error.title.isEmpty() ? event.error.code : event.error.title);
        break;
    default:
        e.summary = event.rawType.isEmpty()
            ? QCoreApplication::translate("Timeline", "widget event")
            : event.rawType;
        break;
    }
    if (m_session.open) {
        e.fields.insert(QStringLiteral("mode"), modeName(m_session.mode));
        recordSessionStep(std::move(e));
        return;
    }
    // An event from a widget no attached session drives: only a success names a connection.
    for (const QString &id : event.success.connectionIds())
        record(id, e);
}

void TimelineRecorder::recordWebhook(const webhooks::WebhookLogEntry &entry, const QByteArray &body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonObject data = root.value(QStringLiteral("data")).toObject();
    QString connection = data.value(QStringLiteral("connection_id")).toString();
    if (connection.isEmpty())
        connection = data.value(QStringLiteral("user_id")).toString();
    const QString jobId = data.value(QStringLiteral("job_id")).toString();
    if (connection.isEmpty())
        connection = connectionOfJob(jobId);
    if (connection.isEmpty())
        return; // a delivery about no connection (test.event...)
    const QString event =
        entry.event.isEmpty() ? root.value(QStringLiteral("event")).toString() : entry.event;
    const QString status = data.value(QStringLiteral("status")).toString();
    TimelineEntry e;
    e.at = entry.receivedAt;
    e.kind = TimelineKind::Webhook;
    e.summary = entry.verdict.ok()
        ? QCoreApplication::translate("Timeline", "%1 %2 — verified (HTTP %3)")
              .arg(event, status)
              .arg(entry.httpStatus)
        : QCoreApplication::translate("Timeline", "%1 %2 — NOT verified: %3 (HTTP %4)")
              .arg(event, status, webhooks::verdictKindName(entry.verdict.kind))
              .arg(entry.httpStatus);
    e.fields =
        QJsonObject { { QStringLiteral("event"), event },
                      { QStringLiteral("verdict"), webhooks::verdictKindName(entry.verdict.kind) },
                      { QStringLiteral("verified"), entry.verdict.ok() },
                      { QStringLiteral("httpStatus"), entry.httpStatus } };
    if (!status.isEmpty())
        e.fields.insert(QStringLiteral("status"), status);
    if (!jobId.isEmpty())
        e.fields.insert(QStringLiteral("jobId"), IdMask::mask(jobId));
    // At-least-once delivery: a retry of the same bytes with the same verdict is one step.
    const QString entryKey =
        QStringLiteral("webhook:%1:%2")
            .arg(QString::fromLatin1(
                     QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex()),
                 webhooks::verdictKindName(entry.verdict.kind));
    record(connection, std::move(e), entryKey);
}

// --- Sessions ------------------------------------------------------------------------------

void TimelineRecorder::sessionStarting(Mode mode, const QString &connectionId)
{
    m_session = Session();
    m_session.open = true;
    m_session.mode = mode;
    switch (mode) {
    case Mode::Link:
        m_session.flow = CorrelationId::mint();
        break;
    case Mode::Reconnect:
        m_session.flow = beginFlow(connectionId);
        m_session.connections = { connectionId };
        m_session.bound = m_session.flushed = true;
        break;
    case Mode::MfaRelaunch:
        m_session.flow = flowFor(connectionId);
        m_session.connections = { connectionId };
        m_session.bound = m_session.flushed = true;
        break;
    }
}

void TimelineRecorder::recordSessionStep(TimelineEntry entry)
{
    if (entry.correlationId.isEmpty())
        entry.correlationId = m_session.flow;
    if (!m_session.flushed) {
        if (!entry.at.isValid())
            entry.at = QDateTime::currentDateTimeUtc();
        m_session.waiting.append(std::move(entry));
        return;
    }
    for (const QString &id : std::as_const(m_session.connections))
        record(id, entry);
}

void TimelineRecorder::bindSession(const QStringList &connectionIds)
{
    if (!m_session.open || m_session.bound || connectionIds.isEmpty())
        return;
    m_session.bound = true;
    m_session.connections = connectionIds;
    // Memory only: the rows do not exist in the store until the persist hook has run.
    for (const QString &id : connectionIds)
        m_flows.insert(key(id), m_session.flow);
}

void TimelineRecorder::flushSession()
{
    if (!m_session.open || !m_session.bound || m_session.flushed)
        return;
    m_session.flushed = true;
    for (const QString &id : std::as_const(m_session.connections))
        setFlow(id, m_session.flow);
    const QList<TimelineEntry> waiting = std::exchange(m_session.waiting, {});
    for (const TimelineEntry &e : waiting) {
        for (const QString &id : std::as_const(m_session.connections))
            record(id, e);
    }
}

// --- Wiring --------------------------------------------------------------------------------

void TimelineRecorder::attach(api::ApiClient &client)
{
    client.transport().setCorrelationSource(
        [self = QPointer<TimelineRecorder>(this)](const QString &path) {
            return self ? self->correlationFor(path) : QByteArray();
        });
    connect(&client.transport(), &api::HttpTransport::exchanged, this,
            &TimelineRecorder::recordApiExchange);
}

void TimelineRecorder::attach(jobs::JobRunner &runner)
{
    m_runners.append(QPointer<jobs::JobRunner>(&runner));
    const jobs::JobRunner *r = &runner;
    connect(&runner, &jobs::JobRunner::started, this,
            [this, r](quint64 k, api::JobType type, const QString &connectionId) {
                m_jobs.insert({ r, k }, JobInfo { connectionId, api::jobTypeName(type) });
                jobStep({ r, k }, TimelineKind::Job,
                        QCoreApplication::translate("Timeline", "%1 started")
                            .arg(typeLabel(api::jobTypeName(type))),
                        { { QStringLiteral("event"), QStringLiteral("started") } });
            });
    connect(&runner, &jobs::JobRunner::progress, this,
            [this, r](quint64 k, api::JobState state, int attempt, qint64 elapsedMs, qint64) {
                const auto it = m_jobs.constFind({ r, k });
                if (it == m_jobs.constEnd())
                    return;
                jobStep({ r, k }, TimelineKind::JobPoll,
                        QCoreApplication::translate("Timeline", "%1 poll %2: %3")
                            .arg(typeLabel(it->typeName))
                            .arg(attempt)
                            .arg(api::jobStateName(state)),
                        { { QStringLiteral("state"), api::jobStateName(state) },
                          { QStringLiteral("attempt"), attempt },
                          { QStringLiteral("elapsedMs"), double(elapsedMs) } });
            });
    connect(&runner, &jobs::JobRunner::mfaRequired, this,
            [this, r](quint64 k, const QString &, const QString &, const QDateTime &endsAt) {
                const auto it = m_jobs.constFind({ r, k });
                if (it == m_jobs.constEnd())
                    return;
                jobStep({ r, k }, TimelineKind::Job,
                        QCoreApplication::translate("Timeline", "%1 waits for MFA (until %2 UTC)")
                            .arg(typeLabel(it->typeName),
                                 endsAt.toUTC().toString(QStringLiteral("HH:mm:ss"))),
                        { { QStringLiteral("event"), QStringLiteral("mfa") } });
            });
    connect(&runner, &jobs::JobRunner::finished, this,
            [this, r](const jobs::JobResult &result) { jobFinished(r, result); });
}

void TimelineRecorder::jobStep(const JobKey &job, TimelineKind kind, const QString &summary,
                               QJsonObject fields, const QString &entryKey)
{
    const auto it = m_jobs.constFind(job);
    if (it == m_jobs.constEnd())
        return;
    fields.insert(QStringLiteral("jobType"), it->typeName);
    QString jobId;
    for (const auto &runner : std::as_const(m_runners)) {
        if (runner == job.first)
            jobId = runner->jobId(job.second);
    }
    if (!jobId.isEmpty()) {
        m_jobConnections.insert(jobId, it->connectionId);
        fields.insert(QStringLiteral("jobId"), IdMask::mask(jobId));
    }
    TimelineEntry e;
    e.kind = kind;
    e.summary = summary;
    e.fields = std::move(fields);
    record(it->connectionId, std::move(e), entryKey);
}

void TimelineRecorder::jobFinished(const jobs::JobRunner *runner, const jobs::JobResult &result)
{
    const JobKey job { runner, result.key };
    if (!m_jobs.contains(job))
        return;
    if (!result.jobId.isEmpty())
        m_jobConnections.insert(result.jobId, result.connectionId);
    QJsonObject fields { { QStringLiteral("event"), QStringLiteral("finished") },
                         { QStringLiteral("outcome"), jobs::jobOutcomeName(result.outcome) },
                         { QStringLiteral("attempts"), result.attempts },
                         { QStringLiteral("durationMs"), double(result.elapsedMs) } };
    if (!result.jobId.isEmpty())
        fields.insert(QStringLiteral("jobId"), IdMask::mask(result.jobId));
    if (!result.error.code.isEmpty())
        fields.insert(QStringLiteral("code"), result.error.code);
    const QString typeName = m_jobs.value(job).typeName;
    TimelineEntry e;
    e.kind = TimelineKind::Job;
    QString message = result.message;
    if (!result.jobId.isEmpty()) // "ids masked in text": the runner's sentence names the job
        message.replace(result.jobId, IdMask::mask(result.jobId));
    if (!result.connectionId.isEmpty())
        message.replace(result.connectionId, IdMask::mask(result.connectionId));
    e.summary = QCoreApplication::translate("Timeline", "%1: %2 — %3")
                    .arg(typeLabel(typeName), jobs::jobOutcomeName(result.outcome), message);
    e.fields = std::move(fields);
    e.fields.insert(QStringLiteral("jobType"), typeName);
    const QString connection = m_jobs.take(job).connectionId;
    record(connection, std::move(e));
}

void TimelineRecorder::attach(api::LinkWidgetSession &session,
                              api::LinkWidgetEventDispatcher &dispatcher)
{
    connect(&session, &api::LinkWidgetSession::starting, this, &TimelineRecorder::sessionStarting);
    connect(&session, &api::LinkWidgetSession::finished, this, [this] {
        if (!m_session.flushed && !m_session.waiting.isEmpty())
            qCDebug(aerodesk::log::connections)
                << "timeline: a link session ended without a connection;"
                << m_session.waiting.size() << "steps dropped";
        m_session = Session();
    });
    connect(&dispatcher, &api::LinkWidgetEventDispatcher::successArriving, this,
            [this](const api::LinkWidgetEvent::PageSuccess &success) {
                bindSession(success.connectionIds());
            });
    connect(&dispatcher, &api::LinkWidgetEventDispatcher::pageSuccess, this,
            [this] { flushSession(); });
    connect(&dispatcher, &api::LinkWidgetEventDispatcher::eventReceived, this,
            &TimelineRecorder::recordWidgetEvent);
}

void TimelineRecorder::attach(webhooks::WebhookListener &listener)
{
    // The listener emits logged() then delivered() for each delivery, in one go.
    connect(&listener, &webhooks::WebhookListener::logged, this,
            [this](const webhooks::WebhookLogEntry &entry) { m_lastWebhook = entry; });
    connect(&listener, &webhooks::WebhookListener::delivered, this,
            [this](const QByteArray &body, const webhooks::WebhookListener::Headers &) {
                if (!m_lastWebhook)
                    return;
                const webhooks::WebhookLogEntry entry = *std::exchange(m_lastWebhook, {});
                recordWebhook(entry, body);
            });
}

void TimelineRecorder::addSource(const TimelineSource *source)
{
    if (source && !m_sources.contains(source))
        m_sources.append(source);
}

void TimelineRecorder::removeSource(const TimelineSource *source)
{
    m_sources.removeAll(source);
}

// --- Reading -------------------------------------------------------------------------------

quint64 TimelineRecorder::load(const QString &connectionId, int latest)
{
    const quint64 request = ++m_lastRequest;
    TimelineWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker,
        [worker, request, connectionId, latest] { worker->load(request, connectionId, latest); },
        Qt::QueuedConnection);
    return request;
}

} // namespace aerodesk::timeline
