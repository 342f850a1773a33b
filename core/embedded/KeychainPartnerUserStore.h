#pragma once

#include "core/embedded/PartnerUserStore.h"

#include <QObject>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::embedded {

/// The local default: the whole list as one keychain entry ("eb.partnerUsers": JSON, ids and
/// states, never a userCode). One write at a time, in order; a change made while a write is
/// under way is written right after it (only the latest list). Partner user ids are
/// PII-adjacent, so they go to the keychain, not to settings or a plain file.
class KeychainPartnerUserStore : public QObject, public PartnerUserStore
{
    Q_OBJECT
public:
    explicit KeychainPartnerUserStore(keychain::Keychain &keychain, QObject *parent = nullptr);

    void readAll(Read done) override;
    void write(const PartnerUser &user, const QList<PartnerUser> &all, Done done) override;
    void whenWritten(Done done) override;

private:
    void persist(Done done);
    void startWrite();

    keychain::Keychain &m_keychain;
    QList<PartnerUser> m_latest;
    bool m_writing = false;
    bool m_dirty = false;
    QList<Done> m_waiting;
};

} // namespace aerodesk::embedded
