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

namespace aerodesk::connections {

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
    const auto fail = [&](const QString &text) {
        qCWarning(aerodesk::log::connections).noquote() << "pageSuccess not recorded:" << text;
        *why = text;
        Q_EMIT recordFailed(ids, text);
        return false;
    };
    if (ids.isEmpty())
        return fail(QStringLiteral(
            "The widget reported success without a connectionId; nothing was recorded."));

    QList<Connection> rows;
    QStringList created;
    for (const QString &id : ids) {
        Connection c;
        auto existing = m_repository.get(id);
        if (existing.ok()) {
            c = std::move(existing).value();
        } else if (existing.error().kind == store::StoreError::Kind::NotFound) {
            c.connectionId = store::BlindIndex::normalise(id);
            created.append(id);
        } else {
            return fail(
                QStringLiteral(
                    "The new connection could not be saved in the store, so nothing else was "
                    "started: %1")
                    .arg(existing.error().message));
        }
        if (!success.aeroPassUserUuid.isEmpty())
            c.aeroPassUserUuid = success.aeroPassUserUuid;
        c.status =
            QStringLiteral("CONNECTED"); // what a pageSuccess means; GET /accounts refines it
        rows.append(std::move(c));
    }
    if (auto stored = m_repository.upsertMany(rows); !stored)
        return fail(QStringLiteral(
                        "The new connection could not be saved in the store, so nothing else was "
                        "started: %1")
                        .arg(stored.error().message));
    m_lastRecorded = ids;
    QStringList masked;
    for (const QString &id : ids)
        masked << IdMask::mask(id);
    qCInfo(aerodesk::log::connections).noquote()
        << QStringLiteral("pageSuccess recorded: %1 (%2 new)")
               .arg(masked.join(QStringLiteral(", ")))
               .arg(created.size());
    Q_EMIT recorded(ids, created);
    return true;
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
