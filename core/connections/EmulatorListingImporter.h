#pragma once

#include "core/connections/Connection.h"
#include "core/connections/ImportSummary.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>

namespace aerodesk::api {
class ApiClient;
}
namespace aerodesk::store {
class ConnectionRepository;
}

namespace aerodesk::connections {

/// Imports every connection of a sandbox from its paged listing,
/// `GET /sandbox/connections?offset=&limit=` (Bearer, like a data call; `limit` ≤ 5000), into the
/// encrypted store. One page at a time: the page is fetched, matched against the store by the
/// blind index (contains() — no decryption for new ids), existing rows are merged (the listing's
/// bank, status and expiry replace theirs; account summary, lastRefresh and createdAt stay) and
/// the whole page is written in ONE transaction (upsertMany). Then the next page is requested.
///
/// Asynchronous: progress(done, total) after each page, finished(summary) once. An API or store
/// error stops the import with the pages before it kept. cancel() stops before the next page.
class EmulatorListingImporter : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxPageSize = 5000;

    EmulatorListingImporter(api::ApiClient &client, store::ConnectionRepository &repository,
                            QObject *parent = nullptr);

    /// 1..5000 (clamped); default 5000.
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    /// One listing entry as a connection (connectionId lower-cased; expiry UTC). Public for tests.
    static Connection fromListing(const QJsonObject &entry);

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const aerodesk::connections::ImportSummary &summary);

private:
    void requestPage(int offset);
    void storePage(const QJsonObject &page);
    void finish();

    api::ApiClient &m_client;
    store::ConnectionRepository &m_repository;
    int m_pageSize = kMaxPageSize;
    bool m_running = false;
    bool m_cancelRequested = false;
    quint64 m_generation = 0;
    int m_done = 0;
    QSet<QString> m_seen;
    ImportSummary m_summary;
};

} // namespace aerodesk::connections
