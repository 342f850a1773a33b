#pragma once

#include "core/connections/RefreshOutcome.h"

#include <QObject>
#include <QSet>
#include <QStringList>

namespace aerodesk {
class Clock;
}
namespace aerodesk::api {
class ApiClient;
}
namespace aerodesk::store {
class ConnectionRepository;
}

namespace aerodesk::connections {

/// Refreshes many tracked connections from GET /v2/accounts/{id} with BOUNDED concurrency: at
/// most maxConcurrent() account calls are under way at any moment (default 8); the next one is
/// sent only when one answers. Each answer updates the stored row (account summary, bank,
/// status, expiry, lastRefresh; a connection not tracked yet is added) and is reported on its
/// own: one failing id (deleted, revoked, expired...) never stops the others.
///
/// The bound matters: QNetworkAccessManager opens at most 6 connections per host and Qt's
/// transfer timeout counts queueing time, so firing thousands of calls at once would time most of
/// them out (docs/client.md). Asynchronous: connectionRefreshed / progress / finished are
/// emitted later, never inside start(). cancel() sends nothing more; calls already under way
/// are left to finish but their answers are ignored (the rows are not touched) and every
/// connection not refreshed is reported Cancelled.
class BulkAccountRefresher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultMaxConcurrent = 8;

    BulkAccountRefresher(api::ApiClient &client, store::ConnectionRepository &repository,
                         const Clock &clock, QObject *parent = nullptr);

    /// At least 1; takes effect for the calls sent after it.
    void setMaxConcurrent(int max);
    int maxConcurrent() const { return m_maxConcurrent; }

    /// Refreshes `connectionIds` (duplicates are refreshed once). Ignored while running.
    void start(const QStringList &connectionIds);
    void cancel();
    bool isRunning() const { return m_running; }
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    void connectionRefreshed(const aerodesk::connections::RefreshOutcome &outcome);
    void progress(int done, int total);
    void finished(const aerodesk::connections::BulkRefreshSummary &summary);

private:
    void pump();
    void refreshOne(const QString &connectionId);
    void report(const RefreshOutcome &outcome);
    void finishIfDone();

    api::ApiClient &m_client;
    store::ConnectionRepository &m_repository;
    const Clock &m_clock;
    int m_maxConcurrent = kDefaultMaxConcurrent;
    QStringList m_queue;
    int m_next = 0;
    int m_inFlight = 0;
    QSet<QString> m_underWay;
    int m_done = 0;
    bool m_running = false;
    quint64 m_generation = 0;
    BulkRefreshSummary m_summary;
};

} // namespace aerodesk::connections
