#pragma once

#include "core/api/ApiError.h"
#include "core/api/ErrorInfo.h"
#include "core/api/JobState.h"
#include "core/util/Result.h"

#include <QJsonObject>
#include <QString>

namespace aerodesk::api {

/// GET /v2/accounts/{connectionId}/job/{jobId}: the normalised state, mfaTriggered, and on
/// failure the error {code, message} explained by the catalogue.
struct JobStatus
{
    QString jobId;
    QString userId;
    QString connectionId;
    QString stateRaw;
    JobState state = JobState::Unknown;
    bool mfaTriggered = false;
    ErrorInfo error; ///< filled when the body carries error {code, message}
    bool hasError = false;

    /// True when MFA is wanted: the pending-MFA state in any casing, or mfaTriggered while
    /// the job is not terminal.
    bool needsMfa() const
    {
        return state == JobState::PendingMfa || (mfaTriggered && !isTerminal(state));
    }

    static Result<JobStatus, ApiError> fromJson(const QJsonObject &response);
};

} // namespace aerodesk::api
