#include "ui/connections/ConnectionLiveUpdates.h"

#include "core/session/Session.h"
#include "core/store/Store.h"
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
        connect(m_live.get(), &store::StoreLive::manyChanged, this,
                [this] { m_feed.reload(false); });
        connect(m_live.get(), &store::StoreLive::recovered, this, [this] { m_feed.reload(false); });
        connect(&m_live->health(), &store::StoreHealth::changed, this,
                &ConnectionLiveUpdates::healthChanged);
    }
    Q_EMIT healthChanged();
}

void ConnectionLiveUpdates::removeByIndex(const QByteArray &rowIndex)
{
    // The change names the row by its blind index only; the model is keyed by connectionId.
    // Removals are rare, so the index of each shown row is computed until one matches.
    store::Store *db = m_session.store();
    if (!db)
        return;
    ConnectionTableModel *model = m_panel.model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->connection(row).connectionId;
        if (db->blindIndex().index(store::places::kConnectionDomain, id) == rowIndex) {
            m_panel.removeConnection(id);
            Q_EMIT rowApplied(id);
            return;
        }
    }
}

} // namespace aerodesk::ui
