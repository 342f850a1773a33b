#include "core/connections/LinkRecorder.h"

#include "core/api/ApiClient.h"
#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/connections/AccountApply.h"
#include "core/connections/IdMask.h"
#include "core/store/BlindIndex.h"
#include "core/store/ConnectionRepository.h"
#include "core/util/Clock.h"
#include "core/util/LogCategories.h"

#include <QPointer>

#include <algorithm>

namespace aerodesk::connections {

namespace {
QStringList unsavedIds(const QList<UnsavedLink> &items)
{
    QStringList ids;
    for (const auto &item : items)
        ids.append(item.connectionId);
    return ids;
}
} // namespace

LinkRecorder::LinkRecorder(api::LinkWidgetEventDispatcher &dispatcher,
                           store::ConnectionRepository &repository, api::ApiClient &client,
                           const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_dispatcher(dispatcher)
    , m_repository(repository)
    , m_client(client)
    , m_clock(clock)
{
    m_dispatcher.setPersistHook([this](const api::LinkWidgetEvent::PageSuccess &s, QString *why) {
        return persist(s, why);
    });
    connect(&m_dispatcher, &api::LinkWidgetEventDispatcher::pageSuccess, this,
            &LinkRecorder::onPageSuccess);
}

LinkRecorder::~LinkRecorder()
{
    m_dispatcher.setPersistHook({}); // the hook captures this object
}

bool LinkRecorder::persist(const api::LinkWidgetEvent::PageSuccess &success, QString *why)
{
    m_lastRecorded.clear();
    const QStringList ids = success.connectionIds();
    if (ids.isEmpty()) {
        *why = tr("The widget reported success without a connectionId; nothing was recorded.");
        qCWarning(aerodesk::log::connections).noquote() << "pageSuccess not recorded:" << *why;
        Q_EMIT recordFailed(ids, *why);
        return false;
    }
    UnsavedLinks items;
    for (const QString &id : ids)
        items.append({ id, success.aeroPassUserUuid });
    QStringList created;
    if (const QString failure = write(items, &created); !failure.isEmpty()) {
        *why = tr("The new connection could not be saved in the store, so nothing else was "
                  "started: %1")
                   .arg(failure);
        keepUnsaved(items, *why);
        return false;
    }
    m_lastRecorded = ids;
    Q_EMIT recorded(ids, created);
    return true;
}

QString LinkRecorder::write(const UnsavedLinks &items, QStringList *created)
{
    QList<Connection> rows;
    for (const UnsavedLink &item : items) {
        Connection c;
        auto existing = m_repository.get(item.connectionId);
        if (existing.ok()) {
            c = std::move(existing).value();
        } else if (existing.error().kind == store::StoreError::Kind::NotFound) {
            c.connectionId = store::BlindIndex::normalise(item.connectionId);
            created->append(item.connectionId);
        } else {
            return existing.error().message;
        }
        if (!item.aeroPassUserUuid.isEmpty())
            c.aeroPassUserUuid = item.aeroPassUserUuid;
        c.status =
            QStringLiteral("CONNECTED"); // what a pageSuccess means; GET /accounts refines it
        rows.append(std::move(c));
    }
    if (auto stored = m_repository.upsertMany(rows); !stored)
        return stored.error().message;
    QStringList masked;
    for (const UnsavedLink &item : items)
        masked << IdMask::mask(item.connectionId);
    qCInfo(aerodesk::log::connections).noquote()
        << QStringLiteral("pageSuccess recorded: %1 (%2 new)")
               .arg(masked.join(QStringLiteral(", ")))
               .arg(created->size());
    return {};
}

void LinkRecorder::keepUnsaved(const UnsavedLinks &items, const QString &why)
{
    QStringList ids;
    for (const UnsavedLink &item : items) {
        ids.append(item.connectionId);
        const QString key = store::BlindIndex::normalise(item.connectionId);
        const bool known =
            std::any_of(m_unsaved.cbegin(), m_unsaved.cend(), [&](const UnsavedLink &u) {
                return store::BlindIndex::normalise(u.connectionId) == key;
            });
        if (!known)
            m_unsaved.append(item);
    }
    m_unsavedReason = why;
    qCWarning(aerodesk::log::connections).noquote()
        << "pageSuccess not recorded:" << why
        << QStringLiteral("(%1 kept in memory)").arg(m_unsaved.size());
    Q_EMIT recordFailed(ids, why);
    Q_EMIT unsavedChanged(int(m_unsaved.size()));
}

QStringList LinkRecorder::unsaved() const
{
    return unsavedIds(m_unsaved);
}

bool LinkRecorder::retryUnsaved()
{
    if (m_unsaved.isEmpty())
        return true;
    const UnsavedLinks items = m_unsaved;
    QStringList created;
    if (const QString failure = write(items, &created); !failure.isEmpty()) {
        keepUnsaved(
            items, tr("The new connection could still not be saved in the store: %1").arg(failure));
        return false;
    }
    m_unsaved.clear();
    m_unsavedReason.clear();
    const QStringList ids = unsavedIds(items);
    Q_EMIT recorded(ids, created);
    Q_EMIT unsavedChanged(0);
    if (m_fetchAccounts)
        for (const QString &id : ids)
            loadAccount(id);
    return true;
}

void LinkRecorder::adoptUnsaved(const UnsavedLinks &unsaved, const QString &reason)
{
    if (unsaved.isEmpty())
        return;
    m_unsaved = unsaved;
    m_unsavedReason = reason;
    Q_EMIT unsavedChanged(int(m_unsaved.size()));
}

void LinkRecorder::onPageSuccess(const api::LinkWidgetEvent::PageSuccess &success)
{
    // The hook ran just before this signal; follow up only on what it actually stored.
    const QStringList ids = success.connectionIds();
    if (m_lastRecorded != ids) {
        m_lastRecorded.clear();
        return;
    }
    m_lastRecorded.clear();
    if (!m_fetchAccounts)
        return;
    for (const QString &id : ids)
        loadAccount(id);
}

void LinkRecorder::loadAccount(const QString &connectionId)
{
    QPointer<LinkRecorder> self(this);
    m_client.getAccount(
        connectionId, [self, connectionId](Result<api::Account, api::ApiError> account) {
            if (!self)
                return;
            const auto failed = [&](const QString &why) {
                qCWarning(aerodesk::log::connections).noquote()
                    << "account of" << IdMask::mask(connectionId) << "not loaded:" << why;
                Q_EMIT self->accountFailed(connectionId, why);
            };
            if (!account.ok()) {
                qCWarning(aerodesk::log::connections).noquote()
                    << "account of" << IdMask::mask(connectionId)
                    << "not loaded:" << api::apiErrorLogText(account.error());
                Q_EMIT self->accountFailed(connectionId, account.error().message);
                return;
            }
            auto row = self->m_repository.get(connectionId);
            if (!row.ok()) {
                failed(row.error().message);
                return;
            }
            Connection c = std::move(row).value();
            applyAccount(c, *account, self->m_clock.nowUtc());
            if (auto stored = self->m_repository.upsert(c); !stored) {
                failed(stored.error().message);
                return;
            }
            qCDebug(aerodesk::log::connections).noquote()
                << "account of" << IdMask::mask(connectionId) << "stored";
            Q_EMIT self->accountLoaded(connectionId, c);
        });
}

} // namespace aerodesk::connections
