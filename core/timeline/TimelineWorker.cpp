#include "core/timeline/TimelineWorker.h"

#include "core/store/Store.h"
#include "core/timeline/TimelineRepository.h"
#include "core/util/LogCategories.h"

namespace aerodesk::timeline {

using store::StoreError;

TimelineWorker::TimelineWorker(store::StoreTarget target, crypto::SecureBytes dataKey,
                               crypto::SecureBytes password)
    : m_target(std::move(target))
    , m_key(std::move(dataKey))
    , m_password(std::move(password))
{
}

TimelineWorker::~TimelineWorker() = default;

Status<StoreError> TimelineWorker::ensureOpen()
{
    if (m_store)
        return {};
    if (m_target.isSqlite() && !store::Store::exists(m_target.path()))
        return StoreError::make(StoreError::Kind::OpenFailed,
                                QStringLiteral("There is no store at %1 to keep the timeline in.")
                                    .arg(m_target.path()));
    auto opened = store::Store::open(m_target, m_key, {}, m_password);
    if (!opened)
        return opened.error();
    m_store = std::move(opened).value();
    m_repository = std::make_unique<TimelineRepository>(*m_store);
    return {};
}

void TimelineWorker::close()
{
    m_repository.reset();
    m_store.reset();
}

void TimelineWorker::append(const QString &connectionId, const TimelineEntry &entry,
                            const QString &entryKey)
{
    if (auto s = ensureOpen(); !s) {
        Q_EMIT failed(connectionId, s.error());
        return Q_EMIT appended(connectionId, entry, false);
    }
    auto stored = m_repository->append(connectionId, entry, entryKey);
    if (!stored) {
        // A step for a connection the store does not know (a webhook for another console's
        // connection, a call before the link was persisted) is not an error worth a warning.
        if (stored.error().kind != StoreError::Kind::NotFound)
            qCWarning(aerodesk::log::store).noquote()
                << "timeline step not stored:" << stored.error().message;
        Q_EMIT failed(connectionId, stored.error());
        return Q_EMIT appended(connectionId, entry, false);
    }
    Q_EMIT appended(connectionId, entry, *stored);
}

void TimelineWorker::load(quint64 request, const QString &connectionId, int latest)
{
    if (auto s = ensureOpen(); !s)
        return Q_EMIT failed(connectionId, s.error());
    auto entries = m_repository->forConnection(connectionId, latest);
    if (!entries)
        return Q_EMIT failed(connectionId, entries.error());
    Q_EMIT loaded(request, connectionId, *entries);
}

void TimelineWorker::setFlow(const QString &connectionId, const QString &correlationId,
                             const QDateTime &at)
{
    if (auto s = ensureOpen(); !s)
        return Q_EMIT failed(connectionId, s.error());
    if (auto s = m_repository->setCurrentFlow(connectionId, correlationId, at); !s)
        Q_EMIT failed(connectionId, s.error());
}

QString TimelineWorker::flow(const QString &connectionId)
{
    if (!ensureOpen())
        return {};
    auto flow = m_repository->currentFlow(connectionId);
    return flow ? *flow : QString();
}

} // namespace aerodesk::timeline
