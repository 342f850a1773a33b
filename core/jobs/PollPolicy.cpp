#include "core/jobs/PollPolicy.h"

#include <cmath>

namespace aerodesk::jobs {

int PollPolicy::intervalForAttempt(int attempt) const
{
    const double d = initialIntervalMs * std::pow(backoffFactor, std::max(0, attempt - 1));
    return int(std::min<double>(d, maxIntervalMs));
}

} // namespace aerodesk::jobs
