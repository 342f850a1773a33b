#pragma once

#include <QString>

namespace aerodesk {

/// Start-up hardening for processes that hold secrets: no core dumps (RLIMIT_CORE = 0 and
/// PR_SET_DUMPABLE = 0, which also refuses ptrace attach by other users' processes).
///
/// Every executable calls disableCoreDumps() first thing and must not ignore a failure: the
/// console and the CLI print warning() on stderr and in the diagnostic log, `aerodesk
/// --self-test` fails its "Process hardening" step, and the diagnostics report says so.
class ProcessHardening
{
public:
    /// Applies both measures and remembers the outcome for applied() / failure().
    /// Returns true when every measure took effect.
    static bool disableCoreDumps();
    /// True when the current process would write no core dump (asks the kernel now).
    static bool coreDumpsDisabled();
    /// The outcome of the last disableCoreDumps(): false before it ran.
    static bool applied();
    /// Which measure failed and why (the system's error text); empty when applied().
    static QString failure();
    /// One translated sentence for a user: core dumps could not be turned off, what that
    /// risks, and the reason. Empty when applied().
    static QString warning();
};

} // namespace aerodesk
