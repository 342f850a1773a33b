#pragma once

#include "core/connections/Connection.h"
#include "core/crypto/SecureBytes.h"
#include "core/store/ConnectionQuery.h"
#include "core/store/Store.h"
#include "core/store/StoreError.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

namespace aerodesk::store {

/// Reads and decrypts connections on its own thread (use it through StoreLoader, which owns
/// the thread). It opens its OWN Store — its own QSqlDatabase connection, on this thread — on
/// the same file or team database, at the first request; it never creates a store that does
/// not exist.
///
/// Each request ends with exactly one of finished / cancelled / failed, after its batches.
/// Cancellation is checked between batches, so at most one batch of extra work is done.
class StoreWorker : public QObject
{
    Q_OBJECT
public:
    StoreWorker(StoreTarget target, crypto::SecureBytes dataKey,
                crypto::SecureBytes password = crypto::SecureBytes());
    ~StoreWorker() override;

    /// Before the first load: other team keys the console holds mid-rotation (Store::addKey).
    void setOtherKeys(std::vector<crypto::SecureBytes> keys) { m_otherKeys = std::move(keys); }

    /// On the worker's thread (StoreLoader invokes it queued).
    void load(quint64 request, const aerodesk::store::ConnectionQuery &query, int batchSize,
              int firstBatchSize = 0);
    /// On the worker's thread: closes its database connection (before the thread ends).
    void close();
    /// Any thread: every request numbered up to `request` stops before its next batch.
    void cancelThrough(quint64 request);

Q_SIGNALS:
    /// `rows` are decrypted; `firstIndex` is the position of rows[0] in the whole result.
    void batchReady(quint64 request, qint64 firstIndex,
                    const QList<aerodesk::connections::Connection> &rows);
    void finished(quint64 request, qint64 total);
    void cancelled(quint64 request, qint64 delivered);
    void failed(quint64 request, const aerodesk::store::StoreError &error);

private:
    bool isCancelled(quint64 request) const { return request <= m_cancelledThrough.load(); }
    Status<StoreError> ensureOpen();

    StoreTarget m_target;
    crypto::SecureBytes m_key;
    crypto::SecureBytes m_password;
    std::vector<crypto::SecureBytes> m_otherKeys;
    std::unique_ptr<Store> m_store;
    std::atomic<quint64> m_cancelledThrough { 0 };
};

} // namespace aerodesk::store
