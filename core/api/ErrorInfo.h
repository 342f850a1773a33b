#pragma once

#include "core/api/RetryPolicy.h"

#include <QString>

namespace aerodesk::api {

/// An Aerosync / sandbox error explained for a support person: what the error catalogue knows
/// about a code, plus the raw words that came with it. What the error means for the UI
/// (may the widget be relaunched? may AeroDesk retry by itself? reconnect? lockout?) is asked
/// here too, so widgets never branch on AC codes themselves.
struct ErrorInfo
{
    QString code; ///< "AC-117", "AR-100", "EB-…"; empty when none was given
    QString title; ///< a short heading ("MFA timed out")
    QString cause; ///< plain-language cause
    QString nextStep; ///< what a support person says or does next
    RetryPolicy retry = RetryPolicy::AfterUserAction;
    bool known = false; ///< false: the code is not in the catalogue (raw code + text kept)
    bool lockout = false; ///< the bank locked further attempts (AC-108): never retry, explain

    QString rawMessage; ///< the message text that came with the error (API or widget)
    QString widgetType; ///< widget errors: the first part ("INCORRECT_CREDENTIALS")
    QString raw; ///< the whole raw string (widget errors) or body excerpt
    QString runningJobId; ///< AC-112: the running job named in the message, when present

    /// AeroDesk may repeat the call by itself (a fresh token, or later with backoff). Never
    /// after a lockout (AC-108) or when someone has to act first.
    bool retryAllowed() const;
    /// The widget may be opened again for the user (after a widget error, AC-110 within the
    /// bank's MFA window, wrong credentials...). Not after a lockout, nor when opening it again
    /// cannot help (a deleted connection, a manually linked account).
    bool relaunchAllowed() const;
    /// The widget must be relaunched in MFA mode (handleMFA + jobId + connectionId): AC-110.
    bool relaunchesMfa() const { return retry == RetryPolicy::RelaunchMfa; }
    /// The bank connection needs the reconnect widget on the same connectionId: AC-104.
    bool needsReconnect() const { return retry == RetryPolicy::Reconnect; }
    /// A job of the same type is already running: wait for it and use its result (AC-112).
    bool waitForRunningJob() const { return retry == RetryPolicy::WaitForRunningJob; }
};

} // namespace aerodesk::api
