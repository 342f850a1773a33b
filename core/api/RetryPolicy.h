#pragma once

#include <QString>

namespace aerodesk::api {

/// What may be done after an error, as the error catalogue decides (docs/error-catalogue.md).
enum class RetryPolicy {
    Never, ///< do not retry (AC-108 lockout, a deleted connection...)
    AfterRefreshToken, ///< retry once with a fresh token (AC-001)
    AfterUserAction, ///< someone must change something first (credentials, a request field)
    Backoff, ///< transient: retry later with growing delays (5xx, 429, AR-500)
    RelaunchMfa, ///< relaunch the widget in MFA mode (handleMFA + jobId + connectionId)
    Reconnect, ///< launch the reconnect widget on the same connectionId (AC-104)
    WaitForRunningJob, ///< a job of this type is already running: wait for it (AC-112)
};

/// Stable short name ("never", "after-refresh-token", ...) for JSON output and logs.
QString retryPolicyName(RetryPolicy policy);

} // namespace aerodesk::api
