#include "ui/connections/ConnectionStoreFeed.h"

#include "core/connections/LinkRecorder.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "core/store/ConnectionQuery.h"
#include "core/store/Store.h"
#include "core/store/StoreJobs.h"
#include "core/store/StoreLoader.h"
#include "core/util/FreedMemory.h"
#include "ui/connections/ConnectionsPanel.h"

#include <QElapsedTimer>
#include <QJsonObject>

namespace aerodesk::ui {

using connections::Connection;

namespace {

QJsonObject jobDetail(const jobs::JobResult &r)
{
    QJsonObject d { { QStringLiteral("type"), api::jobTypeName(r.type) },
                    { QStringLiteral("outcome"), jobs::jobOutcomeName(r.outcome) },
                    { QStringLiteral("message"), r.message },
                    { QStringLiteral("attempts"), r.attempts },
                    { QStringLiteral("elapsedMs"), double(r.elapsedMs) } };
    if (!r.jobId.isEmpty())
        d.insert(QStringLiteral("jobId"), r.jobId);
    if (!r.nextStep.isEmpty())
        d.insert(QStringLiteral("nextStep"), r.nextStep);
    if (!r.error.code.isEmpty())
        d.insert(QStringLiteral("code"), r.error.code);
    if (r.balance) {
        if (r.balance->availableBalance)
            d.insert(QStringLiteral("availableBalance"), *r.balance->availableBalance);
        if (r.balance->currentBalance)
            d.insert(QStringLiteral("currentBalance"), *r.balance->currentBalance);
        if (!r.balance->currency.isEmpty())
            d.insert(QStringLiteral("currency"), r.balance->currency);
    }
    if (r.transactions)
        d.insert(QStringLiteral("transactionCount"), int(r.transactions->transactions.size()));
    return d;
}

} // namespace

ConnectionStoreFeed::ConnectionStoreFeed(session::Session &session, ConnectionsPanel &panel,
                                         QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_panel(panel)
{
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &ConnectionStoreFeed::appendSlice);
    connect(&m_session, &session::Session::storeChanged, this, [this] {
        attach();
        reload(true);
    });
    connect(&m_session, &session::Session::environmentChanged, this, &ConnectionStoreFeed::attach);
    attach();
    if (m_session.store())
        reload(true);
}

ConnectionStoreFeed::~ConnectionStoreFeed() = default;

void ConnectionStoreFeed::attach()
{
    // The session rebuilds its recorder and job runner on a new environment or store.
    if (connections::LinkRecorder *recorder = m_session.linkRecorder(); recorder != m_recorder) {
        m_recorder = recorder;
        if (recorder) {
            connect(recorder, &connections::LinkRecorder::recorded, this,
                    [this](const QStringList &ids, const QStringList &) {
                        for (const QString &id : ids)
                            refreshRow(id);
                    });
            connect(recorder, &connections::LinkRecorder::accountLoaded, this,
                    [this](const QString &id, const Connection &connection) {
                        m_panel.upsertConnection(connection);
                        Q_EMIT historyChanged(id);
                    });
        }
    }
    if (jobs::JobRunner *runner = m_session.jobs(); runner != m_jobs) {
        m_jobs = runner;
        if (runner)
            connect(runner, &jobs::JobRunner::finished, this, &ConnectionStoreFeed::onJobFinished);
    }
}

void ConnectionStoreFeed::reload(bool clearFirst)
{
    store::Store *db = m_session.store();
    if (clearFirst) {
        if (m_loader) {
            m_loader->cancel();
            m_loader->disconnect(this); // its request numbers are not the next loader's
            // Joining the worker waits for at most the batch it is decrypting; do it from the
            // event loop, not inside the session's signal.
            m_loader.release()->deleteLater();
        }
        m_request = 0;
        m_reloadAgain = false;
        m_panel.setConnections({});
        dropPending(); // after the reset: ending the bulk load sorts an empty table
    } else if (m_request != 0) {
        m_reloadAgain = true; // one more pass once this one ends
        return;
    }
    if (!db) {
        endLoad();
        return;
    }
    if (!m_loader) {
        // The loader's worker opens its own connection (same file or team database) with clones
        // of the data key and password (wiped with it).
        m_loader = std::make_unique<store::StoreLoader>(*db);
        connectLoader(*m_loader);
    }
    m_expected = db->connections().count();
    m_delivered = 0;
    m_loaderTotal.reset();
    // The store's own row order (no sort before the first row: the panel sorts once at the end)
    // and a small first batch, so the first screenful shows while the rest is decrypted.
    store::ConnectionQuery everything;
    everything.order = store::ConnectionQuery::Order::Stored;
    m_request = m_loader->load(everything, kBatchSize, kFirstBatchSize);
    if (clearFirst)
        m_panel.reserveRows(m_expected);
    if (!std::exchange(m_bulk, true))
        m_panel.beginBulkLoad();
    Q_EMIT loadingStarted(m_expected);
}

void ConnectionStoreFeed::connectLoader(store::StoreLoader &loaderRef)
{
    store::StoreLoader *loader = &loaderRef;
    connect(loader, &store::StoreLoader::batchReady, this,
            [this](quint64 request, qint64, const QList<Connection> &rows) {
                if (request != m_request || rows.isEmpty())
                    return;
                m_pending.push_back(rows); // implicitly shared: no copy of the rows
                if (!m_sliceTimer.isActive())
                    m_sliceTimer.start();
            });
    connect(loader, &store::StoreLoader::finished, this, [this](quint64 request, qint64 total) {
        if (request != m_request)
            return;
        if (m_pending.empty())
            finishLoad(total);
        else
            m_loaderTotal = total; // the last slice ends the load
    });
    connect(loader, &store::StoreLoader::failed, this,
            [this](quint64 request, const store::StoreError &error) {
                if (request != m_request)
                    return;
                appendAllPending(); // what was read is shown
                m_request = 0;
                m_endStep = 0;
                m_reloadAgain = false;
                if (std::exchange(m_bulk, false))
                    m_panel.endBulkLoad();
                Q_EMIT loadingFailed(error.message);
            });
}

void ConnectionStoreFeed::appendSlice()
{
    QElapsedTimer slice;
    slice.start();
    const qint64 budgetNs = qint64(kSliceBudgetMs) * 1000 * 1000;
    while (!m_pending.empty() && slice.nsecsElapsed() < budgetNs) {
        const QList<Connection> &front = m_pending.front();
        const qsizetype n = std::min<qsizetype>(kSliceRows, front.size() - m_pendingOffset);
        const auto first = front.cbegin() + m_pendingOffset;
        m_panel.appendConnections(std::vector<Connection>(first, first + n));
        m_delivered += n;
        m_pendingOffset += n;
        if (m_pendingOffset == front.size()) {
            m_pending.pop_front();
            m_pendingOffset = 0;
        }
    }
    Q_EMIT loadingProgress(m_delivered, std::max(m_expected, m_delivered));
    if (!m_pending.empty())
        m_sliceTimer.start(); // yield: paint and input get their turn
    else if (m_loaderTotal)
        finishLoad(*m_loaderTotal);
}

void ConnectionStoreFeed::appendAllPending()
{
    m_sliceTimer.stop();
    while (!m_pending.empty()) {
        const QList<Connection> &front = m_pending.front();
        m_panel.appendConnections(
            std::vector<Connection>(front.cbegin() + m_pendingOffset, front.cend()));
        m_delivered += front.size() - m_pendingOffset;
        m_pending.pop_front();
        m_pendingOffset = 0;
    }
}

void ConnectionStoreFeed::dropPending()
{
    m_sliceTimer.stop();
    m_pending.clear();
    m_pendingOffset = 0;
    m_loaderTotal.reset();
    m_endStep = 0;
    if (std::exchange(m_bulk, false))
        m_panel.endBulkLoad();
}

void ConnectionStoreFeed::finishLoad(qint64 total)
{
    if (m_bulk && m_endStep < 2) {
        // The end of a load gets turns of its own (the slice timer brings it back here), so no
        // turn passes a frame: after the last slice, the sort column's ranks (about 5 ms at
        // 100,000 rows); then the order, the re-match and the timeline.
        if (m_endStep++ == 1)
            m_panel.prepareBulkLoadEnd();
        m_loaderTotal = total;
        m_sliceTimer.start();
        return;
    }
    m_endStep = 0;
    m_loaderTotal.reset();
    m_request = 0;
    if (std::exchange(m_bulk, false))
        m_panel.endBulkLoad(); // sorts once and recounts the timeline
    util::FreedMemory::release(); // the load's freed pages and temporaries: 5–7 MB, < 1 ms
    Q_EMIT loadingFinished(total);
    if (std::exchange(m_reloadAgain, false))
        reload(false);
}

void ConnectionStoreFeed::endLoad()
{
    m_request = 0;
    m_expected = 0;
    m_delivered = 0;
}

void ConnectionStoreFeed::refreshRow(const QString &connectionId)
{
    store::StoreJobs *jobs = m_session.storeJobs();
    if (!jobs)
        return;
    // Read on the store jobs' thread: on a team store it is a round trip to the server.
    jobs->run<RowRead>(
        this,
        [connectionId](store::Store *db, const store::StoreError &) {
            return readRow(db, connectionId);
        },
        [this, connectionId](RowRead read) { applyRow(connectionId, read); });
}

void ConnectionStoreFeed::applyRow(const QString &connectionId, const RowRead &read)
{
    if (read.row)
        m_panel.upsertConnection(*read.row);
    else if (read.gone)
        m_panel.removeConnection(connectionId);
    Q_EMIT historyChanged(connectionId);
}

ConnectionStoreFeed::RowRead ConnectionStoreFeed::readRow(store::Store *db,
                                                          const QString &connectionId)
{
    RowRead out;
    if (!db)
        return out;
    auto row = db->connections().get(connectionId);
    if (row.ok())
        out.row = row.value();
    else
        out.gone = row.error().kind == store::StoreError::Kind::NotFound;
    return out;
}

void ConnectionStoreFeed::onJobFinished(const jobs::JobResult &result)
{
    store::StoreJobs *jobs = m_session.storeJobs();
    if (!jobs || result.connectionId.isEmpty())
        return;
    const connections::ConnectionEvent event { m_session.clock().nowUtc(),
                                               result.outcome == jobs::JobOutcome::Completed
                                                   ? QStringLiteral("job")
                                                   : QStringLiteral("error"),
                                               jobDetail(result) };
    const QString eventKey =
        result.jobId.isEmpty() ? QString() : QStringLiteral("job:") + result.jobId;
    // Recorded (and the row read again) on the store jobs' thread, not the UI thread: hundreds
    // of jobs may end close together.
    jobs->run<std::optional<RowRead>>(
        this,
        [id = result.connectionId, event, eventKey](store::Store *db, const store::StoreError &) {
            // Untracked connections (NotFound) are not ours to record.
            if (!db || !db->history().record(id, event, eventKey).ok())
                return std::optional<RowRead>();
            return std::optional<RowRead>(readRow(db, id));
        },
        [this, result](std::optional<RowRead> read) {
            if (!read)
                return;
            applyRow(result.connectionId, *read);
            Q_EMIT jobRecorded(result);
        });
}

} // namespace aerodesk::ui
