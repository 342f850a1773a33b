#include "core/util/ProcessHardening.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace aerodesk {

namespace {
bool g_ran = false;
bool g_applied = false;
QString g_failure;

QString systemError(const char *what, int error)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what),
                                        QString::fromLocal8Bit(strerror(error)));
}
} // namespace

bool ProcessHardening::disableCoreDumps()
{
    QStringList failures;
    rlimit none { 0, 0 };
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        failures << systemError("setrlimit(RLIMIT_CORE, 0)", errno);
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        failures << systemError("prctl(PR_SET_DUMPABLE, 0)", errno);
    g_ran = true;
    g_applied = failures.isEmpty();
    g_failure = failures.join(QStringLiteral("; "));
    return g_applied;
}

bool ProcessHardening::coreDumpsDisabled()
{
    rlimit current {};
    if (getrlimit(RLIMIT_CORE, &current) != 0)
        return false;
    return current.rlim_cur == 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

bool ProcessHardening::applied()
{
    return g_ran && g_applied;
}

QString ProcessHardening::failure()
{
    if (!g_ran)
        return QStringLiteral("process hardening did not run");
    return g_failure;
}

QString ProcessHardening::warning()
{
    if (applied())
        return {};
    return QCoreApplication::translate(
               "aerodesk::ProcessHardening",
               "Core dumps could not be turned off (%1): if AeroDesk crashes, the system may "
               "write its memory, secrets included, to disk, and other processes of this user "
               "may attach to it. Ask your administrator why the system refuses.")
        .arg(failure());
}

} // namespace aerodesk
