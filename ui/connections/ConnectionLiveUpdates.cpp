#include "ui/connections/ConnectionLiveUpdates.h"

#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/store/StoreJobs.h"
#include "core/store/StoreLive.h"
#include "core/store/StorePlaces.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"

namespace aerodesk::ui {

ConnectionLiveUpdates::ConnectionLiveUpdates(session::Session &session, ConnectionsPanel &panel,
                                             ConnectionStoreFeed &feed, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_panel(panel)
    , m_feed(feed)
{
    connect(&m_session, &session::Session::storeChanged, this, [this] {
        m_followed = nullptr; // a new store may sit where the old one was
        follow();
    });
    follow();
}

ConnectionLiveUpdates::~ConnectionLiveUpdates() = default;

store::StoreHealth *ConnectionLiveUpdates::health() const
{
    return m_live && m_live->isActive() ? &m_live->health() : nullptr;
}

QString ConnectionLiveUpdates::writeRefusal() const
{
    const store::StoreHealth *h = health();
    return h ? h->refusal() : QString();
}

void ConnectionLiveUpdates::reportFailure(const store::StoreError &error)
{
    if (m_live)
        m_live->reportFailure(error);
}

void ConnectionLiveUpdates::follow()
{
    store::Store *db = m_session.store();
    if (db == m_followed)
        return;
    m_live.reset(); // before the store it follows may go (the session keeps it until now)
    m_followed = db;
    if (db && db->target().isPostgres()) {
        m_live = std::make_unique<store::StoreLive>(*db);
        connect(m_live.get(), &store::StoreLive::rowChanged, this,
                [this](const connections::Connection &row) {
                    m_panel.upsertConnection(row);
                    Q_EMIT rowApplied(row.connectionId);
                });
        connect(m_live.get(), &store::StoreLive::rowRemoved, this,
                &ConnectionLiveUpdates::removeByIndex);
        connect(m_live.get(), &store::StoreLive::historyChanged, this,
                [this](const QByteArray &rowIndex) {
                    // Only the selected row shows its history: one HMAC, never a scan.
                    if (const QString id = idOfIndex(rowIndex, true); !id.isEmpty())
                        Q_EMIT historyChanged(id);
                });
        connect(m_live.get(), &store::StoreLive::manyChanged, this,
                [this] { m_feed.reload(false); });
        connect(m_live.get(), &store::StoreLive::recovered, this, [this] { m_feed.reload(false); });
        // A rotation step (or a key found for it): the console's own writes follow the plan.
        connect(m_live.get(), &store::StoreLive::keysChanged, this, [this] {
            if (store::StoreJobs *jobs = m_session.storeJobs(); jobs && m_followed)
                jobs->takeKeys(*m_followed);
            Q_EMIT keysChanged();
        });
        connect(&m_live->health(), &store::StoreHealth::changed, this,
                &ConnectionLiveUpdates::healthChanged);
    }
    Q_EMIT healthChanged();
}

QString ConnectionLiveUpdates::idOfIndex(const QByteArray &rowIndex, bool selectedOnly) const
{
    // A change names the row by its blind index only; the model is keyed by connectionId. The
    // selected row is tried first; then, unless `selectedOnly`, the index of each shown row is
    // computed until one matches (removals are rare).
    store::Store *db = m_session.store();
    if (!db)
        return {};
    ConnectionTableModel *model = m_panel.model();
    const auto matches = [&](int row) {
        return db->blindIndex().index(store::places::kConnectionDomain,
                                      model->connection(row).connectionId) == rowIndex;
    };
    if (const int selected = m_panel.currentSourceRow(); selected >= 0 && matches(selected))
        return model->connection(selected).connectionId;
    if (selectedOnly)
        return {};
    for (int row = 0; row < model->rowCount(); ++row) {
        if (matches(row))
            return model->connection(row).connectionId;
    }
    return {};
}

void ConnectionLiveUpdates::removeByIndex(const QByteArray &rowIndex)
{
    const QString id = idOfIndex(rowIndex, false);
    if (id.isEmpty())
        return;
    m_panel.removeConnection(id);
    Q_EMIT rowApplied(id);
}

} // namespace aerodesk::ui
