#pragma once

#include "core/api/ApiError.h"
#include "core/api/JobState.h"
#include "core/util/Result.h"

#include <QJsonObject>
#include <QString>

namespace aerodesk::api {

/// The answer to a job create. The status may be under any "*Status" key (refreshStatus,
/// transactionStatus, identityStatus — the docs even mislabel the balance one).
struct JobCreated
{
    QString jobId;
    QString userId;
    QString connectionId;
    QString statusKey; ///< e.g. "transactionStatus"
    QString statusRaw; ///< e.g. "Initiated"
    JobState state = JobState::Unknown;

    static Result<JobCreated, ApiError> fromJson(const QJsonObject &response);
};

} // namespace aerodesk::api
