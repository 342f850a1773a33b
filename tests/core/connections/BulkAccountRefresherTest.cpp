// BulkAccountRefresher: many GET /v2/accounts/{id} with bounded concurrency against the real
// sandbox, rows updated in the real store, one failing id reported without stopping the rest.
#include "core/connections/BulkAccountRefresher.h"

#include "core/connections/EmulatorListingImporter.h"
#include "tests/core/connections/ConnectionsEmulatorRig.h"

using namespace aerodesk;
using connections::BulkAccountRefresher;
using connections::BulkRefreshSummary;
using connections::RefreshOutcome;

namespace {
struct RefreshRig : test::ConnectionsEmulatorRig
{
    bool begin(int connections)
    {
        if (!start())
            return false;
        if (seed(connections) != connections)
            return false;
        ids = listingIds();
        // Track them all (as imported from the listing, never refreshed yet).
        QList<connections::Connection> rows;
        for (const QJsonValue &v : listing())
            rows.append(connections::EmulatorListingImporter::fromListing(v.toObject()));
        if (!repo().upsertMany(rows).ok())
            return false;
        refresher = std::make_unique<BulkAccountRefresher>(*client, repo(), clock);
        QObject::connect(&client->transport(), &api::HttpTransport::requestStarted, &ctx,
                         [this](const QByteArray &method, const QString &path) {
                             if (method != "GET" ||
                                 !path.startsWith(QLatin1String("/v2/accounts/")))
                                 return;
                             ++accountRequests;
                             ++inFlight;
                             maxInFlight = qMax(maxInFlight, inFlight);
                             maxReported = qMax(maxReported, refresher->inFlight());
                         });
        // An outcome is reported in the call's own callback: the request has finished.
        QObject::connect(refresher.get(), &BulkAccountRefresher::connectionRefreshed, &ctx,
                         [this](const RefreshOutcome &o) {
                             if (o.status != RefreshOutcome::Status::Cancelled)
                                 --inFlight;
                             outcomes.append(o);
                         });
        QObject::connect(refresher.get(), &BulkAccountRefresher::progress, &ctx,
                         [this](int done, int total) {
                             lastProgress = { done, total };
                         });
        QObject::connect(refresher.get(), &BulkAccountRefresher::finished, &ctx,
                         [this](const BulkRefreshSummary &s) { summaries.append(s); });
        return true;
    }
    BulkRefreshSummary waitFinished()
    {
        EXPECT_TRUE(test::waitUntil([&] { return !summaries.isEmpty(); }, 120000));
        return summaries.value(0);
    }

    QStringList ids;
    std::unique_ptr<BulkAccountRefresher> refresher;
    int accountRequests = 0;
    int inFlight = 0;
    int maxInFlight = 0;
    int maxReported = 0;
    QList<RefreshOutcome> outcomes;
    QPair<int, int> lastProgress;
    QList<BulkRefreshSummary> summaries;
};
} // namespace

TEST(BulkAccountRefresherSandbox, BoundedConcurrencyEveryRowUpdatedOneFailureReported)
{
    RefreshRig rig;
    ASSERT_TRUE(rig.begin(60));
    ASSERT_EQ(rig.ids.size(), 60);
    const QString gone = rig.ids.at(23);
    const auto deleted = rig.h.sandbox.request(
        "DELETE", QStringLiteral("/v2/accounts/%1").arg(gone), {}, rig.h.sandbox.bearer());
    ASSERT_EQ(deleted.status, 200) << deleted.body.toStdString();

    rig.refresher->setMaxConcurrent(3);
    const QDateTime startedAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    rig.refresher->start(rig.ids +
                         QStringList { rig.ids.first() }); // a duplicate is refreshed once
    EXPECT_TRUE(rig.outcomes.isEmpty()); // nothing inside start()
    EXPECT_EQ(rig.accountRequests, 0);
    const BulkRefreshSummary s = rig.waitFinished();

    EXPECT_EQ(rig.maxInFlight, 3); // the bound was reached...
    EXPECT_LE(rig.maxReported, 3); // ...and never exceeded
    EXPECT_EQ(rig.inFlight, 0);
    EXPECT_EQ(rig.accountRequests, 60);
    EXPECT_EQ(s.total, 60);
    EXPECT_EQ(s.ok, 59);
    EXPECT_EQ(s.failed, 1);
    EXPECT_FALSE(s.wasCancelled);
    EXPECT_EQ(rig.lastProgress, (QPair<int, int> { 60, 60 }));
    ASSERT_EQ(rig.outcomes.size(), 60);

    int failures = 0;
    for (const RefreshOutcome &o : rig.outcomes) {
        auto row = rig.repo().get(o.connectionId);
        ASSERT_TRUE(row.ok());
        if (o.connectionId == gone) {
            ++failures;
            EXPECT_EQ(o.status, RefreshOutcome::Status::ApiFailed);
            ASSERT_TRUE(o.apiError.has_value());
            EXPECT_EQ(o.apiError->code, QStringLiteral("AC-102")) << o.message.toStdString();
            EXPECT_FALSE(row->lastRefresh.isValid()); // untouched
            EXPECT_TRUE(row->accountSummary.isEmpty());
        } else {
            EXPECT_TRUE(o.ok()) << o.message.toStdString();
            EXPECT_GE(row->lastRefresh, startedAt);
            EXPECT_FALSE(
                row->accountSummary.value(QStringLiteral("accountNumber")).toString().isEmpty());
            EXPECT_FALSE(row->status.isEmpty());
        }
    }
    EXPECT_EQ(failures, 1);
    EXPECT_EQ(rig.repo().count(), 60);
}

TEST(BulkAccountRefresherSandbox, DefaultBoundIsEight)
{
    RefreshRig rig;
    ASSERT_TRUE(rig.begin(40));
    EXPECT_EQ(rig.refresher->maxConcurrent(), BulkAccountRefresher::kDefaultMaxConcurrent);
    EXPECT_EQ(BulkAccountRefresher::kDefaultMaxConcurrent, 8);
    rig.refresher->start(rig.ids);
    const BulkRefreshSummary s = rig.waitFinished();
    EXPECT_EQ(s.ok, 40);
    EXPECT_EQ(rig.maxInFlight, 8);
    EXPECT_LE(rig.maxReported, 8);
}

TEST(BulkAccountRefresherSandbox, CancelSendsNothingMore)
{
    RefreshRig rig;
    ASSERT_TRUE(rig.begin(200));
    rig.refresher->setMaxConcurrent(2);
    int requestsAtCancel = -1;
    QObject::connect(rig.refresher.get(), &BulkAccountRefresher::connectionRefreshed, &rig.ctx,
                     [&](const RefreshOutcome &) {
                         if (rig.outcomes.size() == 5 && requestsAtCancel < 0) {
                             requestsAtCancel = rig.accountRequests;
                             rig.refresher->cancel();
                         }
                     });
    rig.refresher->start(rig.ids);
    const BulkRefreshSummary s = rig.waitFinished();
    test::waitUntil([] { return false; }, 500); // late answers of calls under way are ignored
    EXPECT_TRUE(s.wasCancelled);
    EXPECT_EQ(rig.accountRequests, requestsAtCancel);
    EXPECT_LE(requestsAtCancel, 5 + 2);
    EXPECT_GE(s.ok, 5);
    EXPECT_EQ(s.ok + s.failed + s.cancelled, 200);
    EXPECT_EQ(int(rig.outcomes.size()), 200);
    EXPECT_FALSE(rig.refresher->isRunning());
    int refreshedRows = 0;
    for (const QString &id : rig.ids)
        refreshedRows += rig.repo().get(id)->lastRefresh.isValid() ? 1 : 0;
    EXPECT_EQ(refreshedRows, s.ok);
}
