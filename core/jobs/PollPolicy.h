#pragma once

#include <QtGlobal>

namespace aerodesk::jobs {

/// How a job is polled. Defaults follow the team's practice: about every 1 s growing to 3 s,
/// bounded by 90 s or 30 attempts (whichever comes first); an MFA window of 120 s (the
/// sandbox's design; set it to the environment's). While MFA is pending the attempt/time bound
/// is suspended: the MFA window (plus a grace) bounds the wait instead, whatever the polls
/// answer; after the MFA step the bound starts afresh; and a job never runs longer than the sum
/// of the three (totalBoundMs), however often it goes back to MFA. JobRunner enforces each bound
/// with a deadline timer of its own, so a poll that fails or hangs cannot stretch it.
struct PollPolicy
{
    int initialIntervalMs = 1000;
    int maxIntervalMs = 3000;
    double backoffFactor = 1.5;
    qint64 maxDurationMs = 90000;
    int maxAttempts = 30;
    qint64 mfaWindowMs = 120000;
    qint64 mfaGraceMs = 30000; ///< after the window, wait this long for the server's AC-110
    qint64 expectedDurationMs = 10000; ///< typical job length (5–15 s), for the estimate
    /// The first poll of a job waits intervalForAttempt(1) plus up to this fraction of it, a
    /// fixed share per job (firstPollDelayMs): jobs started together do not all poll in the same
    /// timer tick (500 at once stalled the UI thread, bench/JobsStallProbe.cpp). At most half
    /// an interval, so the first poll never comes later than the second would have.
    double firstPollSpread = 0.5;

    /// Delay before poll number `attempt` (1-based): initial × factor^(attempt−1), capped.
    int intervalForAttempt(int attempt) const;
    /// Delay before job `key`'s first poll: intervalForAttempt(1) + a deterministic share of
    /// firstPollSpread × that interval (golden-ratio sequence over keys: consecutive keys spread
    /// evenly).
    int firstPollDelayMs(quint64 key) const;
    /// The longest a job may run: a bound before MFA, the MFA window and its grace, a bound after.
    qint64 totalBoundMs() const { return 2 * maxDurationMs + mfaWindowMs + mfaGraceMs; }
};

} // namespace aerodesk::jobs
