#include "core/team/TeamKeyInventory.h"

#include "core/team/EnrolmentKeyPair.h"
#include "core/team/TeamKey.h"

#include <QCoreApplication>
#include <QDateTime>

namespace aerodesk::team {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

TeamKeyInventory::TeamKeyInventory(const QString &team)
    : m_keychain(team)
{
}

QString TeamKeyInventory::defaultAgentName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

void TeamKeyInventory::read(const QString &agent, HeldDone done)
{
    m_keychain.readTeamKey([this, agent, done](Result<TeamKey, TeamError> key) {
        if (!key && key.error().kind != TeamError::Kind::Missing)
            return done(key.error());
        Held held;
        if (key)
            held.teamKeyId = key->keyId();
        m_keychain.readEnrolmentKey(
            [agent, held, done](Result<crypto::SecureBytes, TeamError> secret) mutable {
                if (!secret) {
                    if (secret.error().kind != TeamError::Kind::Missing)
                        return done(secret.error());
                    return done(held);
                }
                auto pair = EnrolmentKeyPair::fromPrivate(secret.value());
                if (!pair)
                    return done(pair.error());
                held.enrolmentKey = EnrolmentPublicKey { pair->publicKey(), agent, now() };
                done(held);
            });
    });
}

void TeamKeyInventory::createTeamKey(CreatedDone done)
{
    m_keychain.readTeamKey([this, done](Result<TeamKey, TeamError> held) {
        if (held)
            return done(TeamError::make(
                TeamError::Kind::AlreadyPresent,
                QCoreApplication::translate("aerodesk::team::TeamKeyInventory",
                                            "This console already holds team key %1 for team "
                                            "\"%2\": nothing was created.")
                    .arg(held->keyId(), m_keychain.team())));
        if (held.error().kind != TeamError::Kind::Missing)
            return done(held.error());
        m_keychain.saveTeamKey(TeamKey::create(),
                               [done](Result<TeamKeychain::Saved, TeamError> saved) {
                                   if (!saved)
                                       return done(saved.error());
                                   done(saved->keyId);
                               });
    });
}

void TeamKeyInventory::createEnrolmentKey(const QString &agent, bool replace, EnrolDone done)
{
    auto pair = EnrolmentKeyPair::generate();
    if (!pair)
        return done(pair.error());
    const EnrolmentPublicKey publicKey { pair->publicKey(), agent, now() };
    m_keychain.saveEnrolmentKey(pair->privateKey(), replace,
                                [publicKey, done](Status<TeamError> saved) {
                                    if (!saved.ok())
                                        return done(saved.error());
                                    done(publicKey);
                                });
}

} // namespace aerodesk::team
