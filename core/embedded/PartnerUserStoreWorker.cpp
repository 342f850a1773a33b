#include "core/embedded/PartnerUserStoreWorker.h"

#include "core/store/PartnerUserRepository.h"
#include "core/store/SqlFailure.h"
#include "core/store/Store.h"
#include "core/store/StoreChange.h"
#include "core/util/LogCategories.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace aerodesk::embedded {

PartnerUserStoreWorker::PartnerUserStoreWorker(store::StoreTarget target,
                                               crypto::SecureBytes dataKey,
                                               crypto::SecureBytes password, QString scope)
    : m_target(std::move(target))
    , m_key(std::move(dataKey))
    , m_password(std::move(password))
    , m_scope(std::move(scope))
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
        m_store->database(), m_store->cipher(), m_store->blindIndex(), m_store->sessionId());
    listen();
    return {};
}

void PartnerUserStoreWorker::listen()
{
    if (!m_target.isPostgres())
        return; // a SQLite file belongs to one desktop: nobody else changes it
    QSqlDriver *driver = m_store->database().db().driver();
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                onNotification(name, payload);
            });
    if (!driver->subscribeToNotification(QString::fromLatin1(store::StoreChange::kChannel)))
        qCWarning(aerodesk::log::store).noquote()
            << "partner users: not listening to other consoles' changes:"
            << driver->lastError().text();
    if (!m_watch) {
        m_watch = new QTimer(this);
        m_watch->setInterval(kWatchMs);
        connect(m_watch, &QTimer::timeout, this, &PartnerUserStoreWorker::watch);
        m_watch->start();
    }
}

void PartnerUserStoreWorker::onNotification(const QString &name, const QVariant &payload)
{
    if (name != QLatin1String(store::StoreChange::kChannel) || !m_repository)
        return;
    const auto change = store::StoreChange::fromPayload(payload.toString());
    if (!change || change->table != QLatin1String("partner_users") ||
        change->session == m_store->sessionId())
        return;
    if (m_repository->isScopeIndex(change->rowIndex, m_scope))
        Q_EMIT changedElsewhere();
}

bool PartnerUserStoreWorker::reachable()
{
    // QPSQL closes the connection itself when its notification socket dies with the server.
    if (!m_store->database().db().isOpen())
        return false;
    QSqlQuery ping(m_store->database().db());
    if (ping.exec(QStringLiteral("SELECT 1")))
        return true;
    return !store::SqlFailure::isUnreachable(ping.lastError());
}

void PartnerUserStoreWorker::lose()
{
    qCWarning(aerodesk::log::store)
        << "partner users: the team store cannot be reached; opening it again when it is back";
    m_repository.reset();
    m_store.reset();
    m_lost = true;
    Q_EMIT reachableChanged(false);
}

Status<store::StoreError> PartnerUserStoreWorker::reopen()
{
    if (m_repository && m_target.isPostgres() && !reachable())
        lose();
    const bool wasLost = m_lost;
    auto opened = ensureOpen();
    if (opened && wasLost) {
        m_lost = false;
        qCInfo(aerodesk::log::store) << "partner users: the team store is back";
        Q_EMIT reachableChanged(true);
        Q_EMIT changedElsewhere(); // what other consoles changed meanwhile was not announced here
    }
    return opened;
}

void PartnerUserStoreWorker::watch()
{
    if (m_repository || m_lost)
        (void)reopen();
}

void PartnerUserStoreWorker::run(const Job &job)
{
    const auto opened = reopen();
    if (!opened) {
        qCWarning(aerodesk::log::store).noquote()
            << "partner users: the store did not open:" << opened.error().message;
        return job(nullptr, opened.error());
    }
    job(m_repository.get(), store::StoreError {});
}

void PartnerUserStoreWorker::close()
{
    delete m_watch; // on its own thread
    m_watch = nullptr;
    m_repository.reset();
    m_store.reset();
    m_lost = false;
}

} // namespace aerodesk::embedded
