#include "core/timeline/TimelineWorker.h"

#include "core/store/Store.h"
#include "core/timeline/TimelineRepository.h"
#include "core/util/LogCategories.h"

#include <utility>

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
    if (!m_sessionId.isEmpty())
        m_store->connections().setSessionId(m_sessionId);
    m_repository = std::make_unique<TimelineRepository>(*m_store);
    return {};
}

void TimelineWorker::setSessionId(const QString &sessionId)
{
    m_sessionId = sessionId;
    if (m_store && !sessionId.isEmpty())
        m_store->connections().setSessionId(sessionId);
}

void TimelineWorker::close()
{
    m_repository.reset();
    m_store.reset();
}

template<typename Call> auto TimelineWorker::attempt(const Call &call)
{
    using Answer = decltype(call(std::declval<TimelineRepository &>()));
    for (int tries = 0;; ++tries) {
        if (auto s = ensureOpen(); !s)
            return Answer(s.error());
        Answer answer = call(*m_repository);
        if (answer || tries > 0 || answer.error().kind != StoreError::Kind::Unreachable)
            return answer;
        qCInfo(aerodesk::log::store)
            << "timeline: the store's connection was lost; opening it again";
        close();
    }
}

void TimelineWorker::append(const QString &connectionId, const TimelineEntry &entry,
                            const QString &entryKey)
{
    auto stored = attempt([&](TimelineRepository &repository) {
        return repository.append(connectionId, entry, entryKey);
    });
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
    auto entries = attempt([&](TimelineRepository &repository) {
        return repository.forConnection(connectionId, latest);
    });
    if (!entries)
        return Q_EMIT failed(connectionId, entries.error());
    Q_EMIT loaded(request, connectionId, *entries);
}

void TimelineWorker::setFlow(const QString &connectionId, const QString &correlationId,
                             const QDateTime &at)
{
    auto set = attempt([&](TimelineRepository &repository) {
        return repository.setCurrentFlow(connectionId, correlationId, at);
    });
    if (!set)
        Q_EMIT failed(connectionId, set.error());
}

QString TimelineWorker::flow(const QString &connectionId)
{
    auto flow = attempt(
        [&](TimelineRepository &repository) { return repository.currentFlow(connectionId); });
    return flow ? *flow : QString();
}

} // namespace aerodesk::timeline
