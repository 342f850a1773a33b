#pragma once

#include <QString>

namespace aerodesk::api {

/// A job's state, normalised from every casing the API, the docs and webhooks use
/// ("Initiated"/"initiated", "IN_PROGRESS"/"in_progress", "Pending MFA"/"MFA_REQUIRED"/
/// "pending_mfa", "COMPLETED"/"completed", "FAILED"/"failed"). Anything else is Unknown
/// (keep the raw text next to it).
enum class JobState { Initiated, InProgress, PendingMfa, Completed, Failed, Unknown };

JobState normaliseJobState(const QString &raw);
/// Stable short name ("initiated", "in-progress", "pending-mfa", ...).
QString jobStateName(JobState state);
bool isTerminal(JobState state);

} // namespace aerodesk::api
