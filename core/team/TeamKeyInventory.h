#pragma once

#include "core/team/EnrolmentPublicKey.h"
#include "core/team/TeamError.h"
#include "core/team/TeamKeychain.h"
#include "core/util/Result.h"

#include <QString>

#include <functional>
#include <optional>

namespace aerodesk::team {

/// What this console holds for one team, and the two keys an agent or a lead makes for
/// themselves (docs/team.md, "Team key", "Enrolment"): the team key (created once, by the lead)
/// and the agent's enrolment key pair, whose private half stays in this keychain. Every call is
/// asynchronous through the keychain; callbacks run later on the caller's thread and never
/// carry key bytes, only ids and the enrolment key's public half.
class TeamKeyInventory
{
public:
    struct Held
    {
        QString teamKeyId; ///< empty: this console holds no team key for the team
        std::optional<EnrolmentPublicKey> enrolmentKey; ///< its public half, when there is one
    };
    using HeldDone = std::function<void(Result<Held, TeamError>)>;
    using CreatedDone = std::function<void(Result<QString, TeamError>)>;
    using EnrolDone = std::function<void(Result<EnrolmentPublicKey, TeamError>)>;

    explicit TeamKeyInventory(const QString &team);

    /// Who makes a key or an export when nobody says: the OS user ($USER), else "unknown".
    static QString defaultAgentName();

    QString team() const { return m_keychain.team(); }
    QString profile() const { return m_keychain.profile(); }
    void setTimeoutMs(int ms) { m_keychain.setTimeoutMs(ms); }

    /// Both keys' state; a missing key is no error, a failing keychain is (Keychain). An
    /// enrolment public key is rebuilt from the private half, named for `agent` and now.
    void read(const QString &agent, HeldDone done);
    /// A fresh team key into the keychain, for a lead starting a team. AlreadyPresent (nothing
    /// written) when the team has a key already: a team key is never replaced silently.
    void createTeamKey(CreatedDone done);
    /// A fresh enrolment key pair: the private half into the keychain, the public half (to send
    /// to the lead) to `done`. AlreadyPresent when there is one, unless `replace`.
    void createEnrolmentKey(const QString &agent, bool replace, EnrolDone done);

private:
    TeamKeychain m_keychain;
};

} // namespace aerodesk::team
