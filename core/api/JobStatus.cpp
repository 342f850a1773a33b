#include "core/api/JobStatus.h"

#include "core/api/ErrorCatalog.h"
#include "core/api/JsonRead.h"

namespace aerodesk::api {

Result<JobStatus, ApiError> JobStatus::fromJson(const QJsonObject &o)
{
    JobStatus s;
    s.jobId = JsonRead::string(o, QStringLiteral("jobId"));
    s.userId = JsonRead::string(o, QStringLiteral("userId"));
    s.connectionId = JsonRead::string(o, QStringLiteral("connectionId"), s.userId);
    s.stateRaw = JsonRead::string(o, QStringLiteral("jobStatus"));
    if (s.stateRaw.isEmpty()) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().endsWith(QLatin1String("Status")) && it.key() != QLatin1String("status") &&
                it->isString()) {
                s.stateRaw = it->toString();
                break;
            }
        }
    }
    if (s.stateRaw.isEmpty())
        return ApiError::make(ApiError::Kind::BadResponse,
                              QStringLiteral("The job status answer carries no jobStatus."));
    s.state = normaliseJobState(s.stateRaw);
    s.mfaTriggered = JsonRead::boolean(o, QStringLiteral("mfaTriggered")).value_or(false);
    const QJsonValue e = o.value(QLatin1String("error"));
    if (e.isObject()) {
        const QJsonObject eo = e.toObject();
        s.error = ErrorCatalog::lookup(JsonRead::string(eo, QStringLiteral("code")),
                                       JsonRead::string(eo, QStringLiteral("message")));
        s.hasError = true;
    }
    return s;
}

} // namespace aerodesk::api
