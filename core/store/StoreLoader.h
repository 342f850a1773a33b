#pragma once

#include "core/connections/Connection.h"
#include "core/crypto/SecureBytes.h"
#include "core/store/ConnectionQuery.h"
#include "core/store/StoreError.h"
#include "core/store/StoreTarget.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QThread>

namespace aerodesk::store {

class Store;
class StoreWorker;

/// The UI's way to read the store without decrypting on the UI thread: owns a QThread and a
/// StoreWorker living on it (with its own connection to the same file), and hands batches of
/// decrypted connections back to this object's thread as queued signals.
///
///   StoreLoader loader(Store::defaultPath(), key);
///   connect(&loader, &StoreLoader::batchReady, model, &Model::append);
///   const quint64 id = loader.load({}, 2000);   // every connection, 2,000 rows per batch
///
/// Each request ends with exactly one of finished / cancelled / failed. After cancel() returns,
/// no batchReady of an earlier request is emitted any more, even one the worker had already
/// sent; such a request ends with cancelled. Destroying the loader cancels, closes the
/// worker's connection on its thread and joins the thread.
class StoreLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultBatchSize = 2000;

    /// A SQLite file (a path converts) or a PostgreSQL target with its password.
    StoreLoader(const StoreTarget &target, const crypto::SecureBytes &dataKey,
                QObject *parent = nullptr);
    StoreLoader(const StoreTarget &target, const crypto::SecureBytes &dataKey,
                const crypto::SecureBytes &password, QObject *parent = nullptr);
    /// The same target, key and password as `store` (its own connection on the worker thread).
    explicit StoreLoader(const Store &store, QObject *parent = nullptr);
    ~StoreLoader() override;

    /// Queues a read; returns its request number (increasing from 1). A `firstBatchSize` above 0
    /// makes the first batch that small (ConnectionRepository::scan).
    quint64 load(const ConnectionQuery &query = {}, int batchSize = kDefaultBatchSize,
                 int firstBatchSize = 0);
    /// Cancels every request made so far.
    void cancel();

    /// The object on the worker thread, to observe it with a direct connection (diagnostics,
    /// tests).
    const StoreWorker *worker() const { return m_worker; }

Q_SIGNALS:
    void batchReady(quint64 request, qint64 firstIndex,
                    const QList<aerodesk::connections::Connection> &rows);
    void finished(quint64 request, qint64 total);
    void cancelled(quint64 request, qint64 delivered);
    void failed(quint64 request, const aerodesk::store::StoreError &error);

private:
    void end(quint64 request);

    QThread m_thread;
    StoreWorker *m_worker = nullptr;
    quint64 m_lastRequest = 0;
    quint64 m_cancelledThrough = 0;
    QHash<quint64, qint64> m_delivered; ///< rows handed on, per open request
};

} // namespace aerodesk::store
