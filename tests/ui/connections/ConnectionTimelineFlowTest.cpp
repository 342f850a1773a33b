// Issue 15: "A sandbox flow (link → balance job with MFA → webhook delivery → reveal) yields a
// timeline with every step in order under one correlation id." Everything is real: the
// sandbox over pinned HTTPS (ClientHarness, credentials in the real keychain), the widget
// session on the MFA test bank, LinkRecorder persisting into a real encrypted SQLite store,
// JobRunner with the MFA relaunch, the console's WebhookListener verifying the sandbox's signed
// job.balance deliveries, and the TimelineRecorder writing on its own thread. The reveal goes
// through the console's audited reveal (AuditedReveal: the reason dialog answered, the record in
// the store's audit log, its head in the real keychain) and reaches the timeline through the
// audit log's TimelineSource (AuditTimelineSource), as Session wires it. The timeline is then
// shown in the real view, and the connection's escalation bundle is written from the same store
// (ConnectionBundleSources::snapshot, as the console's Bundle button does), audited through the
// BundleWritten hook, unpacked with `unzip` and searched for every secret the sandbox issued
// (AERODESK_SANDBOX_ISSUED_SECRETS), raw, hex and base64: issue 15's must-show end to end.

#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/api/LinkWidgetSession.h"
#include "core/audit/AuditTrail.h"
#include "core/audit/BundleAudit.h"
#include "core/bundle/BundleBuilder.h"
#include "core/bundle/BundleWritten.h"
#include "core/bundle/ConnectionBundleSources.h"
#include "core/bundle/WebhookEvidenceLog.h"
#include "core/bundle/ZipBundleWriter.h"
#include "core/connections/IdMask.h"
#include "core/connections/LinkRecorder.h"
#include "core/crypto/Random.h"
#include "core/jobs/JobRunner.h"
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"
#include "core/timeline/AuditTimelineSource.h"
#include "core/timeline/CorrelationId.h"
#include "core/timeline/TimelineRecorder.h"
#include "core/timeline/TimelineSource.h"
#include "core/util/DiagnosticLog.h"
#include "core/webhooks/SecretRing.h"
#include "core/webhooks/WebhookListener.h"
#include "tests/core/api/ClientHarness.h"
#include "tests/integration/ExternalTools.h"
#include "tests/integration/SecretSearch.h"
#include "tests/support/WidgetDriver.h"
#include "tests/ui/audit/AuditUi.h"
#include "ui/common/AuditedReveal.h"
#include "ui/connections/ConnectionTimelineView.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
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
    QTemporaryDir outside; // where the sandbox lists what it issued (never inside the bundle)
    ASSERT_TRUE(outside.isValid());
    const QString issuedPath = outside.filePath(QStringLiteral("issued.hex"));
    qputenv("AERODESK_SANDBOX_ISSUED_SECRETS", QFile::encodeName(issuedPath));
    test::ClientHarness h;
    const bool started = h.start();
    qunsetenv("AERODESK_SANDBOX_ISSUED_SECRETS");
    ASSERT_TRUE(started);
    // The product's diagnostic log (redacting, as shipped), with debug lines: the bundle's
    // excerpt comes from it.
    DiagnosticLog::Options logOptions;
    logOptions.directory = outside.filePath(QStringLiteral("logs"));
    ASSERT_TRUE(DiagnosticLog::install(logOptions));
    QLoggingCategory::setFilterRules(QStringLiteral("aerodesk.*.debug=true"));
    struct LogGuard
    {
        ~LogGuard()
        {
            QLoggingCategory::setFilterRules({});
            DiagnosticLog::uninstall();
        }
    } logGuard;
    SystemClock clock;
    auto client = h.makeClient(clock);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("aerodesk.sqlite"));
    const crypto::SecureBytes key = crypto::Random::secretBytes(32);
    auto opened = store::Store::open(path, key);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    std::shared_ptr<store::Store> db = std::move(opened).value();
    ASSERT_GE(db->database().schemaVersion(), 5) << "the timeline tables are schema v5";

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
    // The bodies and signatures kept for bundles, as the Webhooks panel feeds the session's log.
    bundle::WebhookEvidenceLog evidence;
    std::optional<webhooks::WebhookLogEntry> lastLogged;
    QObject::connect(&listener, &webhooks::WebhookListener::logged, &listener,
                     [&](const webhooks::WebhookLogEntry &e) { lastLogged = e; });
    QObject::connect(&listener, &webhooks::WebhookListener::delivered, &listener,
                     [&](const QByteArray &body, const webhooks::WebhookListener::Headers &hs) {
                         if (lastLogged)
                             evidence.append(*lastLogged, body, hs);
                     });
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

    // 4. The reveal, through the console's audited path: reason asked, recorded, then shown.
    keychain::Keychain headKeychain(QStringLiteral("Timeline flow test ") +
                                    QString::fromLatin1(crypto::Random::hex(4)));
    audit::AuditTrail trail(db, headKeychain, clock);
    trail.setProfile(QStringLiteral("Built-in sandbox"));
    timeline::AuditTimelineSource auditSource(&trail);
    recorder->addSource(&auditSource); // as Session does
    bool revealed = false;
    ui::AuditedReveal::ask(
        nullptr, &trail, audit::AuditAction::RevealId, connections::IdMask::mask(c),
        QStringLiteral("the full ids of connection %1").arg(connections::IdMask::mask(c)),
        [&revealed] { revealed = true; }, c);
    ASSERT_TRUE(test::answerReason(QStringLiteral("customer ticket 4711")));
    ASSERT_TRUE(waitUntil([&] { return revealed; }, 5000)) << "no reveal after the reason";
    ASSERT_EQ(test::recordCount(trail), 1);

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
    const int reveal = index(TimelineKind::StaffAction, "action", "reveal.id");
    EXPECT_LT(launch, pageSuccess);
    EXPECT_LT(pageSuccess, jobStarted);
    EXPECT_LT(jobStarted, firstPoll);
    EXPECT_LT(firstPoll, mfa);
    EXPECT_GE(mfaPoll, 0);
    EXPECT_LT(mfa, jobDone);
    EXPECT_LT(jobStarted, webhookDone);
    EXPECT_EQ(reveal, steps.size() - 1) << "the reveal came last";
    ASSERT_GE(reveal, 0) << "the audit log's reveal is not on the timeline";
    EXPECT_EQ(steps.at(reveal).fields.value(QStringLiteral("reason")).toString(),
              QStringLiteral("customer ticket 4711"));
    EXPECT_EQ(steps.at(reveal).fields.value(QStringLiteral("object")).toString(),
              connections::IdMask::mask(c));
    EXPECT_EQ(steps.at(reveal).fields.value(QStringLiteral("actor")).toString(), trail.osUser());
    EXPECT_EQ(steps.at(reveal).fields.value(QStringLiteral("outcome")).toString(),
              QStringLiteral("ok"));

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
    recorder->addSource(&auditSource);
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

    // 5. The connection's escalation bundle from the same store, as the console's Bundle button
    // makes it; writing it is audited (one `export` record, on the connection's timeline).
    const QList<bundle::BundleWebhookEvidence> deliveries = evidence.forSubject(c);
    ASSERT_FALSE(deliveries.isEmpty()) << "no webhook evidence kept for the connection";
    auto sources = bundle::ConnectionBundleSources::snapshot(
        *db, c, QStringLiteral("built-in-sandbox"), deliveries);
    ASSERT_TRUE(sources.ok()) << sources.error().toStdString();
    const QList<bundle::BundlePart> parts =
        bundle::BundleBuilder(clock).build(sources.value(), bundle::BundleRedactor::Form::Masked);
    const QString zip = dir.filePath(QStringLiteral("bundle.zip"));
    audit::BundleAudit::install([&trail] { return &trail; });
    ASSERT_FALSE(bundle::ZipBundleWriter::write(zip, parts, clock.nowUtc()).has_value());
    bundle::BundleWritten::notify(
        bundle::BundleWritten::describe(zip, parts, clock.nowUtc(), sources.value()));
    audit::BundleAudit::uninstall();
    const QList<audit::AuditRecord> exports = test::recordsOf(trail, audit::AuditAction::Export);
    ASSERT_EQ(exports.size(), 1) << "writing the bundle is exactly one audit record";
    EXPECT_EQ(exports.first().connectionRef, trail.log().connectionRef(c));
    EXPECT_TRUE(exports.first().object.contains(connections::IdMask::mask(c)));
    EXPECT_EQ(test::recordCount(trail), 2);
    const QList<TimelineEntry> staff = auditSource.entriesFor(c);
    ASSERT_EQ(staff.size(), 2);
    EXPECT_EQ(staff.last().fields.value(QStringLiteral("action")).toString(),
              QStringLiteral("export"));

    // Every part, unpacked by an independent reader; the manifest's hashes by `sha256sum`.
    const QString unzip = test::ExternalTools::find(QStringLiteral("unzip"));
    const QString sha256sum = test::ExternalTools::find(QStringLiteral("sha256sum"));
    ASSERT_FALSE(unzip.isEmpty() || sha256sum.isEmpty());
    const QString unpacked = dir.filePath(QStringLiteral("unpacked"));
    const auto run = test::ExternalTools::run(
        unzip, { QStringLiteral("-q"), QStringLiteral("-o"), zip, QStringLiteral("-d"), unpacked });
    ASSERT_EQ(run.exitCode, 0) << run.describe().toStdString();
    const QList<test::Place> places = test::filesUnder(unpacked);
    QStringList names;
    for (const test::Place &p : places)
        names << p.name.mid(1);
    names.sort();
    EXPECT_EQ(names,
              QStringList({ QStringLiteral("connection.json"), QStringLiteral("diagnostic-log.txt"),
                            QStringLiteral("manifest.json"), QStringLiteral("timeline.json"),
                            QStringLiteral("versions.json"), QStringLiteral("webhooks.json") }));
    const auto read = [&](const char *name) {
        for (const test::Place &p : places)
            if (p.name == QLatin1Char('/') + QLatin1String(name))
                return p.content;
        return QByteArray();
    };
    const QJsonObject manifest = QJsonDocument::fromJson(read("manifest.json")).object();
    EXPECT_EQ(manifest.value(QStringLiteral("environmentKind")).toString(),
              QStringLiteral("built-in-sandbox"))
        << read("manifest.json").toStdString();
    const QJsonArray files = manifest.value(QStringLiteral("files")).toArray();
    EXPECT_EQ(files.size() + 1, names.size());
    for (const QJsonValue &v : files) {
        const QJsonObject f = v.toObject();
        const auto sum = test::ExternalTools::run(
            sha256sum,
            { unpacked + QLatin1Char('/') + f.value(QStringLiteral("name")).toString() });
        ASSERT_EQ(sum.exitCode, 0) << sum.describe().toStdString();
        EXPECT_EQ(QString::fromLatin1(sum.out.left(64)),
                  f.value(QStringLiteral("sha256")).toString())
            << f.value(QStringLiteral("name")).toString().toStdString();
    }
    EXPECT_FALSE(read("versions.json").isEmpty());
    EXPECT_FALSE(read("diagnostic-log.txt").trimmed().isEmpty()) << "no log excerpt";
    EXPECT_TRUE(read("webhooks.json").contains(deliveries.first().signatureHeader))
        << "the webhook evidence keeps its signature";
    EXPECT_TRUE(read("connection.json").contains(connections::IdMask::mask(c).toUtf8()));

    // The timeline part: the flow's steps in order, all under the one correlation id, the
    // reveal a staff action from the audit log.
    const QJsonArray bundled = QJsonDocument::fromJson(read("timeline.json"))
                                   .object()
                                   .value(QStringLiteral("entries"))
                                   .toArray();
    QStringList kinds;
    int bundledSteps = 0;
    for (const QJsonValue &v : bundled) {
        const QJsonObject o = v.toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("history"))
            continue;
        ++bundledSteps;
        kinds << kind;
        EXPECT_EQ(o.value(QStringLiteral("correlationId")).toString(), flow)
            << QJsonDocument(o).toJson().toStdString();
    }
    // The bundle was made before its own export was recorded: the flow's steps, the reveal last.
    EXPECT_EQ(bundledSteps, steps.size()) << read("timeline.json").toStdString();
    const auto firstKind = [&](const char *k) { return kinds.indexOf(QLatin1String(k)); };
    EXPECT_LT(firstKind("api"), firstKind("widget"));
    EXPECT_LT(firstKind("widget"), firstKind("job"));
    EXPECT_LT(firstKind("job"), firstKind("webhook"));
    EXPECT_EQ(kinds.value(kinds.size() - 1), QStringLiteral("staff")) << "the reveal came last";
    EXPECT_TRUE(read("timeline.json").contains("reveal.id"));

    // None of the run's secrets, raw, hex or base64; no plain connectionId in the masked form.
    QList<test::Secret> secrets = test::issuedSecrets(issuedPath);
    ASSERT_GE(secrets.size(), 3) << "the sandbox listed too few issued secrets";
    secrets << test::Secret { QStringLiteral("webhook secret"), kWebhookSecret };
    const QStringList found = test::hits(secrets, places);
    EXPECT_TRUE(found.isEmpty()) << found.size() << " hit(s):\n"
                                 << found.join(QLatin1Char('\n')).toStdString();
    for (const test::Place &p : places)
        EXPECT_FALSE(p.content.contains(c.toUtf8()))
            << "plain connectionId in " << p.name.toStdString();
}
