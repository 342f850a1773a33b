#include "core/embedded/PartnerUserDirectory.h"

#include "core/embedded/KeychainPartnerUserStore.h"
#include "core/util/LogCategories.h"

#include <QPointer>
#include <QTimer>

namespace aerodesk::embedded {

PartnerUserDirectory::PartnerUserDirectory(keychain::Keychain &keychain, QObject *parent)
    : QObject(parent)
    , m_keychainStore(std::make_unique<KeychainPartnerUserStore>(keychain))
{
}

PartnerUserDirectory::~PartnerUserDirectory() = default;

PartnerUserStore &PartnerUserDirectory::store() const
{
    return m_store ? *m_store : *m_keychainStore;
}

void PartnerUserDirectory::useStore(std::shared_ptr<PartnerUserStore> store)
{
    if (store == m_store)
        return;
    m_store = std::move(store);
    ++m_generation;
    m_users.clear();
    m_loaded = false;
    m_loading = false;
    m_loadError.clear();
    Q_EMIT changed();
    setStoreReachable(true);
    load();
}

void PartnerUserDirectory::setStoreReachable(bool reachable)
{
    if (reachable == m_reachable)
        return;
    m_reachable = reachable;
    Q_EMIT storeReachableChanged(reachable);
}

void PartnerUserDirectory::load(Done done)
{
    if (done)
        m_loadWaiters.append(std::move(done));
    if (m_loading)
        return;
    m_loading = true;
    QPointer<PartnerUserDirectory> self(this);
    const quint64 generation = m_generation;
    store().readAll([self, generation](const keychain::KeychainError &e, QList<PartnerUser> rows) {
        if (!self || generation != self->m_generation)
            return; // the directory moved to another store meanwhile: that read is due
        self->m_loading = false;
        if (e.ok()) {
            self->m_users.clear();
            for (const PartnerUser &u : std::as_const(rows))
                self->m_users[u.id] = u;
            self->m_loaded = true;
            self->m_loadError.clear();
        } else {
            self->m_loadError = e.message;
            qCWarning(aerodesk::log::embedded).noquote()
                << "partner-user list not read:" << e.message;
        }
        const QList<Done> waiters = std::exchange(self->m_loadWaiters, {});
        Q_EMIT self->loaded();
        Q_EMIT self->changed();
        for (const Done &d : waiters)
            d(e);
    });
}

QList<PartnerUser> PartnerUserDirectory::users() const
{
    QList<PartnerUser> out;
    out.reserve(qsizetype(m_users.size()));
    for (const auto &[id, user] : m_users)
        out.append(user);
    return out;
}

std::optional<PartnerUser> PartnerUserDirectory::find(const QString &id) const
{
    const auto it = m_users.find(id);
    if (it == m_users.end())
        return std::nullopt;
    return it->second;
}

void PartnerUserDirectory::put(const PartnerUser &user, Done done)
{
    if (!m_loaded) {
        // Writing now would replace a list that was never read: refuse instead.
        const keychain::KeychainError e { keychain::KeychainError::Kind::Other,
                                          tr("The partner-user list was not read, so it is not "
                                             "written either.") };
        if (done)
            QTimer::singleShot(0, this, [done, e] { done(e); });
        return;
    }
    PartnerUser row = user;
    if (!row.changedAt.isValid())
        row.changedAt = QDateTime::currentDateTimeUtc();
    m_users[row.id] = row;
    Q_EMIT changed();
    store().write(row, users(), std::move(done));
}

void PartnerUserDirectory::whenWritten(Done done)
{
    if (!done)
        return;
    store().whenWritten(std::move(done));
}

} // namespace aerodesk::embedded
