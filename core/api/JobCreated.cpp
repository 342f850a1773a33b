#include "core/api/JobCreated.h"

#include "core/api/JsonRead.h"

namespace aerodesk::api {

Result<JobCreated, ApiError> JobCreated::fromJson(const QJsonObject &o)
{
    JobCreated j;
    j.jobId = JsonRead::string(o, QStringLiteral("jobId"));
    j.userId = JsonRead::string(o, QStringLiteral("userId"));
    j.connectionId = JsonRead::string(o, QStringLiteral("connectionId"), j.userId);
    for (auto it = o.begin(); it != o.end(); ++it) {
        // Any "*Status" key except the envelope's "status"/"statusCode".
        if (it.key().endsWith(QLatin1String("Status")) && it.key() != QLatin1String("status") &&
            it->isString()) {
            j.statusKey = it.key();
            j.statusRaw = it->toString();
            break;
        }
    }
    j.state = j.statusRaw.isEmpty() ? JobState::Initiated : normaliseJobState(j.statusRaw);
    if (j.jobId.isEmpty())
        return ApiError::make(ApiError::Kind::BadResponse,
                              QStringLiteral("The job was accepted but the answer "
                                             "carries no jobId."));
    return j;
}

} // namespace aerodesk::api
