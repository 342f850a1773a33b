#include "core/store/StoreLive.h"

#include "core/store/HeldEpochKeys.h"
#include "core/store/Store.h"
#include "core/store/StoreChangeListener.h"
#include "core/team/TeamKeychain.h"
#include "core/util/LogCategories.h"

#include <QThread>

namespace aerodesk::store {

StoreLive::StoreLive(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    if (!store.target().isPostgres())
        return; // one desktop: nobody else writes, nothing to follow
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("aerodesk-store-live"));
    m_listener =
        new StoreChangeListener(store.target(), store.dataKey().clone(), store.password().clone(),
                                store.sessionId(), store.otherKeys());
    m_listener->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_listener, &QObject::deleteLater);
    connect(m_listener, &StoreChangeListener::online, this, &StoreLive::onOnline);
    connect(m_listener, &StoreChangeListener::offline, this, [this](const QString &reason) {
        m_listening = false;
        m_health.markOffline(reason);
    });
    connect(m_listener, &StoreChangeListener::rowChanged, this,
            [this](const StoreChange &, const connections::Connection &row) {
                Q_EMIT rowChanged(row);
            });
    connect(m_listener, &StoreChangeListener::rowRemoved, this,
            [this](const StoreChange &change) { Q_EMIT rowRemoved(change.rowIndex); });
    connect(m_listener, &StoreChangeListener::manyChanged, this,
            [this](const StoreChange &) { Q_EMIT manyChanged(); });
    connect(m_listener, &StoreChangeListener::historyChanged, this, &StoreLive::historyChanged);
    connect(m_listener, &StoreChangeListener::keysChanged, this, [this] {
        if (auto s = m_store.refreshKeys(); !s)
            qCWarning(aerodesk::log::store).noquote()
                << "the console's store could not re-read its keys:" << s.error().message;
        Q_EMIT keysChanged();
        followHeldKeys();
    });
    m_thread->start();
    QMetaObject::invokeMethod(m_listener, &StoreChangeListener::start, Qt::QueuedConnection);
}

void StoreLive::shareKeysWithListener()
{
    // The listener decrypts other consoles' rows: it needs every key the console's store holds
    // (it skips those it has).
    auto keys = std::make_shared<std::vector<crypto::SecureBytes>>(m_store.otherKeys());
    QMetaObject::invokeMethod(
        m_listener,
        [listener = m_listener, keys] {
            for (const crypto::SecureBytes &key : *keys)
                listener->addKey(key);
        },
        Qt::QueuedConnection);
}

void StoreLive::followHeldKeys()
{
    shareKeysWithListener();
    const QString team = m_store.target().team();
    if (team::TeamKeychain::teamNameProblem(team) || HeldEpochKeys::missing(m_store).isEmpty())
        return;
    if (!m_teamKeychain)
        m_teamKeychain = std::make_unique<team::TeamKeychain>(team);
    HeldEpochKeys::take(m_store, *m_teamKeychain, [this](int added) {
        if (added == 0)
            return; // not held (yet): the console stays as the plan allows
        shareKeysWithListener();
        Q_EMIT keysChanged();
    });
}

StoreLive::~StoreLive()
{
    if (!m_thread)
        return;
    // Close the listener's connection on its own thread, then end the thread (which deletes it).
    QMetaObject::invokeMethod(m_listener, &StoreChangeListener::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void StoreLive::reportFailure(const StoreError &error)
{
    if (!m_listener || error.kind != StoreError::Kind::Unreachable)
        return;
    m_health.markOffline(error.message);
    QMetaObject::invokeMethod(m_listener, &StoreChangeListener::probe, Qt::QueuedConnection);
}

void StoreLive::onOnline(bool afterOutage)
{
    m_listening = true;
    if (!afterOutage && m_health.state() == StoreHealth::State::Online) {
        Q_EMIT subscribed();
        return;
    }
    m_health.markRecovering();
    // libpq never reconnects by itself: the console's own connection is opened again now that
    // the server answers the listener (a local round trip, not a wait for a dead host).
    if (auto s = m_store.database().open(Database::Mode::ReadWrite); !s) {
        qCWarning(aerodesk::log::store).noquote()
            << "team store answers, but the console could not reconnect:" << s.error().message;
        m_health.markOffline(s.error().message);
        QMetaObject::invokeMethod(m_listener, &StoreChangeListener::probe, Qt::QueuedConnection);
        return;
    }
    m_health.markOnline();
    Q_EMIT subscribed();
    Q_EMIT recovered();
}

} // namespace aerodesk::store
