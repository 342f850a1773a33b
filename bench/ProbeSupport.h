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

/// Runs the event loop until `done` or `timeoutMs`; false on timeout.
inline bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
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
