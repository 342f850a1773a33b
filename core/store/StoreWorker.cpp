#include "core/store/StoreWorker.h"

#include "core/util/LogCategories.h"

namespace aerodesk::store {

StoreWorker::StoreWorker(StoreTarget target, crypto::SecureBytes dataKey,
                         crypto::SecureBytes password)
    : m_target(std::move(target))
    , m_key(std::move(dataKey))
    , m_password(std::move(password))
{
}

StoreWorker::~StoreWorker() = default;

void StoreWorker::cancelThrough(quint64 request)
{
    quint64 seen = m_cancelledThrough.load();
    while (seen < request && !m_cancelledThrough.compare_exchange_weak(seen, request)) { }
}

Status<StoreError> StoreWorker::ensureOpen()
{
    if (m_store)
        return {};
    // Reading must never create: a missing file here means the caller's store is gone.
    // (A team store on PostgreSQL is only read here after the console opened — created — it.)
    if (m_target.isSqlite() && !Store::exists(m_target.path()))
        return StoreError::make(StoreError::Kind::OpenFailed,
                                QStringLiteral("There is no store at %1 to read connections from.")
                                    .arg(m_target.path()));
    auto opened = Store::openAnother(m_target, m_key, m_password, m_otherKeys);
    if (!opened)
        return opened.error();
    m_store = std::move(opened).value();
    return {};
}

void StoreWorker::close()
{
    m_store.reset();
}

void StoreWorker::load(quint64 request, const ConnectionQuery &query, int batchSize,
                       int firstBatchSize)
{
    if (isCancelled(request))
        return Q_EMIT cancelled(request, 0);
    qint64 delivered = 0;
    bool stopped = false;
    Status<StoreError> scanned;
    // A team store's server that went away and came back: the connection this worker held is
    // dead (libpq never reconnects), so one more try on a fresh one before anything was sent.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (auto s = ensureOpen(); !s) {
            qCWarning(aerodesk::log::store).noquote()
                << "load" << request << "failed:" << s.error().message;
            return Q_EMIT failed(request, s.error());
        }
        scanned = m_store->connections().scan(
            query, batchSize,
            [&](QList<connections::Connection> &&rows) {
                if (isCancelled(request)) {
                    stopped = true;
                    return false;
                }
                const qint64 first = delivered;
                delivered += rows.size();
                Q_EMIT batchReady(request, first, rows);
                return true;
            },
            firstBatchSize);
        if (scanned || scanned.error().kind != StoreError::Kind::Unreachable)
            break;
        m_store.reset();
        if (delivered > 0)
            break;
    }
    if (!scanned)
        return Q_EMIT failed(request, scanned.error()); // the repository logged the query
    if (stopped || isCancelled(request)) {
        qCDebug(aerodesk::log::store)
            << "load" << request << "cancelled after" << delivered << "rows";
        return Q_EMIT cancelled(request, delivered);
    }
    qCDebug(aerodesk::log::store) << "load" << request << "finished:" << delivered << "rows";
    Q_EMIT finished(request, delivered);
}

} // namespace aerodesk::store
