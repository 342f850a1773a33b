// Issue 15: "A sandbox flow (link → balance job with MFA → webhook delivery → reveal) yields a
// timeline with every step in order under one correlation id." Everything is real: the
// sandbox over pinned HTTPS (ClientHarness, credentials in the real keychain), the widget
// session on the MFA test bank, LinkRecorder persisting into a real encrypted SQLite store,
// JobRunner with the MFA relaunch, the console's WebhookListener verifying the sandbox's signed
// job.balance deliveries, and the TimelineRecorder writing on its own thread. The reveal is
// recorded through recordStaffAction (the seam the audit log will use). The timeline is then
// shown in the real view.

#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/api/LinkWidgetSession.h"
#include "core/connections/LinkRecorder.h"
#include "core/crypto/Random.h"
#include "core/jobs/JobRunner.h"
#include "core/store/Store.h"
#include "core/timeline/CorrelationId.h"
#include "core/timeline/TimelineRecorder.h"
#include "core/timeline/TimelineSource.h"
#include "core/webhooks/SecretRing.h"
#include "core/webhooks/WebhookListener.h"
#include "tests/core/api/ClientHarness.h"
#include "tests/support/WidgetDriver.h"
#include "ui/connections/ConnectionTimelineView.h"

#include <QFile>
#include <QJsonArray>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>

#include <optional>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using timeline::TimelineEntry;
using timeline::TimelineKind;

namespace {

const QByteArray kWebhookSecret = QByteArrayLiteral("whsec-timeline-test");

/// Plays the widget the way the dialog does: the MFA test bank, its credentials, code 1234.
void driveWidget(api::LinkWidgetSession &session, QObject &ctx)
{
    QObject::connect(&session, &api::LinkWidgetSession::stepReady, &ctx,
                     [&session](const api::LinkWidgetStep &step) {
                         if (step.state == QLatin1String("bank"))
                             session.chooseBank(QStringLiteral("mfa"));
                         else if (step.state == QLatin1String("credentials"))
                             session.signIn(QStringLiteral("mxuser"), QStringLiteral("challenge"));
                         else if (step.state == QLatin1String("mfa"))
                             session.submitMfaCode(QStringLiteral("1234"));
                         else
                             session.close();
                     });
}

int firstIndex(const QList<TimelineEntry> &entries,
               const std::function<bool(const TimelineEntry &)> &match)
{
    for (int i = 0; i < entries.size(); ++i) {
        if (match(entries.at(i)))
            return i;
    }
    return -1;
}

/// An "audit log" stand-in for the seam: one staff action kept outside the store.
class OneNoteSource : public timeline::TimelineSource
{
public:
    QString connectionId;
    TimelineEntry note;
    QList<TimelineEntry> entriesFor(const QString &id) const override
    {
        return id == connectionId ? QList<TimelineEntry> { note } : QList<TimelineEntry> {};
    }
};

} // namespace

TEST(ConnectionTimelineFlow, LinkMfaJobWebhookRevealIsOneTimelineUnderOneCorrelationId)
{
    test::ClientHarness h;
    ASSERT_TRUE(h.start());
    SystemClock clock;
    auto client = h.makeClient(clock);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("aerodesk.sqlite"));
    const crypto::SecureBytes key = crypto::Random::secretBytes(32);
    auto opened = store::Store::open(path, key);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    std::unique_ptr<store::Store> db = std::move(opened).value();
    ASSERT_EQ(db->database().schemaVersion(), 5);

    auto recorder = std::make_unique<timeline::TimelineRecorder>(path, key);
    recorder->attach(*client);

    // The console's listener, subscribed to the sandbox's job.balance deliveries.
    webhooks::WebhookLog log;
    webhooks::WebhookListener listener(log, clock);
    listener.setRingSource([&clock] {
        auto ring = std::make_shared<webhooks::SecretRing>(clock);
        ring->setCurrent(crypto::SecureBytes(QByteArrayView(kWebhookSecret)));
        return ring;
    });
    ASSERT_TRUE(listener.start()) << listener.errorString().toStdString();
    recorder->attach(listener);
    std::optional<bool> subscribed;
    client->callWebhookApi(
        "POST", QStringLiteral("/webhooks/subscribe"),
        QJsonObject { { QStringLiteral("url"), listener.url() },
                      { QStringLiteral("events"), QJsonArray { QStringLiteral("job.balance") } },
                      { QStringLiteral("secret_key"), QString::fromLatin1(kWebhookSecret) } },
        [&](Result<api::HttpResponse, api::ApiError> r) { subscribed = r.ok(); });
    ASSERT_TRUE(waitUntil([&] { return subscribed.has_value(); }, 20000));
    ASSERT_TRUE(*subscribed);

    // 1. Link on the MFA test bank; LinkRecorder stores the connection on pageSuccess.
    QObject ctx;
    api::LinkWidgetEventDispatcher dispatcher;
    connections::LinkRecorder links(dispatcher, db->connections(), *client, clock);
    api::LinkWidgetSession session(*client, dispatcher);
    recorder->attach(session, dispatcher);
    driveWidget(session, ctx);
    std::optional<api::LinkWidgetResult> linked;
    QObject::connect(&session, &api::LinkWidgetSession::finished, &ctx,
                     [&](const api::LinkWidgetResult &r) { linked = r; });
    session.startLink();
    ASSERT_FALSE(recorder->sessionFlow().isEmpty());
    const QString flow = recorder->sessionFlow();
    ASSERT_TRUE(timeline::CorrelationId::isWellFormed(flow)) << flow.toStdString();
    ASSERT_TRUE(waitUntil([&] { return linked.has_value(); }, 30000));
    ASSERT_EQ(linked->outcome, api::LinkWidgetResult::Outcome::Linked)
        << linked->message.toStdString();
    const QString c = linked->success.connectionId;
    ASSERT_FALSE(c.isEmpty());
    ASSERT_TRUE(db->connections().rowId(c).has_value());
    EXPECT_EQ(recorder->flowFor(c), flow) << "the link's flow is the connection's current flow";

    // 2. A balance job that waits for MFA, the MFA relaunch, then completion.
    // (The delivery of the completed job may come before or after the runner's end.)
    bool completedWebhook = false;
    QObject::connect(recorder.get(), &timeline::TimelineRecorder::recorded, &ctx,
                     [&](const QString &id, const TimelineEntry &e) {
                         if (id == c && e.kind == TimelineKind::Webhook &&
                             e.fields.value(QStringLiteral("status")).toString() ==
                                 QLatin1String("completed"))
                             completedWebhook = true;
                     });
    jobs::PollPolicy policy;
    policy.initialIntervalMs = 100;
    policy.maxIntervalMs = 300;
    policy.mfaWindowMs = 6000;
    policy.mfaGraceMs = 10000;
    jobs::JobRunner runner(*client, clock, policy);
    recorder->attach(runner);
    std::optional<QString> mfaJob;
    std::optional<jobs::JobResult> result;
    QObject::connect(
        &runner, &jobs::JobRunner::mfaRequired, &ctx,
        [&](quint64, const QString &jobId, const QString &, const QDateTime &) { mfaJob = jobId; });
    QObject::connect(&runner, &jobs::JobRunner::finished, &ctx,
                     [&](const jobs::JobResult &r) { result = r; });
    const quint64 job = runner.start(api::JobType::Balance, c);
    ASSERT_TRUE(waitUntil([&] { return mfaJob.has_value(); }, 30000));
    {
        api::LinkWidgetEventDispatcher relaunchEvents;
        api::LinkWidgetSession relaunch(*client, relaunchEvents);
        recorder->attach(relaunch, relaunchEvents);
        driveWidget(relaunch, ctx);
        std::optional<api::LinkWidgetResult> relaunched;
        QObject::connect(&relaunch, &api::LinkWidgetSession::finished, &ctx,
                         [&](const api::LinkWidgetResult &r) { relaunched = r; });
        relaunch.startMfaRelaunch(*mfaJob, c);
        ASSERT_TRUE(waitUntil([&] { return relaunched.has_value(); }, 30000));
        ASSERT_EQ(relaunched->outcome, api::LinkWidgetResult::Outcome::Linked)
            << relaunched->message.toStdString();
    }
    runner.mfaCompleted(job);
    ASSERT_TRUE(waitUntil([&] { return result.has_value(); }, 60000));
    ASSERT_EQ(result->outcome, jobs::JobOutcome::Completed) << result->message.toStdString();

    // 3. The sandbox's signed delivery of the completed job reaches the listener.
    ASSERT_TRUE(waitUntil([&] { return completedWebhook; }, 30000))
        << log.size() << " deliveries seen";

    // The sandbox echoes the correlation id it was sent, next to its own request id.
    std::optional<api::HttpResponse> echoed;
    client->call("GET", QStringLiteral("/v2/accounts/%1").arg(c), {},
                 [&](Result<api::HttpResponse, api::ApiError> r) {
                     ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
                     echoed = *r;
                 });
    ASSERT_TRUE(waitUntil([&] { return echoed.has_value(); }, 20000));
    QByteArray echoedCorrelation;
    QByteArray requestId;
    for (const auto &[name, value] : echoed->headers) {
        if (name.compare("X-Correlation-Id", Qt::CaseInsensitive) == 0)
            echoedCorrelation = value;
        if (name.compare("X-Request-Id", Qt::CaseInsensitive) == 0)
            requestId = value;
    }
    EXPECT_EQ(QString::fromLatin1(echoedCorrelation), flow);
    EXPECT_EQ(requestId.size(), 36) << requestId.toStdString();

    // 4. The reveal, as the audit log will report it.
    recorder->recordStaffAction(c, QStringLiteral("reveal"),
                                QStringLiteral("Connection id revealed by support"),
                                { { QStringLiteral("actor"), QStringLiteral("timeline-test") } });

    ASSERT_TRUE(waitUntil([&] { return recorder->pendingWrites() == 0; }, 20000));
    std::optional<QList<TimelineEntry>> loaded;
    QObject::connect(
        recorder.get(), &timeline::TimelineRecorder::loaded, &ctx,
        [&](quint64, const QString &, const QList<TimelineEntry> &entries) { loaded = entries; });
    recorder->load(c);
    ASSERT_TRUE(waitUntil([&] { return loaded.has_value(); }, 20000));
    const QList<TimelineEntry> steps = *loaded; // a copy: `loaded` is read again below

    // Every kind is there, every step carries the one correlation id, in time order.
    for (TimelineKind kind : timeline::allTimelineKinds())
        EXPECT_GE(firstIndex(steps, [kind](const TimelineEntry &e) { return e.kind == kind; }), 0)
            << "no " << timeline::timelineKindName(kind).toStdString() << " step";
    for (const TimelineEntry &e : steps) {
        EXPECT_EQ(e.correlationId, flow) << e.toText().toStdString();
        EXPECT_FALSE(e.toText().contains(c))
            << "unmasked connectionId: " << e.toText().toStdString();
    }
    for (int i = 1; i < steps.size(); ++i)
        EXPECT_LE(steps.at(i - 1).at, steps.at(i).at) << "out of order at " << i;

    const auto index = [&](TimelineKind kind, const char *field, const char *value) {
        return firstIndex(steps, [&](const TimelineEntry &e) {
            return e.kind == kind &&
                (!field || e.fields.value(QLatin1String(field)).toString() == QLatin1String(value));
        });
    };
    const int launch = index(TimelineKind::ApiCall, nullptr, nullptr);
    const int pageSuccess = index(TimelineKind::WidgetEvent, "type", "pageSuccess");
    const int jobStarted = index(TimelineKind::Job, "event", "started");
    const int firstPoll = index(TimelineKind::JobPoll, nullptr, nullptr);
    const int mfa = index(TimelineKind::Job, "event", "mfa");
    const int mfaPoll = index(TimelineKind::JobPoll, "state", "pending-mfa");
    const int jobDone = index(TimelineKind::Job, "event", "finished");
    const int webhookDone = index(TimelineKind::Webhook, "status", "completed");
    const int reveal = index(TimelineKind::StaffAction, "action", "reveal");
    EXPECT_LT(launch, pageSuccess);
    EXPECT_LT(pageSuccess, jobStarted);
    EXPECT_LT(jobStarted, firstPoll);
    EXPECT_LT(firstPoll, mfa);
    EXPECT_GE(mfaPoll, 0);
    EXPECT_LT(mfa, jobDone);
    EXPECT_LT(jobStarted, webhookDone);
    EXPECT_EQ(reveal, steps.size() - 1) << "the reveal came last";

    // API calls: method, masked path, status, duration and the sandbox's request id.
    const int widgetLaunch = firstIndex(steps, [](const TimelineEntry &e) {
        return e.kind == TimelineKind::ApiCall &&
            e.fields.value(QStringLiteral("path")).toString() ==
            QLatin1String("/sandbox/widget/sessions");
    });
    EXPECT_GE(widgetLaunch, 0) << "the link session's own calls are on the connection's timeline";
    for (const TimelineEntry &e : steps) {
        if (e.kind != TimelineKind::ApiCall)
            continue;
        EXPECT_FALSE(e.fields.value(QStringLiteral("method")).toString().isEmpty());
        EXPECT_GT(e.fields.value(QStringLiteral("status")).toInt(), 0) << e.toText().toStdString();
        EXPECT_TRUE(e.fields.contains(QStringLiteral("durationMs")));
        EXPECT_EQ(e.fields.value(QStringLiteral("requestId")).toString().size(), 36)
            << e.toText().toStdString();
    }
    const TimelineEntry &delivery = steps.at(webhookDone);
    EXPECT_TRUE(delivery.fields.value(QStringLiteral("verified")).toBool());
    EXPECT_EQ(delivery.fields.value(QStringLiteral("httpStatus")).toInt(), 200);

    // Nothing identifying in plain on disk: neither the connectionId nor the flow id.
    recorder.reset(); // closes the worker's connection; the flow stays stored
    for (const QString &file : { path, path + QStringLiteral("-wal") }) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        EXPECT_FALSE(bytes.contains(c.toUtf8())) << file.toStdString();
        EXPECT_FALSE(bytes.contains(flow.toUtf8())) << file.toStdString();
    }

    // A new recorder (the next start of the console) finds the same current flow, and merges a
    // source's staff action (the audit-log seam) into the timeline with that id.
    recorder = std::make_unique<timeline::TimelineRecorder>(path, key);
    EXPECT_EQ(recorder->flowFor(c), flow);
    OneNoteSource audit;
    audit.connectionId = c;
    audit.note.at = QDateTime::currentDateTimeUtc();
    audit.note.kind = TimelineKind::StaffAction;
    audit.note.summary = QStringLiteral("Note added");
    recorder->addSource(&audit);
    loaded.reset();
    QObject::connect(
        recorder.get(), &timeline::TimelineRecorder::loaded, &ctx,
        [&](quint64, const QString &, const QList<TimelineEntry> &entries) { loaded = entries; });
    recorder->load(c);
    ASSERT_TRUE(waitUntil([&] { return loaded.has_value(); }, 20000));
    QStringList summaries;
    for (const TimelineEntry &e : *loaded)
        summaries.append(e.summary);

    ASSERT_EQ(loaded->size(), steps.size() + 1) << summaries.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(loaded->last().summary, QStringLiteral("Note added"));
    EXPECT_EQ(loaded->last().correlationId, flow);

    // The same steps in the detail pane's view: the Webhook filter shows only deliveries.
    ui::ConnectionTimelineView view;
    view.setEntries(*loaded);
    view.resize(1000, 600);
    ASSERT_TRUE(test::showAndActivate(view));
    EXPECT_EQ(view.filteredModel()->rowCount(), loaded->size());
    view.setKindFilter(TimelineKind::Webhook);
    ASSERT_GT(view.filteredModel()->rowCount(), 0);
    for (int r = 0; r < view.filteredModel()->rowCount(); ++r)
        EXPECT_EQ(view.filteredModel()->index(r, 0).data(Qt::UserRole + 1).toString(),
                  QStringLiteral("webhook"));
}
