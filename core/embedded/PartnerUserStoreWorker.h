#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreError.h"
#include "core/store/StoreTarget.h"
#include "core/util/Result.h"

#include <QObject>

#include <functional>
#include <memory>

namespace aerodesk::store {
class PartnerUserRepository;
class Store;
} // namespace aerodesk::store

namespace aerodesk::embedded {

/// The store work of TeamPartnerUserStore, on its own thread: it opens its OWN Store on the
/// same team database (or file) at the first job, like store::StoreWorker, and never creates a
/// store file. Jobs run one at a time, in the order they were queued.
class PartnerUserStoreWorker : public QObject
{
public:
    /// `repository` is null when the store could not be opened; then `openError` says why.
    using Job = std::function<void(store::PartnerUserRepository *repository,
                                   const store::StoreError &openError)>;

    PartnerUserStoreWorker(store::StoreTarget target, crypto::SecureBytes dataKey,
                           crypto::SecureBytes password);
    ~PartnerUserStoreWorker() override;

    /// On the worker's thread.
    void run(const Job &job);
    /// On the worker's thread: closes its database connection (before the thread ends).
    void close();

private:
    Status<store::StoreError> ensureOpen();

    store::StoreTarget m_target;
    crypto::SecureBytes m_key;
    crypto::SecureBytes m_password;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<store::PartnerUserRepository> m_repository;
};

} // namespace aerodesk::embedded
