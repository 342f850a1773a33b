// LinkRecorder: a widget pageSuccess is written to the encrypted store before any other call
// starts, and a store failure stops the follow-up. Real sandbox over HTTPS, real store.
#include "core/connections/LinkRecorder.h"

#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/api/LinkWidgetSession.h"
#include "tests/core/connections/ConnectionsEmulatorRig.h"

#include <QSignalSpy>

using namespace aerodesk;
using api::LinkWidgetResult;
using api::LinkWidgetSession;
using api::LinkWidgetStep;
using connections::Connection;
using connections::LinkRecorder;

namespace {
struct LinkRig : test::ConnectionsEmulatorRig
{
    bool begin()
    {
        if (!start())
            return false;
        recorder = std::make_unique<LinkRecorder>(dispatcher, repo(), *client, clock);
        session = std::make_unique<LinkWidgetSession>(*client, dispatcher);
        QObject::connect(
            session.get(), &LinkWidgetSession::stepReady, &ctx, [this](const LinkWidgetStep &step) {
                if (step.state == QLatin1String("bank"))
                    session->chooseBank(QStringLiteral("oauth"));
                else if (step.state == QLatin1String("credentials"))
                    session->signIn(QStringLiteral("mxuser"), QStringLiteral("challenge"));
                else if (step.state == QLatin1String("mfa"))
                    session->submitMfaCode(QStringLiteral("1234"));
                else if (step.state == QLatin1String("oauth"))
                    session->answerOAuth(true);
            });
        QObject::connect(session.get(), &LinkWidgetSession::finished, &ctx,
                         [this](const LinkWidgetResult &r) {
                             results.append(r);
                             log.append(QStringLiteral("session finished"));
                         });
        QObject::connect(recorder.get(), &LinkRecorder::recorded, &ctx,
                         [this](const QStringList &ids, const QStringList &created) {
                             log.append(QStringLiteral("recorded"));
                             recordedIds.append(ids);
                             createdIds.append(created);
                         });
        QObject::connect(recorder.get(), &LinkRecorder::recordFailed, &ctx,
                         [this](const QStringList &, const QString &why) {
                             log.append(QStringLiteral("record failed"));
                             failures.append(why);
                         });
        QObject::connect(recorder.get(), &LinkRecorder::accountLoaded, &ctx,
                         [this](const QString &id, const Connection &) { loaded.append(id); });
        QObject::connect(recorder.get(), &LinkRecorder::accountFailed, &ctx,
                         [this](const QString &id, const QString &why) {
                             accountFailures.append(id + QLatin1Char(' ') + why);
                         });
        QObject::connect(&dispatcher, &api::LinkWidgetEventDispatcher::persistFailed, &ctx,
                         [this](const api::LinkWidgetEvent::PageSuccess &, const QString &) {
                             ++persistFailedSignals;
                         });
        // Every request as it starts, with what the store holds at that very moment.
        QObject::connect(&client->transport(), &api::HttpTransport::requestStarted, &ctx,
                         [this](const QByteArray &method, const QString &path) {
                             log.append(QStringLiteral("%1 %2 (stored rows: %3)")
                                            .arg(QString::fromLatin1(method), path)
                                            .arg(repo().count()));
                         });
        return true;
    }

    /// Index in the log of the first request that is not part of driving the widget.
    int firstFollowUpRequest() const
    {
        for (int i = int(log.lastIndexOf(QStringLiteral("link started"))) + 1; i < log.size();
             ++i) {
            const QString &e = log.at(i);
            if ((e.startsWith(QLatin1String("GET ")) || e.startsWith(QLatin1String("POST ")) ||
                 e.startsWith(QLatin1String("DELETE "))) &&
                !e.contains(QLatin1String("/sandbox/widget/")) &&
                !e.contains(QLatin1String("/v2/token_widget")))
                return i;
        }
        return -1;
    }

    api::LinkWidgetEventDispatcher dispatcher;
    std::unique_ptr<LinkRecorder> recorder;
    std::unique_ptr<LinkWidgetSession> session;
    QList<LinkWidgetResult> results;
    QStringList log, recordedIds, createdIds, failures, loaded, accountFailures;
    int persistFailedSignals = 0;
};
} // namespace

TEST(LinkRecorderSandbox, PersistsBeforeTheFirstFollowUpCall)
{
    LinkRig rig;
    ASSERT_TRUE(rig.begin());
    ASSERT_EQ(rig.repo().count(), 0);
    // Warm the API token, so a follow-up call would go on the wire at once, inside the same
    // slot that called it: a write made after such a call would show up in the log.
    auto token = test::await<api::ApiToken>([&](auto cb) { rig.client->tokens().token(cb); });
    ASSERT_TRUE(token && token->ok());
    rig.log.append(QStringLiteral("link started"));
    rig.session->startLink();
    ASSERT_TRUE(test::waitUntil(
        [&] { return !rig.loaded.isEmpty() || !rig.accountFailures.isEmpty(); }, 30000))
        << rig.log.join(QLatin1Char('\n')).toStdString();
    ASSERT_EQ(rig.results.size(), 1);
    ASSERT_TRUE(rig.results.first().linked()) << rig.results.first().message.toStdString();
    const QString id = rig.results.first().success.connectionId;
    ASSERT_TRUE(rig.accountFailures.isEmpty())
        << rig.accountFailures.join(QLatin1Char(',')).toStdString();
    EXPECT_EQ(rig.loaded, QStringList { id });
    EXPECT_EQ(rig.recordedIds, QStringList { id });
    EXPECT_EQ(rig.createdIds, QStringList { id });

    // Order: the row is written, then (and only then) the first non-widget call starts.
    const int recordedAt = int(rig.log.indexOf(QStringLiteral("recorded")));
    const int followUp = rig.firstFollowUpRequest();
    ASSERT_GE(recordedAt, 0);
    ASSERT_GE(followUp, 0) << rig.log.join(QLatin1Char('\n')).toStdString();
    EXPECT_LT(recordedAt, followUp) << rig.log.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(rig.log.at(followUp).endsWith(QLatin1String("(stored rows: 1)")))
        << rig.log.at(followUp).toStdString();
    EXPECT_GT(rig.log.indexOf(QStringLiteral("GET /v2/accounts/%1 (stored rows: 1)").arg(id)),
              recordedAt);
    EXPECT_LT(recordedAt, int(rig.log.indexOf(QStringLiteral("session finished"))));

    // The row was then completed from GET /v2/accounts.
    auto row = rig.repo().get(id);
    ASSERT_TRUE(row.ok()) << row.error().message.toStdString();
    EXPECT_EQ(row->aeroPassUserUuid, rig.results.first().success.aeroPassUserUuid);
    EXPECT_EQ(row->status, QStringLiteral("CONNECTED"));
    EXPECT_TRUE(row->lastRefresh.isValid());
    EXPECT_TRUE(row->connectionExpiry.isValid());
    EXPECT_FALSE(row->accountSummary.value(QStringLiteral("accountNumber")).toString().isEmpty());
    EXPECT_TRUE(row->bankName.contains(QStringLiteral("OAuth"))) << row->bankName.toStdString();
}

TEST(LinkRecorderSandbox, ReconnectUpdatesTheSameRow)
{
    LinkRig rig;
    ASSERT_TRUE(rig.begin());
    rig.session->startLink();
    ASSERT_TRUE(test::waitUntil([&] { return rig.loaded.size() == 1; }, 30000))
        << rig.log.join(QLatin1Char('\n')).toStdString();
    const QString id = rig.loaded.first();
    const auto first = rig.repo().get(id);
    ASSERT_TRUE(first.ok());

    rig.session->startReconnect(id);
    ASSERT_TRUE(test::waitUntil([&] { return rig.loaded.size() == 2; }, 30000))
        << rig.log.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(rig.results.size(), 2);
    EXPECT_EQ(rig.recordedIds, (QStringList { id, id }));
    EXPECT_EQ(rig.createdIds, QStringList { id }); // the reconnect created nothing
    EXPECT_EQ(rig.repo().count(), 1);
    const auto second = rig.repo().get(id);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->createdAt, first->createdAt);
    EXPECT_GE(second->lastRefresh, first->lastRefresh);
}

TEST(LinkRecorderSandbox, StoreFailureStopsTheFollowUpWithAClearError)
{
    LinkRig rig;
    ASSERT_TRUE(rig.begin());
    // A real SQLite failure on every write to the connections table (as a full or read-only disk
    // would give).
    ASSERT_TRUE(
        rig.db->database()
            .exec(QStringLiteral("CREATE TRIGGER refuse_writes BEFORE INSERT ON connections "
                                 "BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END"),
                  QStringLiteral("test trigger"))
            .ok());
    rig.session->startLink();
    ASSERT_TRUE(test::waitUntil([&] { return !rig.results.isEmpty(); }, 30000));
    // The widget did link; the console could not record it and said so.
    EXPECT_TRUE(rig.results.first().linked()) << rig.results.first().message.toStdString();
    ASSERT_EQ(rig.failures.size(), 1);
    EXPECT_TRUE(rig.failures.first().contains(
        QStringLiteral("could not be saved in the store, so nothing else was started")))
        << rig.failures.first().toStdString();
    EXPECT_TRUE(rig.failures.first().contains(QStringLiteral("simulated disk failure")))
        << rig.failures.first().toStdString();
    EXPECT_FALSE(rig.failures.first().contains(
        rig.results.first().success.connectionId)); // no identifier in the message
    EXPECT_EQ(rig.persistFailedSignals, 1);
    // Give any follow-up a chance to start: none may.
    test::waitUntil([] { return false; }, 1500);
    EXPECT_EQ(rig.firstFollowUpRequest(), -1) << rig.log.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(rig.loaded.isEmpty());
    EXPECT_TRUE(rig.accountFailures.isEmpty());
    EXPECT_TRUE(rig.recordedIds.isEmpty());
    EXPECT_EQ(rig.repo().count(), 0);

    // The id was not lost: it waits in memory until the store takes it.
    const QString id = rig.results.first().success.connectionId;
    EXPECT_EQ(rig.recorder->unsaved(), QStringList { id });
    QSignalSpy unsavedChanged(rig.recorder.get(), &LinkRecorder::unsavedChanged);
    EXPECT_FALSE(rig.recorder->retryUnsaved()) << "the store still refuses";
    EXPECT_EQ(rig.recorder->unsaved(), QStringList { id });
    EXPECT_EQ(rig.failures.size(), 2);
    ASSERT_TRUE(rig.db->database()
                    .exec(QStringLiteral("DROP TRIGGER refuse_writes"), QStringLiteral("test"))
                    .ok());
    EXPECT_TRUE(rig.recorder->retryUnsaved());
    EXPECT_TRUE(rig.recorder->unsaved().isEmpty());
    ASSERT_EQ(unsavedChanged.count(), 2);
    EXPECT_EQ(unsavedChanged.last().first().toInt(), 0);
    EXPECT_EQ(rig.recordedIds, QStringList { id });
    EXPECT_EQ(rig.createdIds, QStringList { id });
    EXPECT_EQ(rig.repo().count(), 1);
    // Then, and only then, the follow-up GET /accounts, as for a fresh success.
    ASSERT_TRUE(test::waitUntil([&] { return rig.loaded.size() == 1; }, 30000))
        << rig.accountFailures.join(QLatin1Char('\n')).toStdString();
}

TEST(LinkRecorderSandbox, MultiAccountSuccessRecordsEveryConnection)
{
    LinkRig rig;
    ASSERT_TRUE(rig.begin());
    rig.recorder->setFetchAccounts(false);
    rig.dispatcher.dispatchRaw(
        R"({"type":"pageSuccess","payload":{"connectionId":null,"clientName":"Demo",
        "aeroPassUserUuid":"7d3dba48-9c44-4cce-9aea-756dc3f90117",
        "accounts":[{"connectionId":"4A281C9E93F6A1F4B4DB3284C009EF04","accountType":"checking"},
                    {"connectionId":"0a281c9e93f6a1f4b4db3284c009ef04","accountType":"savings"}]}})");
    // Synchronous by design: the rows exist as soon as dispatch returns.
    EXPECT_EQ(rig.repo().count(), 2);
    EXPECT_TRUE(rig.repo().contains(QStringLiteral("4a281c9e93f6a1f4b4db3284c009ef04")));
    auto row = rig.repo().get(QStringLiteral("0a281c9e93f6a1f4b4db3284c009ef04"));
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->aeroPassUserUuid, QStringLiteral("7d3dba48-9c44-4cce-9aea-756dc3f90117"));
    test::waitUntil([] { return false; }, 300);
    EXPECT_EQ(rig.firstFollowUpRequest(), -1); // fetchAccounts off: nothing sent
}
