#include "core/connections/BulkAccountRefresher.h"

#include "core/api/ApiClient.h"
#include "core/connections/AccountApply.h"
#include "core/connections/IdMask.h"
#include "core/store/BlindIndex.h"
#include "core/store/ConnectionRepository.h"
#include "core/util/Clock.h"
#include "core/util/LogCategories.h"

#include <QPointer>
#include <QSet>
#include <QTimer>

namespace aerodesk::connections {

BulkAccountRefresher::BulkAccountRefresher(api::ApiClient &client,
                                           store::ConnectionRepository &repository,
                                           const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_clock(clock)
{
}

void BulkAccountRefresher::setMaxConcurrent(int max)
{
    m_maxConcurrent = qMax(1, max);
}

void BulkAccountRefresher::start(const QStringList &connectionIds)
{
    if (m_running)
        return;
    QSet<QString> seen;
    m_queue.clear();
    for (const QString &id : connectionIds) {
        const QString normal = store::BlindIndex::normalise(id);
        if (!normal.isEmpty() && !seen.contains(normal)) {
            seen.insert(normal);
            m_queue.append(normal);
        }
    }
    m_next = 0;
    m_inFlight = 0;
    m_underWay.clear();
    m_done = 0;
    m_summary = BulkRefreshSummary();
    m_summary.total = int(m_queue.size());
    m_running = true;
    ++m_generation;
    qCInfo(aerodesk::log::connections) << "bulk account refresh of" << m_summary.total
                                       << "connections," << m_maxConcurrent << "at a time";
    // Never inside start(): the first calls go out from the event loop.
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation)
            return;
        pump();
    });
}

void BulkAccountRefresher::cancel()
{
    if (!m_running)
        return;
    ++m_generation; // answers of the calls under way are ignored from now on
    m_summary.wasCancelled = true;
    QStringList notRefreshed =
        QStringList(m_underWay.cbegin(), m_underWay.cend()) + m_queue.mid(m_next);
    m_next = int(m_queue.size());
    m_underWay.clear();
    m_inFlight = 0;
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, notRefreshed] {
        if (generation != m_generation)
            return;
        for (const QString &id : notRefreshed) {
            RefreshOutcome o;
            o.connectionId = id;
            o.status = RefreshOutcome::Status::Cancelled;
            o.message = QStringLiteral("Not refreshed: the refresh was cancelled.");
            report(o);
        }
        m_running = false;
        Q_EMIT finished(m_summary);
    });
}

void BulkAccountRefresher::pump()
{
    while (m_running && m_inFlight < m_maxConcurrent && m_next < m_queue.size())
        refreshOne(m_queue.at(m_next++));
    finishIfDone();
}

void BulkAccountRefresher::refreshOne(const QString &connectionId)
{
    ++m_inFlight;
    m_underWay.insert(connectionId);
    const quint64 generation = m_generation;
    QPointer<BulkAccountRefresher> self(this);
    m_client.getAccount(
        connectionId,
        [self, generation, connectionId](Result<api::Account, api::ApiError> account) {
            if (!self || generation != self->m_generation)
                return;
            --self->m_inFlight;
            self->m_underWay.remove(connectionId);
            RefreshOutcome o;
            o.connectionId = connectionId;
            if (!account.ok()) {
                o.status = RefreshOutcome::Status::ApiFailed;
                o.apiError = account.error();
                o.message = account.error().message;
            } else {
                Connection c;
                auto row = self->m_repository.get(connectionId);
                if (row.ok())
                    c = std::move(row).value();
                else
                    c.connectionId = connectionId;
                if (!row.ok() && row.error().kind != store::StoreError::Kind::NotFound) {
                    o.status = RefreshOutcome::Status::StoreFailed;
                    o.message = row.error().message;
                } else {
                    applyAccount(c, *account, self->m_clock.nowUtc());
                    if (auto stored = self->m_repository.upsert(c); !stored) {
                        o.status = RefreshOutcome::Status::StoreFailed;
                        o.message = stored.error().message;
                    }
                }
            }
            self->report(o);
            if (self && generation == self->m_generation) // a slot of report() may have cancelled
                self->pump();
        });
}

void BulkAccountRefresher::report(const RefreshOutcome &outcome)
{
    ++m_done;
    if (outcome.status == RefreshOutcome::Status::ApiFailed ||
        outcome.status == RefreshOutcome::Status::StoreFailed)
        qCWarning(aerodesk::log::connections).noquote()
            << "refresh of" << IdMask::mask(outcome.connectionId) << "failed:"
            << (outcome.apiError ? api::apiErrorLogText(*outcome.apiError) : outcome.message);
    switch (outcome.status) {
    case RefreshOutcome::Status::Ok:
        ++m_summary.ok;
        break;
    case RefreshOutcome::Status::ApiFailed:
    case RefreshOutcome::Status::StoreFailed:
        ++m_summary.failed;
        break;
    case RefreshOutcome::Status::Cancelled:
        ++m_summary.cancelled;
        break;
    }
    Q_EMIT connectionRefreshed(outcome);
    Q_EMIT progress(m_done, m_summary.total);
}

void BulkAccountRefresher::finishIfDone()
{
    if (!m_running || m_summary.wasCancelled || m_inFlight > 0 || m_next < m_queue.size())
        return; // a cancelled run finishes from cancel()
    m_running = false;
    qCInfo(aerodesk::log::connections) << "bulk account refresh done:" << m_summary.ok << "ok,"
                                       << m_summary.failed << "failed of" << m_summary.total;
    Q_EMIT finished(m_summary);
}

} // namespace aerodesk::connections
