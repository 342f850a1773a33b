#include "core/api/ErrorInfo.h"

namespace aerodesk::api {

bool ErrorInfo::retryAllowed() const
{
    if (lockout)
        return false;
    return retry == RetryPolicy::AfterRefreshToken || retry == RetryPolicy::Backoff;
}

bool ErrorInfo::relaunchAllowed() const
{
    return !lockout && retry != RetryPolicy::Never;
}

} // namespace aerodesk::api
