#include "core/store/StoreChangeListener.h"

#include "core/store/SqlFailure.h"
#include "core/store/Store.h"
#include "core/util/LogCategories.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <iterator>

namespace aerodesk::store {

StoreChangeListener::StoreChangeListener(StoreTarget target, crypto::SecureBytes dataKey,
                                         crypto::SecureBytes password, QString ownSession,
                                         std::vector<crypto::SecureBytes> otherKeys)
    : m_target(std::move(target))
    , m_key(std::move(dataKey))
    , m_password(std::move(password))
    , m_ownSession(std::move(ownSession))
    , m_otherKeys(std::move(otherKeys))
{
}

void StoreChangeListener::addKey(const crypto::SecureBytes &key)
{
    if (key.equals(m_key))
        return;
    for (const crypto::SecureBytes &held : m_otherKeys) {
        if (held.equals(key))
            return;
    }
    m_otherKeys.push_back(key.clone());
    if (!m_store)
        return;
    if (auto added = m_store->addKey(key); !added)
        qCWarning(aerodesk::log::store).noquote()
            << "the listener's store did not take the key:" << added.error().message;
}

StoreChangeListener::~StoreChangeListener() = default;

void StoreChangeListener::start()
{
    if (!m_heartbeat) {
        m_heartbeat = new QTimer(this);
        m_heartbeat->setInterval(kHeartbeatMs);
        connect(m_heartbeat, &QTimer::timeout, this, &StoreChangeListener::heartbeat);
        m_retry = new QTimer(this);
        m_retry->setSingleShot(true);
        connect(m_retry, &QTimer::timeout, this, &StoreChangeListener::tryOpen);
    }
    m_stopped = false;
    tryOpen();
}

void StoreChangeListener::stop()
{
    m_stopped = true;
    if (m_heartbeat) {
        m_heartbeat->stop();
        m_retry->stop();
    }
    m_store.reset();
}

void StoreChangeListener::tryOpen()
{
    if (m_stopped || m_store)
        return;
    auto opened = Store::open(m_target, m_key, {}, m_password);
    QString why;
    if (opened) {
        m_store = std::move(opened).value();
        for (const crypto::SecureBytes &other : m_otherKeys)
            m_store->addKey(other); // a key of no live epoch is simply not used
        QSqlDriver *driver = m_store->database().db().driver();
        connect(driver, &QSqlDriver::notification, this, &StoreChangeListener::onNotification);
        if (!driver->subscribeToNotification(QString::fromLatin1(StoreChange::kChannel))) {
            why = driver->lastError().text();
            m_store.reset();
        }
    } else {
        why = opened.error().message;
    }
    if (!m_store) {
        if (!m_lost) {
            m_lost = true;
            Q_EMIT offline(why);
        }
        const int seconds =
            kBackoffSeconds[std::min<int>(m_attempt, int(std::size(kBackoffSeconds)) - 1)];
        ++m_attempt;
        qCInfo(aerodesk::log::store).noquote()
            << "team store change feed unavailable; retrying in" << seconds << "s:" << why;
        Q_EMIT retrying(seconds);
        m_retry->start(seconds * 1000);
        return;
    }
    qCInfo(aerodesk::log::store).noquote()
        << "listening for team store changes on" << m_target.describe();
    const bool afterOutage = std::exchange(m_lost, false);
    m_attempt = 0;
    m_heartbeat->start();
    Q_EMIT online(afterOutage);
}

void StoreChangeListener::lose(const QString &reason)
{
    m_heartbeat->stop();
    if (m_stopped || (!m_store && m_lost))
        return; // stopped (a queued loss after stop()), or already lost: the loop runs
    m_store.reset();
    if (!m_lost) {
        m_lost = true;
        qCWarning(aerodesk::log::store).noquote() << "team store lost:" << reason;
        Q_EMIT offline(reason);
    }
    if (!m_stopped && !m_retry->isActive()) {
        m_attempt = 0;
        const int seconds = kBackoffSeconds[0];
        ++m_attempt;
        Q_EMIT retrying(seconds);
        m_retry->start(seconds * 1000);
    }
}

QString StoreChangeListener::ping()
{
    if (!m_store->database().db().isOpen()) // QPSQL closes a connection whose server went away
        return SqlFailure::unreachable(QStringLiteral("heartbeat")).message;
    QSqlQuery q(m_store->database().db());
    if (q.exec(QStringLiteral("SELECT 1")))
        return {};
    const QString why = SqlFailure::describe(q.lastError(), QStringLiteral("heartbeat")).message;
    return why.isEmpty() ? QStringLiteral("heartbeat failed") : why;
}

void StoreChangeListener::loseLater(const QString &reason)
{
    // Not while a query or the driver's own notification handler is on the stack: losing closes
    // the connection (and deletes the driver).
    m_heartbeat->stop();
    QMetaObject::invokeMethod(
        this, [this, reason] { lose(reason); }, Qt::QueuedConnection);
}

void StoreChangeListener::heartbeat()
{
    if (!m_store)
        return;
    if (const QString why = ping(); !why.isEmpty())
        loseLater(why);
}

void StoreChangeListener::probe()
{
    if (!m_store)
        return; // the reconnect loop is already running
    if (const QString why = ping(); !why.isEmpty()) {
        loseLater(why);
        return;
    }
    // The listener's own connection is fine: the console's was the one that broke. Tell it to
    // reconnect and catch up.
    Q_EMIT online(true);
}

void StoreChangeListener::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                         const QVariant &payload)
{
    if (name != QLatin1String(StoreChange::kChannel) || !m_store)
        return;
    const auto change = StoreChange::fromPayload(payload.toString());
    if (!change)
        return;
    if (change->table == QLatin1String("store_meta")) {
        // A rotation step — elsewhere, or this console's own (Settings → Team key runs its steps
        // on the store jobs' connection): this listener's store and the console's read the keys
        // again, and take a key the plan now names from the keychain.
        if (auto s = m_store->refreshKeys(); !s)
            qCWarning(aerodesk::log::store).noquote()
                << "the store's keys could not be re-read:" << s.error().message;
        return Q_EMIT keysChanged();
    }
    if (change->session == m_ownSession)
        return;
    if (change->table == QLatin1String("connection_events") ||
        change->table == QLatin1String("timeline_entries") ||
        change->table == QLatin1String("audit_log"))
        return Q_EMIT historyChanged(change->rowIndex);
    if (change->table != QLatin1String("connections"))
        return;
    switch (change->op) {
    case StoreChange::Op::Many:
        Q_EMIT manyChanged(*change);
        return;
    case StoreChange::Op::Remove:
        Q_EMIT rowRemoved(*change);
        return;
    case StoreChange::Op::Upsert:
        break;
    }
    auto row = m_store->connections().getByIndex(change->rowIndex);
    if (row)
        return Q_EMIT rowChanged(*change, row.value());
    switch (row.error().kind) {
    case StoreError::Kind::NotFound: // removed again since
        return Q_EMIT rowRemoved(*change);
    case StoreError::Kind::Unreachable:
        return loseLater(row.error().message);
    default:
        qCWarning(aerodesk::log::store).noquote()
            << "a changed row could not be read:" << row.error().message;
    }
}

} // namespace aerodesk::store
