#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace aerodesk::embedded {

/// A user of the non-bank partner's application, as the embedded-banking workflow knows them.
/// No secret here: the userCode itself is in the keychain (UserCodeVault) or, in team mode, the
/// team store (TeamPartnerUserStore); this is the record the partner-users view shows.
///
///   (none) --connect OK--> Connected --silent auth 204--> Connected (lastSilentAuth)
///   Connected --provider says the code is invalid (410)--> Invalid (code removed)
///   any --logout--> LoggedOut (code and pending events removed)
///   Invalid / LoggedOut --connect OK--> Connected
struct PartnerUser
{
    Q_DECLARE_TR_FUNCTIONS(aerodesk::embedded::PartnerUser)

public:
    enum class State { Connected, Invalid, LoggedOut };

    QString id; ///< the partner's user id (not secret; shown in full to the support person)
    State state = State::Connected;
    QDateTime connectedSince; ///< UTC; the last connect answered OK
    QDateTime lastSilentAuth; ///< UTC; the last silent authentication answered 204
    QDateTime changedAt; ///< UTC; the last state change
    QString note; ///< why the state is what it is ("the provider answered 410 EB-410-EXPIRED…")

    bool hasCode() const { return state == State::Connected; }
    static QString stateName(State state); ///< "connected" / "invalid" / "logged-out"
    static std::optional<State> stateFromName(const QString &name);
    /// Translated, for display: "Connected", "Invalid — connect again", "Logged out".
    static QString stateLabel(State state);

    QJsonObject toJson() const;
    static std::optional<PartnerUser> fromJson(const QJsonObject &object);

    /// Why `id` cannot name a partner user (empty, longer than 128 characters, control
    /// characters, '/' which would nest keychain names), or nullopt.
    static std::optional<QString> checkId(const QString &id);
};

} // namespace aerodesk::embedded
