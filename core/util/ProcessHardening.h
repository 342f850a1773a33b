#pragma once

namespace aerodesk {

/// Start-up hardening for processes that hold secrets: no core dumps (RLIMIT_CORE = 0 and
/// PR_SET_DUMPABLE = 0, which also refuses ptrace attach by other users' processes).
class ProcessHardening
{
public:
    /// Returns true when every measure took effect.
    static bool disableCoreDumps();
    /// True when the current process would write no core dump.
    static bool coreDumpsDisabled();
};

} // namespace aerodesk
