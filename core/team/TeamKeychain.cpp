#include "core/team/TeamKeychain.h"

#include "core/keychain/KeychainEntries.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>

#include <memory>

namespace aerodesk::team {

namespace {
TeamError keychainFailure(const keychain::KeychainError &e)
{
    return TeamError::make(
        TeamError::Kind::Keychain,
        QCoreApplication::translate("aerodesk::team::TeamKeychain", "The keychain failed: %1")
            .arg(e.message));
}
} // namespace

TeamKeychain::TeamKeychain(const QString &team)
    : m_team(team)
    , m_keychain(profileFor(team))
{
}

QString TeamKeychain::profileFor(const QString &team)
{
    return QLatin1String(keychain::entries::kTeamProfilePrefix) + team;
}

std::optional<QString> TeamKeychain::teamNameProblem(const QString &team)
{
    if (team.isEmpty() || team.size() > 100 || team.trimmed() != team)
        return QCoreApplication::translate(
            "aerodesk::team::TeamKeychain",
            "a team name is 1 to 100 characters, without surrounding spaces.");
    for (const QChar c : team)
        if (c.category() == QChar::Other_Control || c == QLatin1Char('/'))
            return QCoreApplication::translate("aerodesk::team::TeamKeychain",
                                               "a team name has no control character and no '/'.");
    return std::nullopt;
}

void TeamKeychain::readSecret(const QString &name, const QString &what, SecretDone done)
{
    m_keychain.read(
        name, [this, what, done](const keychain::KeychainError &e, crypto::SecureBytes secret) {
            if (e.kind == keychain::KeychainError::Kind::NotFound)
                return done(TeamError::make(
                    TeamError::Kind::Missing,
                    QCoreApplication::translate("aerodesk::team::TeamKeychain",
                                                "The keychain has no %1 for team \"%2\".")
                        .arg(what, m_team)));
            if (!e.ok())
                return done(keychainFailure(e));
            done(std::move(secret));
        });
}

void TeamKeychain::write(const QString &name, const crypto::SecureBytes &secret, WriteDone done)
{
    m_keychain.write(name, secret, [done](const keychain::KeychainError &e) {
        if (!e.ok())
            return done(keychainFailure(e));
        done({});
    });
}

void TeamKeychain::readTeamKey(KeyDone done)
{
    readSecret(
        QLatin1String(keychain::entries::kTeamKey),
        QCoreApplication::translate("aerodesk::team::TeamKeychain", "team key"),
        [this, done](Result<crypto::SecureBytes, TeamError> secret) {
            if (!secret)
                return done(secret.error());
            TeamKey key = TeamKey::fromBytes(std::move(secret).value());
            if (!key.isValid())
                return done(TeamError::make(
                    TeamError::Kind::Corrupt,
                    QCoreApplication::translate("aerodesk::team::TeamKeychain",
                                                "The team key of \"%1\" in the keychain is not 32 "
                                                "bytes.")
                        .arg(m_team)));
            done(std::move(key));
        });
}

void TeamKeychain::saveTeamKey(const TeamKey &key, SaveDone done)
{
    auto copy = std::make_shared<TeamKey>(TeamKey::fromBytes(key.bytes().clone()));
    readTeamKey([this, copy, done](Result<TeamKey, TeamError> existing) {
        const QString id = copy->keyId();
        if (existing) {
            if (existing->keyId() == id)
                return done(Saved { id, true });
            return done(TeamError::make(
                TeamError::Kind::AlreadyPresent,
                QCoreApplication::translate(
                    "aerodesk::team::TeamKeychain",
                    "The keychain already holds team \"%1\"'s key %2, not %3. Nothing "
                    "was changed.")
                    .arg(m_team, existing->keyId(), id)));
        }
        if (existing.error().kind != TeamError::Kind::Missing)
            return done(existing.error());
        write(QLatin1String(keychain::entries::kTeamKey), copy->bytes(),
              [this, copy, id, done](auto status) {
                  if (!status.ok())
                      return done(status.error());
                  qCInfo(aerodesk::log::keychain).noquote()
                      << "team key" << id << "saved for team" << m_team;
                  done(Saved { id, false });
              });
    });
}

void TeamKeychain::removeTeamKey(WriteDone done)
{
    m_keychain.remove(QLatin1String(keychain::entries::kTeamKey),
                      [done](const keychain::KeychainError &e) {
                          if (!e.ok())
                              return done(keychainFailure(e));
                          done({});
                      });
}

void TeamKeychain::readEnrolmentKey(SecretDone done)
{
    readSecret(QLatin1String(keychain::entries::kTeamEnrolmentKey),
               QCoreApplication::translate("aerodesk::team::TeamKeychain", "enrolment key"),
               std::move(done));
}

void TeamKeychain::saveEnrolmentKey(const crypto::SecureBytes &privateKey, bool replace,
                                    WriteDone done)
{
    auto copy = std::make_shared<crypto::SecureBytes>(privateKey.clone());
    if (replace)
        return write(QLatin1String(keychain::entries::kTeamEnrolmentKey), *copy,
                     [copy, done](Status<TeamError> s) { done(std::move(s)); });
    readEnrolmentKey([this, copy, done](Result<crypto::SecureBytes, TeamError> existing) {
        if (existing)
            return done(
                TeamError::make(TeamError::Kind::AlreadyPresent,
                                QCoreApplication::translate(
                                    "aerodesk::team::TeamKeychain",
                                    "This console already has an enrolment key for team \"%1\"; "
                                    "nothing was changed (use --replace to make a new one).")
                                    .arg(m_team)));
        if (existing.error().kind != TeamError::Kind::Missing)
            return done(existing.error());
        write(QLatin1String(keychain::entries::kTeamEnrolmentKey), *copy,
              [copy, done](Status<TeamError> s) { done(std::move(s)); });
    });
}

void TeamKeychain::removeEnrolmentKey(WriteDone done)
{
    m_keychain.remove(QLatin1String(keychain::entries::kTeamEnrolmentKey),
                      [done](const keychain::KeychainError &e) {
                          if (!e.ok())
                              return done(keychainFailure(e));
                          done({});
                      });
}

QString TeamKeychain::otherKeyName(const QString &keyId)
{
    return QLatin1String(keychain::entries::kTeamKeyOtherPrefix) + keyId;
}

void TeamKeychain::readKeyById(const QString &keyId, KeyDone done)
{
    readTeamKey([this, keyId, done](Result<TeamKey, TeamError> current) {
        if (current && current->keyId() == keyId)
            return done(std::move(current));
        if (!current && current.error().kind != TeamError::Kind::Missing)
            return done(current.error());
        readSecret(
            otherKeyName(keyId),
            QCoreApplication::translate("aerodesk::team::TeamKeychain", "team key %1").arg(keyId),
            [keyId, done](Result<crypto::SecureBytes, TeamError> secret) {
                if (!secret)
                    return done(secret.error());
                TeamKey key = TeamKey::fromBytes(std::move(secret).value());
                if (key.keyId() != keyId)
                    return done(
                        TeamError::make(TeamError::Kind::Corrupt,
                                        QCoreApplication::translate(
                                            "aerodesk::team::TeamKeychain",
                                            "The keychain entry of team key %1 holds another key.")
                                            .arg(keyId)));
                done(std::move(key));
            });
    });
}

void TeamKeychain::saveOtherKey(const TeamKey &key, SaveDone done)
{
    auto copy = std::make_shared<TeamKey>(TeamKey::fromBytes(key.bytes().clone()));
    const QString id = copy->keyId();
    readKeyById(id, [this, copy, id, done](Result<TeamKey, TeamError> existing) {
        if (existing)
            return done(Saved { id, true });
        if (existing.error().kind != TeamError::Kind::Missing)
            return done(existing.error());
        write(otherKeyName(id), copy->bytes(), [this, copy, id, done](Status<TeamError> status) {
            if (!status.ok())
                return done(status.error());
            qCInfo(aerodesk::log::keychain).noquote()
                << "team key" << id << "saved beside the current one for team" << m_team;
            done(Saved { id, false });
        });
    });
}

void TeamKeychain::promote(const QString &keyId, WriteDone done)
{
    // Every step keeps each key in at least one entry, and each may be redone after a crash.
    readKeyById(keyId, [this, keyId, done](Result<TeamKey, TeamError> next) {
        if (!next)
            return done(next.error());
        auto promoted = std::make_shared<TeamKey>(std::move(next).value());
        readTeamKey([this, keyId, promoted, done](Result<TeamKey, TeamError> current) {
            if (!current && current.error().kind != TeamError::Kind::Missing)
                return done(current.error());
            const auto removeOther = [this, keyId, done] {
                m_keychain.remove(otherKeyName(keyId), [done](const keychain::KeychainError &e) {
                    if (!e.ok())
                        return done(keychainFailure(e));
                    done({});
                });
            };
            const auto makeCurrent = [this, promoted, removeOther, done] {
                write(QLatin1String(keychain::entries::kTeamKey), promoted->bytes(),
                      [promoted, removeOther, done](Status<TeamError> s) {
                          if (!s.ok())
                              return done(s);
                          removeOther();
                      });
            };
            if (current && current->keyId() == keyId)
                return removeOther(); // promoted before a crash: only the tidy-up is left
            if (!current)
                return makeCurrent();
            auto retired = std::make_shared<TeamKey>(std::move(current).value());
            write(otherKeyName(retired->keyId()), retired->bytes(),
                  [retired, makeCurrent, done](Status<TeamError> s) {
                      if (!s.ok())
                          return done(s);
                      makeCurrent();
                  });
        });
    });
}

} // namespace aerodesk::team
