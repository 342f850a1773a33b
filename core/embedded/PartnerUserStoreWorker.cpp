#include "core/embedded/PartnerUserStoreWorker.h"

#include "core/store/PartnerUserRepository.h"
#include "core/store/Store.h"
#include "core/util/LogCategories.h"

namespace aerodesk::embedded {

PartnerUserStoreWorker::PartnerUserStoreWorker(store::StoreTarget target,
                                               crypto::SecureBytes dataKey,
                                               crypto::SecureBytes password)
    : m_target(std::move(target))
    , m_key(std::move(dataKey))
    , m_password(std::move(password))
{
}

PartnerUserStoreWorker::~PartnerUserStoreWorker() = default;

Status<store::StoreError> PartnerUserStoreWorker::ensureOpen()
{
    if (m_repository)
        return {};
    if (m_target.isSqlite() && !store::Store::exists(m_target.path()))
        return store::StoreError::make(
            store::StoreError::Kind::OpenFailed,
            QStringLiteral("There is no store at %1 to keep partner users in.")
                .arg(m_target.path()));
    auto opened = store::Store::open(m_target, m_key, {}, m_password);
    if (!opened)
        return opened.error();
    m_store = std::move(opened).value();
    m_repository = std::make_unique<store::PartnerUserRepository>(
        m_store->database(), m_store->cipher(), m_store->blindIndex());
    return {};
}

void PartnerUserStoreWorker::run(const Job &job)
{
    const auto opened = ensureOpen();
    if (!opened) {
        qCWarning(aerodesk::log::store).noquote()
            << "partner users: the store did not open:" << opened.error().message;
        return job(nullptr, opened.error());
    }
    job(m_repository.get(), store::StoreError {});
}

void PartnerUserStoreWorker::close()
{
    m_repository.reset();
    m_store.reset();
}

} // namespace aerodesk::embedded
