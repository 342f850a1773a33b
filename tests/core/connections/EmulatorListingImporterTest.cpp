// EmulatorListingImporter: a few thousand connections from the sandbox listing into the real
// encrypted store, page by page, deduplicated by the blind index.
#include "core/connections/EmulatorListingImporter.h"

#include "tests/core/connections/ConnectionsEmulatorRig.h"

using namespace aerodesk;
using connections::Connection;
using connections::EmulatorListingImporter;
using connections::ImportSummary;

namespace {
struct ImportRig : test::ConnectionsEmulatorRig
{
    bool begin()
    {
        if (!start())
            return false;
        importer = std::make_unique<EmulatorListingImporter>(*client, repo());
        QObject::connect(importer.get(), &EmulatorListingImporter::progress, &ctx,
                         [this](int done, int total) {
                             progress.append({ done, total });
                         });
        QObject::connect(importer.get(), &EmulatorListingImporter::finished, &ctx,
                         [this](const ImportSummary &s) { summaries.append(s); });
        QObject::connect(&client->transport(), &api::HttpTransport::requestStarted, &ctx,
                         [this](const QByteArray &, const QString &path) {
                             if (path == QLatin1String("/sandbox/connections"))
                                 ++listingRequests;
                         });
        return true;
    }
    ImportSummary run()
    {
        const int before = int(summaries.size());
        progress.clear();
        listingRequests = 0;
        importer->start();
        EXPECT_TRUE(importer->isRunning());
        EXPECT_TRUE(test::waitUntil([&] { return summaries.size() > before; }, 120000));
        return summaries.value(before);
    }

    std::unique_ptr<EmulatorListingImporter> importer;
    QList<QPair<int, int>> progress;
    QList<ImportSummary> summaries;
    int listingRequests = 0;
};
} // namespace

TEST(SandboxListingImporterSandbox, ImportsThousandsInPagesAndUpdatesInsteadOfDuplicating)
{
    ImportRig rig;
    ASSERT_TRUE(rig.begin());
    ASSERT_EQ(rig.seed(3000), 3000);
    const QJsonArray listing = rig.listing();
    ASSERT_EQ(listing.size(), 3000);

    // One connection is already tracked, with an account summary and a stale status.
    const Connection known = EmulatorListingImporter::fromListing(listing.at(17).toObject());
    Connection stale = known;
    stale.status = QStringLiteral("STALE");
    stale.bankName = QStringLiteral("Old name");
    stale.accountSummary =
        QJsonObject { { QStringLiteral("accountNumber"), QStringLiteral("95379891234") } };
    stale.lastRefresh = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
    ASSERT_TRUE(rig.repo().upsert(stale).ok());
    const QDateTime createdAt = rig.repo().get(known.connectionId)->createdAt;

    rig.importer->setPageSize(1000);
    const ImportSummary s = rig.run();
    EXPECT_TRUE(s.ok()) << s.error.toStdString();
    EXPECT_EQ(s.total, 3000);
    EXPECT_EQ(s.created, 2999);
    EXPECT_EQ(s.updated, 1);
    EXPECT_EQ(s.skipped, 0);
    EXPECT_EQ(rig.listingRequests, 3);
    EXPECT_EQ(rig.progress,
              (QList<QPair<int, int>> { { 1000, 3000 }, { 2000, 3000 }, { 3000, 3000 } }));
    EXPECT_EQ(rig.repo().count(), 3000);

    // The tracked row was updated from the listing, keeping what the listing does not carry.
    auto row = rig.repo().get(known.connectionId);
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->status, known.status);
    EXPECT_EQ(row->bankName, known.bankName);
    EXPECT_EQ(row->connectionExpiry, known.connectionExpiry);
    EXPECT_EQ(row->accountSummary.value(QStringLiteral("accountNumber")).toString(),
              QStringLiteral("95379891234"));
    EXPECT_EQ(row->lastRefresh, stale.lastRefresh);
    EXPECT_EQ(row->createdAt, createdAt);

    // Spot checks across the pages: every field the listing has, decrypted back.
    for (int i : { 0, 999, 1000, 2500, 2999 }) {
        const QJsonObject e = listing.at(i).toObject();
        auto c = rig.repo().get(e.value(QStringLiteral("connectionId")).toString());
        ASSERT_TRUE(c.ok()) << i;
        EXPECT_EQ(c->aeroPassUserUuid, e.value(QStringLiteral("aeroPassUserUuid")).toString()) << i;
        EXPECT_EQ(c->bankName, e.value(QStringLiteral("bankName")).toString()) << i;
        EXPECT_EQ(c->status, e.value(QStringLiteral("connectionStatus")).toString()) << i;
        EXPECT_EQ(c->connectionExpiry,
                  QDateTime::fromString(e.value(QStringLiteral("connectionExpiry")).toString(),
                                        Qt::ISODate))
            << i;
    }
    int expired = 0;
    for (const QJsonValue &v : listing)
        expired += v.toObject().value(QStringLiteral("connectionStatus")).toString() ==
                QLatin1String("EXPIRED")
            ? 1
            : 0;
    EXPECT_GT(expired, 0); // the seeded mix includes expired connections, stored as such

    // Again, with the default page size (5000: one page): everything is an update.
    rig.importer->setPageSize(100000);
    EXPECT_EQ(rig.importer->pageSize(), EmulatorListingImporter::kMaxPageSize);
    const ImportSummary again = rig.run();
    EXPECT_TRUE(again.ok()) << again.error.toStdString();
    EXPECT_EQ(again.created, 0);
    EXPECT_EQ(again.updated, 3000);
    EXPECT_EQ(rig.listingRequests, 1);
    EXPECT_EQ(rig.repo().count(), 3000);
}

TEST(SandboxListingImporterSandbox, CancelStopsBeforeTheNextPage)
{
    ImportRig rig;
    ASSERT_TRUE(rig.begin());
    ASSERT_EQ(rig.seed(1200), 1200);
    rig.importer->setPageSize(500);
    QObject::connect(rig.importer.get(), &EmulatorListingImporter::progress, &rig.ctx,
                     [&](int done, int) {
                         if (done == 500)
                             rig.importer->cancel();
                     });
    const ImportSummary s = rig.run();
    EXPECT_TRUE(s.cancelled);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.created, 500);
    EXPECT_EQ(rig.listingRequests, 1);
    EXPECT_EQ(rig.repo().count(), 500);
}

TEST(SandboxListingImporterSandbox, ListingErrorIsReportedAndNothingIsWritten)
{
    ImportRig rig;
    ASSERT_TRUE(rig.begin());
    ASSERT_EQ(rig.seed(50), 50);
    // Wrong credentials in the keychain: the token request fails, so does the import.
    ASSERT_TRUE(rig.h.writeSecret(QStringLiteral("apiSecret"), QStringLiteral("not-the-secret")));
    const ImportSummary s = rig.run();
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(s.error.startsWith(QStringLiteral("The sandbox listing could not be read")))
        << s.error.toStdString();
    EXPECT_EQ(rig.repo().count(), 0);
}
