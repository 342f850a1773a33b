#include "core/embedded/PartnerUserDirectory.h"

#include "core/crypto/SecureBytes.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/LogCategories.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace aerodesk::embedded {

PartnerUserDirectory::PartnerUserDirectory(keychain::Keychain &keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
{
}

void PartnerUserDirectory::load(Done done)
{
    if (done)
        m_loadWaiters.append(std::move(done));
    if (m_loading)
        return;
    m_loading = true;
    QPointer<PartnerUserDirectory> self(this);
    m_keychain.read(QString::fromLatin1(keychain::entries::kPartnerUsers),
                    [self](const keychain::KeychainError &e, crypto::SecureBytes bytes) {
                        if (!self)
                            return;
                        self->m_loading = false;
                        keychain::KeychainError result = e;
                        if (e.ok() || e.kind == keychain::KeychainError::Kind::NotFound) {
                            result = {};
                            self->m_users.clear();
                            const QJsonArray rows =
                                QJsonDocument::fromJson(bytes.rawView()).array();
                            int dropped = 0;
                            for (const QJsonValue &row : rows) {
                                if (auto u = PartnerUser::fromJson(row.toObject()))
                                    self->m_users[u->id] = *u;
                                else
                                    ++dropped;
                            }
                            if (dropped)
                                qCWarning(aerodesk::log::embedded)
                                    << "partner-user list:" << dropped << "unreadable rows dropped";
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
                            d(result);
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
    persist(std::move(done));
}

void PartnerUserDirectory::whenWritten(Done done)
{
    if (!done)
        return;
    if (m_writing)
        // Written again once the current write ends; `done` runs after that write.
        return persist(std::move(done));
    QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
}

void PartnerUserDirectory::persist(Done done)
{
    if (done)
        m_waiting.append(std::move(done));
    if (m_writing) {
        m_dirty = true;
        return;
    }
    startWrite();
}

void PartnerUserDirectory::startWrite()
{
    m_writing = true;
    m_dirty = false;
    QJsonArray rows;
    for (const auto &[id, user] : m_users)
        rows.append(user.toJson());
    QByteArray json = QJsonDocument(rows).toJson(QJsonDocument::Compact);
    const crypto::SecureBytes bytes = crypto::SecureBytes::takeFrom(json);
    auto callbacks = std::make_shared<QList<Done>>(std::exchange(m_waiting, {}));
    QPointer<PartnerUserDirectory> self(this);
    m_keychain.write(QString::fromLatin1(keychain::entries::kPartnerUsers), bytes,
                     [self, callbacks](const keychain::KeychainError &e) {
                         if (!e.ok())
                             qCWarning(aerodesk::log::embedded).noquote()
                                 << "partner-user list not written:" << e.message;
                         if (self) {
                             self->m_writing = false;
                             if (self->m_dirty || !self->m_waiting.isEmpty())
                                 self->startWrite();
                         }
                         for (const Done &d : *callbacks)
                             d(e);
                     });
}

} // namespace aerodesk::embedded
