#include "core/jobs/JobResult.h"

namespace aerodesk::jobs {

QString jobOutcomeName(JobOutcome outcome)
{
    switch (outcome) {
    case JobOutcome::Completed:
        return QStringLiteral("completed");
    case JobOutcome::Failed:
        return QStringLiteral("failed");
    case JobOutcome::TimedOut:
        return QStringLiteral("timed-out");
    case JobOutcome::AlreadyRunning:
        return QStringLiteral("already-running");
    case JobOutcome::Skipped:
        return QStringLiteral("skipped");
    case JobOutcome::MfaTimedOut:
        return QStringLiteral("mfa-timed-out");
    case JobOutcome::MfaLocked:
        return QStringLiteral("mfa-locked");
    case JobOutcome::Cancelled:
        return QStringLiteral("cancelled");
    case JobOutcome::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

} // namespace aerodesk::jobs
