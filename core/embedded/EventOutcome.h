#pragma once

#include <QDateTime>
#include <QString>

namespace aerodesk::embedded {

/// What became of one embedded-banking action (answering an event, a logout): what was sent,
/// what the provider answered, and what AeroDesk did with the user's stored userCode. Written
/// to be shown and logged: it never holds a secret.
struct EventOutcome
{
    enum class Result {
        Answered, ///< sent, and the provider accepted it (204; or recorded a non-OK status)
        ProviderRefused, ///< sent, and the provider answered with an error
        NotSent, ///< refused by AeroDesk before any request: nothing left this machine
        NeedsConfirmation, ///< a second connect would replace the user's code: ask, then retry
    };

    Result result = Result::NotSent;
    QString action; ///< "connect" / "silent-auth" / "logout"
    QString user; ///< the partner user
    QString statusSent; ///< the status posted ("OK", "DATA_STORE_UNAVAILABLE"); empty: none
    int httpStatus = 0; ///< the provider's HTTP status; 0 when nothing came back
    QString code; ///< the provider's code (EB-410-EXPIRED) or ours (retUrl-refused…)
    QString message; ///< one or two sentences for the support person
    QString nextStep; ///< the catalogue's next step, when there is one
    bool codeStored = false; ///< the user's userCode is now in the keychain
    bool codeRemoved = false; ///< the user's userCode was removed from the keychain
    /// NotSent because the reply could not be built: a non-OK status can still be sent, and
    /// this is the one the document's cases suggest (empty: none in particular).
    bool canSendNotOk = false;
    QString suggestedStatus;
    QDateTime at; ///< UTC

    bool ok() const { return result == Result::Answered; }
    /// "silent-auth · bob · sent OK · 410 EB-410-EXPIRED · code removed"
    QString summary() const;
    static QString resultName(Result result); ///< "answered", "refused", "not-sent", "confirm"
};

} // namespace aerodesk::embedded
