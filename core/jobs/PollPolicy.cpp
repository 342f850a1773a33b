#include "core/jobs/PollPolicy.h"

#include <algorithm>
#include <cmath>

namespace aerodesk::jobs {

int PollPolicy::intervalForAttempt(int attempt) const
{
    const double d = initialIntervalMs * std::pow(backoffFactor, std::max(0, attempt - 1));
    return int(std::min<double>(d, maxIntervalMs));
}

int PollPolicy::firstPollDelayMs(quint64 key) const
{
    const int first = intervalForAttempt(1);
    const double spread = std::clamp(firstPollSpread, 0.0, 0.5);
    // Fractional part of key × φ⁻¹: low-discrepancy, so any run of consecutive keys is spread
    // over the whole range.
    const double share = std::fmod(double(key % 1000003) * 0.6180339887498949, 1.0);
    return first + int(first * spread * share);
}

} // namespace aerodesk::jobs
