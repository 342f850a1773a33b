#include "core/api/RetryPolicy.h"

namespace aerodesk::api {

QString retryPolicyName(RetryPolicy policy)
{
    switch (policy) {
    case RetryPolicy::Never:
        return QStringLiteral("never");
    case RetryPolicy::AfterRefreshToken:
        return QStringLiteral("after-refresh-token");
    case RetryPolicy::AfterUserAction:
        return QStringLiteral("after-user-action");
    case RetryPolicy::Backoff:
        return QStringLiteral("backoff");
    case RetryPolicy::RelaunchMfa:
        return QStringLiteral("relaunch-mfa");
    case RetryPolicy::Reconnect:
        return QStringLiteral("reconnect");
    case RetryPolicy::WaitForRunningJob:
        return QStringLiteral("wait-for-running-job");
    }
    return QStringLiteral("unknown");
}

} // namespace aerodesk::api
