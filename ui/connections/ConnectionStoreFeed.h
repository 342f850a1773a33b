#pragma once

#include "core/connections/Connection.h"
#include "core/jobs/JobResult.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace aerodesk::session {
class Session;
}
namespace aerodesk::store {
class Store;
class StoreLoader;
} // namespace aerodesk::store
namespace aerodesk::connections {
class LinkRecorder;
}
namespace aerodesk::jobs {
class JobRunner;
}

namespace aerodesk::ui {

class ConnectionsPanel;

/// Keeps a ConnectionsPanel in step with the session's encrypted store:
///  - when Session::storeChanged fires (and at construction when a store is already open), a
///    store::StoreLoader reads every connection on its own thread — decryption never runs on the
///    UI thread — and hands them over in batches of kBatchSize; those are queued and appended
///    to the panel in slices bounded by TIME (kSliceBudgetMs, then back to the event loop), so no
///    UI-thread turn of a load passes a frame, inside one panel bulk load (sorted once at the end;
///    ConnectionsPanel::beginBulkLoad). loadingFinished comes when every row is in the table;
///  - LinkRecorder::recorded / accountLoaded (a link or a reconnect through the widget) and
///    JobRunner::finished upsert the affected row live;
///  - JobRunner::finished for a tracked connection is recorded in its history
///    (store::ConnectionHistory, keyed by the jobId so a job is recorded once).
/// Single-row reads and writes (a get, an upsert, one history event) use Session::store() on the
/// UI thread, as LinkRecorder does; only bulk reads go through the loader.
class ConnectionStoreFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBatchSize = 5000;
    /// The first batch of a load: a screenful and some, decrypted in a few milliseconds.
    static constexpr int kFirstBatchSize = 500;
    /// UI-thread time one slice of appends may take before yielding to the event loop (half a
    /// 60 Hz frame: the rest is left for painting and input).
    static constexpr int kSliceBudgetMs = 6;
    /// Rows per appendConnections() inside a slice (well under a millisecond of work each).
    static constexpr int kSliceRows = 250;

    ConnectionStoreFeed(session::Session &session, ConnectionsPanel &panel,
                        QObject *parent = nullptr);
    ~ConnectionStoreFeed() override;

    /// Reads the whole store again into the panel. `clearFirst` empties the panel first (a new
    /// store); otherwise rows are updated in place and new ones appended (after an import).
    void reload(bool clearFirst);
    bool isLoading() const { return m_request != 0; }
    qint64 expected() const { return m_expected; }
    qint64 delivered() const { return m_delivered; }

    /// Re-reads one connection from the store into the panel (removes the row when it is gone),
    /// on the session's store jobs' thread (Session::storeJobs()); the panel changes when the
    /// read answers, then historyChanged().
    void refreshRow(const QString &connectionId);

Q_SIGNALS:
    /// A load started; `expected` rows are in the store (a plain COUNT, nothing decrypted).
    void loadingStarted(qint64 expected);
    void loadingProgress(qint64 delivered, qint64 expected);
    void loadingFinished(qint64 total);
    void loadingFailed(const QString &why);
    /// The history of this connection gained an event (the detail pane re-reads it).
    void historyChanged(const QString &connectionId);
    /// A job outcome was recorded for a tracked connection.
    void jobRecorded(const aerodesk::jobs::JobResult &result);

private:
    /// One connection as the store has it now (read on the store jobs' thread).
    struct RowRead
    {
        std::optional<connections::Connection> row;
        bool gone = false; ///< no such row (NotFound), as opposed to a failed read
    };
    static RowRead readRow(store::Store *db, const QString &connectionId);
    void applyRow(const QString &connectionId, const RowRead &read);
    void attach();
    void onJobFinished(const jobs::JobResult &result);
    void endLoad();
    void connectLoader(store::StoreLoader &loader);
    void appendSlice();
    void appendAllPending();
    void dropPending();
    void finishLoad(qint64 total);

    session::Session &m_session;
    ConnectionsPanel &m_panel;
    std::unique_ptr<store::StoreLoader> m_loader;
    quint64 m_request = 0;
    qint64 m_expected = 0;
    qint64 m_delivered = 0;
    bool m_reloadAgain = false;
    bool m_bulk = false; ///< inside m_panel.beginBulkLoad()
    int m_endStep = 0; ///< the end of a bulk load: 1 = last slice done, 2 = ranks computed
    std::deque<QList<connections::Connection>> m_pending; ///< received, not yet appended
    qsizetype m_pendingOffset = 0; ///< rows of m_pending.front() already appended
    std::optional<qint64> m_loaderTotal; ///< the loader finished; waiting for the slices
    QTimer m_sliceTimer;
    QPointer<connections::LinkRecorder> m_recorder;
    QPointer<jobs::JobRunner> m_jobs;
};

} // namespace aerodesk::ui
