#include "core/store/StoreJobs.h"

#include "core/store/ConnectionRepository.h"
#include "core/store/Store.h"
#include "core/util/LogCategories.h"

#include <algorithm>

namespace aerodesk::store {

StoreJobs::StoreJobs(const Store &store, QObject *parent)
    : QObject(parent)
    , m_target(store.target())
    , m_key(store.dataKey().clone())
    , m_password(store.password().clone())
    , m_otherKeys(store.otherKeys())
    , m_sessionId(store.sessionId())
{
    m_pool.setObjectName(QStringLiteral("aerodesk-store-jobs"));
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // the one thread stays: the store's connection belongs to it
}

StoreJobs::~StoreJobs()
{
    // The store is closed on its own thread, after every job given so far.
    m_pool.start([this] { m_store.reset(); });
    m_pool.waitForDone();
}

void StoreJobs::post(Job job)
{
    ++m_pending;
    m_pool.start([this, job = std::move(job)] {
        const auto opened = ensureOpen();
        job(m_store.get(), opened ? StoreError {} : opened.error());
        --m_pending;
    });
}

void StoreJobs::takeKeys(const Store &store)
{
    auto keys = std::make_shared<std::vector<crypto::SecureBytes>>(store.otherKeys());
    keys->push_back(store.dataKey().clone());
    ++m_pending;
    m_pool.start([this, keys] {
        for (crypto::SecureBytes &key : *keys) {
            if (m_store)
                m_store->addKey(key); // a key of no live epoch is simply not used
            const bool known = key.equals(m_key) ||
                std::any_of(m_otherKeys.begin(), m_otherKeys.end(),
                            [&key](const crypto::SecureBytes &k) { return k.equals(key); });
            if (!known)
                m_otherKeys.push_back(std::move(key));
        }
        if (m_store) {
            if (auto s = m_store->refreshKeys(); !s)
                qCWarning(aerodesk::log::store).noquote()
                    << "store jobs: the keys could not be re-read:" << s.error().message;
        }
        --m_pending;
    });
}

Status<StoreError> StoreJobs::ensureOpen()
{
    if (m_store && m_target.isPostgres() && !m_store->database().db().isOpen()) {
        // QPSQL closes a connection whose server went away: open a new one below.
        qCInfo(aerodesk::log::store) << "store jobs: opening the team store again";
        m_store.reset();
    }
    if (m_store)
        return {};
    // Never creates: a missing file here means the console's store is gone.
    if (m_target.isSqlite() && !Store::exists(m_target.path()))
        return StoreError::make(
            StoreError::Kind::OpenFailed,
            QStringLiteral("There is no store at %1 to write to.").arg(m_target.path()));
    auto opened = Store::openAnother(m_target, m_key, m_password, m_otherKeys);
    if (!opened)
        return opened.error();
    m_store = std::move(opened).value();
    m_store->connections().setSessionId(m_sessionId);
    return {};
}

} // namespace aerodesk::store
