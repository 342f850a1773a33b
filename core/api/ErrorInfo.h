#pragma once

#include "core/api/RetryPolicy.h"

#include <QString>

namespace aerodesk::api {

/// An Aerosync / sandbox error explained for a support person: what the error catalogue knows
/// about a code, plus the raw words that came with it.
struct ErrorInfo
{
    QString code;          ///< "AC-117", "AR-100", "EB-…"; empty when none was given
    QString title;         ///< a short heading ("MFA timed out")
    QString cause;         ///< plain-language cause
    QString nextStep;      ///< what a support person says or does next
    RetryPolicy retry = RetryPolicy::AfterUserAction;
    bool known = false;    ///< false: the code is not in the catalogue (raw code + text kept)

    QString rawMessage;    ///< the message text that came with the error (API or widget)
    QString widgetType;    ///< widget errors: the first part ("INCORRECT_CREDENTIALS")
    QString raw;           ///< the whole raw string (widget errors) or body excerpt
    QString runningJobId;  ///< AC-112: the running job named in the message, when present
};

} // namespace aerodesk::api
