#include "core/store/StoreLoader.h"

#include "core/store/Store.h"
#include "core/store/StoreWorker.h"

namespace aerodesk::store {

using connections::Connection;

StoreLoader::StoreLoader(const StoreTarget &target, const crypto::SecureBytes &dataKey,
                         QObject *parent)
    : StoreLoader(target, dataKey, crypto::SecureBytes(), parent)
{
}

StoreLoader::StoreLoader(const Store &store, QObject *parent)
    : StoreLoader(store.target(), store.dataKey(), store.password(), parent)
{
    m_worker->setOtherKeys(store.otherKeys()); // mid-rotation: both epochs' rows
}

StoreLoader::StoreLoader(const StoreTarget &target, const crypto::SecureBytes &dataKey,
                         const crypto::SecureBytes &password, QObject *parent)
    : QObject(parent)
    , m_worker(new StoreWorker(target, dataKey.clone(), password.clone()))
{
    m_thread.setObjectName(QStringLiteral("aerodesk-store-loader"));
    m_worker->moveToThread(&m_thread);
    // Context `this`: every lambda runs queued on the loader's thread.
    connect(m_worker, &StoreWorker::batchReady, this,
            [this](quint64 request, qint64 first, const QList<Connection> &rows) {
                if (request <= m_cancelledThrough)
                    return;
                m_delivered[request] += rows.size();
                Q_EMIT batchReady(request, first, rows);
            });
    connect(m_worker, &StoreWorker::finished, this, [this](quint64 request, qint64 total) {
        const qint64 delivered = m_delivered.value(request);
        end(request);
        if (request <= m_cancelledThrough)
            Q_EMIT cancelled(request, delivered);
        else
            Q_EMIT finished(request, total);
    });
    connect(m_worker, &StoreWorker::cancelled, this, [this](quint64 request, qint64) {
        const qint64 delivered = m_delivered.value(request);
        end(request);
        Q_EMIT cancelled(request, delivered);
    });
    connect(m_worker, &StoreWorker::failed, this, [this](quint64 request, const StoreError &error) {
        end(request);
        Q_EMIT failed(request, error);
    });
    m_thread.start();
}

StoreLoader::~StoreLoader()
{
    m_worker->cancelThrough(m_lastRequest);
    // The worker's QSqlDatabase belongs to its thread: close it there, then stop the thread.
    QMetaObject::invokeMethod(m_worker, &StoreWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

quint64 StoreLoader::load(const ConnectionQuery &query, int batchSize, int firstBatchSize)
{
    const quint64 request = ++m_lastRequest;
    m_delivered.insert(request, 0);
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker,
        [worker, request, query, batchSize, firstBatchSize] {
            worker->load(request, query, batchSize, firstBatchSize);
        },
        Qt::QueuedConnection);
    return request;
}

void StoreLoader::cancel()
{
    m_cancelledThrough = m_lastRequest;
    m_worker->cancelThrough(m_lastRequest);
}

void StoreLoader::end(quint64 request)
{
    m_delivered.remove(request);
}

} // namespace aerodesk::store
