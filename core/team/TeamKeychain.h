#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/Keychain.h"
#include "core/team/TeamError.h"
#include "core/team/TeamKey.h"
#include "core/util/Result.h"

#include <QString>

#include <functional>
#include <optional>

namespace aerodesk::team {

/// One team's keychain entries, in the profile "Team: <team>" (keychain::entries::kTeamKey,
/// kTeamEnrolmentKey). Never overwrites a key silently: a different key already there is
/// AlreadyPresent and the keychain is left as it was. Callbacks run later on the caller's
/// thread; keep this object alive until they have.
class TeamKeychain
{
public:
    struct Saved
    {
        QString keyId;
        bool alreadyThere = false; ///< the same key was already stored: nothing written
    };
    using KeyDone = std::function<void(Result<TeamKey, TeamError>)>;
    using SaveDone = std::function<void(Result<Saved, TeamError>)>;
    using SecretDone = std::function<void(Result<crypto::SecureBytes, TeamError>)>;
    using WriteDone = std::function<void(Status<TeamError>)>;

    explicit TeamKeychain(const QString &team);

    static QString profileFor(const QString &team);
    /// Why `team` cannot name a team: empty, over 100 characters, surrounding spaces, a control
    /// character or a '/' (the keychain key is "<profile>/<name>").
    static std::optional<QString> teamNameProblem(const QString &team);
    QString team() const { return m_team; }
    QString profile() const { return m_keychain.profile(); }
    void setTimeoutMs(int ms) { m_keychain.setTimeoutMs(ms); }

    /// Missing when there is none; Keychain on a keychain failure.
    void readTeamKey(KeyDone done);
    /// Writes `key` unless one is already stored (the same key: ok, alreadyThere).
    void saveTeamKey(const TeamKey &key, SaveDone done);
    void removeTeamKey(WriteDone done);

    /// Key rotation (docs/team.md): a team key of another epoch lives beside the current one in
    /// "teamKey.<key id>" (keychain::entries::kTeamKeyOtherPrefix).
    static QString otherKeyName(const QString &keyId);
    /// The key `keyId`, current or not; Missing when this console does not hold it.
    void readKeyById(const QString &keyId, KeyDone done);
    /// Saves `key` beside the current one (the next epoch's key, before its rotation finishes);
    /// alreadyThere when this console holds it already.
    void saveOtherKey(const TeamKey &key, SaveDone done);
    /// Makes the held key `keyId` current (its rotation finished): the current key is first kept
    /// as "teamKey.<its id>", then "teamKey" rewritten, then "teamKey.<keyId>" removed. Redoing
    /// it after a crash at any step ends in the same state; no key is ever in no entry.
    void promote(const QString &keyId, WriteDone done);

    void readEnrolmentKey(SecretDone done);
    /// Refuses (AlreadyPresent) when an enrolment key exists, unless `replace`.
    void saveEnrolmentKey(const crypto::SecureBytes &privateKey, bool replace, WriteDone done);
    void removeEnrolmentKey(WriteDone done);

private:
    void readSecret(const QString &name, const QString &what, SecretDone done);
    void write(const QString &name, const crypto::SecureBytes &secret, WriteDone done);

    QString m_team;
    keychain::Keychain m_keychain;
};

} // namespace aerodesk::team
