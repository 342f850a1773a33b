#include "core/api/JobState.h"

namespace aerodesk::api {

JobState normaliseJobState(const QString &raw)
{
    QString key;
    for (const QChar c : raw.trimmed()) {
        if (c.isLetterOrNumber())
            key.append(c.toLower());
    }
    if (key == QLatin1String("initiated") || key == QLatin1String("initialized") ||
        key == QLatin1String("queued"))
        return JobState::Initiated;
    if (key == QLatin1String("inprogress") || key == QLatin1String("running") ||
        key == QLatin1String("processing"))
        return JobState::InProgress;
    if (key == QLatin1String("pendingmfa") || key == QLatin1String("mfarequired") ||
        key == QLatin1String("mfapending"))
        return JobState::PendingMfa;
    if (key == QLatin1String("completed") || key == QLatin1String("complete") ||
        key == QLatin1String("success"))
        return JobState::Completed;
    if (key == QLatin1String("failed") || key == QLatin1String("failure") ||
        key == QLatin1String("error"))
        return JobState::Failed;
    return JobState::Unknown;
}

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Initiated:
        return QStringLiteral("initiated");
    case JobState::InProgress:
        return QStringLiteral("in-progress");
    case JobState::PendingMfa:
        return QStringLiteral("pending-mfa");
    case JobState::Completed:
        return QStringLiteral("completed");
    case JobState::Failed:
        return QStringLiteral("failed");
    case JobState::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

bool isTerminal(JobState state)
{
    return state == JobState::Completed || state == JobState::Failed;
}

} // namespace aerodesk::api
