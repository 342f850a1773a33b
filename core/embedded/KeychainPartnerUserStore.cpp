#include "core/embedded/KeychainPartnerUserStore.h"

#include "core/crypto/SecureBytes.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/LogCategories.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace aerodesk::embedded {

KeychainPartnerUserStore::KeychainPartnerUserStore(keychain::Keychain &keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
{
}

void KeychainPartnerUserStore::readAll(Read done)
{
    m_keychain.read(QString::fromLatin1(keychain::entries::kPartnerUsers),
                    [done](const keychain::KeychainError &e, crypto::SecureBytes bytes) {
                        if (!e.ok() && e.kind != keychain::KeychainError::Kind::NotFound)
                            return done(e, {});
                        QList<PartnerUser> users;
                        const QJsonArray rows = QJsonDocument::fromJson(bytes.rawView()).array();
                        int dropped = 0;
                        for (const QJsonValue &row : rows) {
                            if (auto u = PartnerUser::fromJson(row.toObject()))
                                users.append(*u);
                            else
                                ++dropped;
                        }
                        if (dropped)
                            qCWarning(aerodesk::log::embedded)
                                << "partner-user list:" << dropped << "unreadable rows dropped";
                        done({}, users);
                    });
}

void KeychainPartnerUserStore::write(const PartnerUser &, const QList<PartnerUser> &all, Done done)
{
    m_latest = all;
    persist(std::move(done));
}

void KeychainPartnerUserStore::whenWritten(Done done)
{
    if (!done)
        return;
    if (m_writing)
        // Written again once the current write ends; `done` runs after that write.
        return persist(std::move(done));
    QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
}

void KeychainPartnerUserStore::persist(Done done)
{
    if (done)
        m_waiting.append(std::move(done));
    if (m_writing) {
        m_dirty = true;
        return;
    }
    startWrite();
}

void KeychainPartnerUserStore::startWrite()
{
    m_writing = true;
    m_dirty = false;
    QJsonArray rows;
    for (const PartnerUser &user : std::as_const(m_latest))
        rows.append(user.toJson());
    QByteArray json = QJsonDocument(rows).toJson(QJsonDocument::Compact);
    const crypto::SecureBytes bytes = crypto::SecureBytes::takeFrom(json);
    auto callbacks = std::make_shared<QList<Done>>(std::exchange(m_waiting, {}));
    QPointer<KeychainPartnerUserStore> self(this);
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
