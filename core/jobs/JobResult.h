#pragma once

#include "core/api/ApiError.h"
#include "core/api/Balance.h"
#include "core/api/ErrorInfo.h"
#include "core/api/Identity.h"
#include "core/api/JobType.h"
#include "core/api/TransactionList.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace aerodesk::jobs {

/// How a job ended.
enum class JobOutcome {
    Completed, ///< data fetched (balance / transactions / identity)
    Failed, ///< the job ended FAILED (error explains)
    TimedOut, ///< the poll bound (time or attempts) was reached
    AlreadyRunning, ///< refused: a job of this type runs on this connection (runningJobId)
    Skipped, ///< not started (canFetchBalance false → AC-105 explanation)
    MfaTimedOut, ///< AC-110: MFA not completed in its window → relaunch MFA
    MfaLocked, ///< AC-108: lockout; never retried automatically
    Cancelled, ///< cancelled by the caller
    Error, ///< an API/network error ended the flow (apiError)
};

QString jobOutcomeName(JobOutcome outcome);

/// The result of one JobRunner job: what happened, in words a support person can use.
struct JobResult
{
    quint64 key = 0;
    api::JobType type = api::JobType::Balance;
    QString connectionId;
    QString jobId;
    JobOutcome outcome = JobOutcome::Error;
    QString message; ///< one friendly sentence
    QString nextStep; ///< what to do next
    api::ErrorInfo error; ///< catalogue explanation when an error code was involved
    std::optional<api::ApiError> apiError;
    QString runningJobId; ///< AlreadyRunning: the running job
    int attempts = 0;
    qint64 elapsedMs = 0;
    std::optional<api::Balance> balance;
    std::optional<api::TransactionList> transactions;
    std::optional<api::Identity> identity;
};

} // namespace aerodesk::jobs

Q_DECLARE_METATYPE(aerodesk::jobs::JobResult)
