#pragma once
// Shared by the UI-stall probes (UiStallProbe.cpp, JobsStallProbe.cpp): one figure per stdout
// line, the UI thread's CPU clock, waiting on the running event loop, and the 1-ms heartbeat
// that measures the gaps between event-loop turns.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <unistd.h>

namespace aerodesk::bench {

/// "name value" on stdout, for scripts/bench.sh.
inline void report(const char *name, double value)
{
    std::printf("%s %.1f\n", name, value);
    std::fflush(stdout);
}

inline double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/// CPU time of the calling (UI) thread in ms: unlike wall time, not inflated when other
/// processes share the cores.
inline double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// CPU time of this whole process (every thread) in ms.
inline double processCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// CPU time spent by the whole machine (every process, every core) in ms, from /proc/stat:
/// with processCpuMs(), what other processes — a PostgreSQL server on the same cores — took.
inline double machineCpuMs()
{
    std::FILE *f = std::fopen("/proc/stat", "r");
    if (!f)
        return 0;
    unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, soft = 0,
                       steal = 0;
    const int n = std::fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &user, &nice,
                              &system, &idle, &iowait, &irq, &soft, &steal);
    std::fclose(f);
    if (n < 8)
        return 0;
    const double ticks = double(user + nice + system + irq + soft + steal);
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

/// Runs the event loop until `done` or `timeoutMs`; false on timeout. The loop SLEEPS until
/// the next event, as the console's does: a loop that only polled (processEvents without
/// WaitForMoreEvents returns at once when nothing is pending) spun the UI thread at 100 % while
/// it waited for a worker, which both counted the spin as the UI thread's CPU and took a core
/// from the workers and the local PostgreSQL server it waited for.
inline bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QTimer wake; // the timeout is an event too, so a quiet loop still ends
    wake.setSingleShot(true);
    wake.start(timeoutMs + 1);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// A 1-ms timer: the longest gap between two of its ticks is the longest the event loop was
/// kept from turning (less its own millisecond). Also the UI thread's CPU time between two
/// ticks: the same gap without the time the thread waited for a core. `onGap`, when set, hears
/// every gap (JobsStallProbe explains the long ones).
class LoopGapMeter : public QObject
{
public:
    LoopGapMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = msSince(m_clock);
            const double gap = now - m_last;
            m_last = now;
            if (onGap)
                onGap(gap);
            m_longest = std::max(m_longest, gap);
            m_overFrame += gap > 16.0 ? 1 : 0;
            const double cpu = threadCpuMs();
            m_longestCpu = std::max(m_longestCpu, cpu - m_lastCpu);
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_longest = 0;
        m_overFrame = 0;
        m_longestCpu = 0;
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuMs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double longest() const { return m_longest; }
    int overFrame() const { return m_overFrame; }
    double longestCpu() const { return m_longestCpu; }

    std::function<void(double gapMs)> onGap;

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_longest = 0;
    int m_overFrame = 0;
    double m_lastCpu = 0;
    double m_longestCpu = 0;
};

} // namespace aerodesk::bench
