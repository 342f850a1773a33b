#include "core/util/ProcessHardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace aerodesk {

bool ProcessHardening::disableCoreDumps()
{
    rlimit none { 0, 0 };
    const bool limited = setrlimit(RLIMIT_CORE, &none) == 0;
    const bool undumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    return limited && undumpable;
}

bool ProcessHardening::coreDumpsDisabled()
{
    rlimit current {};
    if (getrlimit(RLIMIT_CORE, &current) != 0)
        return false;
    return current.rlim_cur == 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

} // namespace aerodesk
