// UI-stall probe, jobs scenario (issue 14): the REAL Jobs panel and the session's REAL JobRunner
// polling the REAL sandbox (offline emulator over HTTPS, tests/support SessionRig, keychain via
// scripts/run-headless.sh) with N jobs at once, a 1-ms heartbeat timer measuring the longest gap
// between event-loop turns while they poll. The sandbox runs at --time-scale 0.05 (jobs take
// 0.25–0.75 s instead of 5–15 s), so every job polls a few times and all overlap.
//
// Run: scripts/run-headless.sh build/bin/aerodesk_bench_uistall_jobs [jobs]   (default 500)
//
// Output, one "name value" line per figure (ms unless said):
//   jobs.linked_connections          connections linked first (three job types each)
//   jobs.started                     jobs started (count)
//   jobs.start_burst_cpu_ms          UI-thread CPU to start them all (one loop turn)
//   jobs.finished                    jobs that reported an outcome (count)
//   jobs.all_finished_ms             first start → last outcome
//   uistall.jobs500_longest_gap_ms   longest event-loop gap from the first start to the last
//                                    outcome (the start burst included)
//   uistall.jobs500_polling_longest_gap_ms   the same after the start burst
//   uistall.jobs500_gaps_over_16ms   gaps over one 60 Hz frame after the start burst (count)
//   uistall.jobs500_longest_gap_cpu_ms, uistall.jobs500_polling_longest_gap_cpu_ms
//                                    the same gaps as UI-thread CPU time (CLOCK_THREAD_CPUTIME_ID):
//                                    not inflated when the thread waits for a shared core
//   jobs.polling_ui_cpu_ms           UI-thread CPU from the end of the burst to the last outcome
//
// With AERODESK_PROBE_TRACE set (as in UiStallProbe), each gap over 16 ms is also explained on
// stderr: the time spent between the two heartbeat ticks per (receiver class, event type), the
// five largest
// ("GAP 52.0 ms: [aerodesk::ui::JobsPanel/77 n=1 42.7] ..."; 77 is UpdateRequest, i.e. paint).
#include "core/api/JobType.h"
#include "core/jobs/JobResult.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "tests/support/SessionRig.h"
#include "ui/jobs/JobsPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <vector>

using namespace aerodesk;

namespace {

/// Times every top-level event delivery per (receiver class, event type) when tracing.
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool tracing = false;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!tracing || m_depth > 0)
            return QApplication::notify(receiver, event);
        QElapsedTimer t;
        t.start();
        const QByteArray key = QByteArray(receiver->metaObject()->className()) + '/' +
            QByteArray::number(int(event->type()));
        ++m_depth;
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        auto &[ms, count] = m_spent[key];
        ms += double(t.nsecsElapsed()) / 1e6;
        ++count;
        return handled;
    }
    /// Prints what filled a gap over one frame; starts a new tally either way.
    void explainGap(double gapMs)
    {
        if (tracing && gapMs > 16.0) {
            std::vector<std::pair<double, QByteArray>> top;
            for (const auto &[key, spent] : m_spent)
                top.push_back({ spent.first, key + " n=" + QByteArray::number(spent.second) });
            std::sort(top.rbegin(), top.rend());
            std::fprintf(stderr, "GAP %.1f ms:", gapMs);
            for (std::size_t i = 0; i < std::min<std::size_t>(5, top.size()); ++i)
                std::fprintf(stderr, " [%s %.1f]", top[i].second.constData(), top[i].first);
            std::fprintf(stderr, "\n");
        }
        m_spent.clear();
    }

private:
    int m_depth = 0;
    std::map<QByteArray, std::pair<double, int>> m_spent;
};

void reportFigure(const char *name, double value)
{
    std::printf("%s %.1f\n", name, value);
    std::fflush(stdout);
}

double uiThreadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// A 1-ms timer: the longest gap between two of its ticks is the longest the event loop was
/// kept from turning (as in UiStallProbe.cpp).
class JobsGapMeter : public QObject
{
public:
    JobsGapMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = double(m_clock.nsecsElapsed()) / 1e6;
            const double gap = now - m_last;
            m_last = now;
            if (m_explain)
                m_explain->explainGap(gap);
            m_longest = std::max(m_longest, gap);
            m_overFrame += gap > 16.0 ? 1 : 0;
            // The UI thread's CPU between two ticks: the same gap, without the time the thread
            // waited for a core (the wall-clock gap on a shared machine includes it).
            const double cpu = uiThreadCpuMs();
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
        m_lastCpu = uiThreadCpuMs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    /// Gaps over a frame are explained by `app` (AERODESK_PROBE_TRACE set).
    void explainWith(TracingApplication *app) { m_explain = app; }
    double longest() const { return m_longest; }
    int overFrame() const { return m_overFrame; }
    double longestCpu() const { return m_longestCpu; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_longest = 0;
    int m_overFrame = 0;
    double m_lastCpu = 0;
    double m_longestCpu = 0;
    TracingApplication *m_explain = nullptr;
};

bool waitUntilDone(const std::function<bool()> &done, int timeoutMs)
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

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    app.tracing = qEnvironmentVariableIsSet("AERODESK_PROBE_TRACE");
    const int jobCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 500;
    const api::JobType types[] = { api::JobType::Balance, api::JobType::Transactions,
                                   api::JobType::Identity };
    const int perConnection = int(std::size(types));

    test::SessionRig rig;
    if (!rig.start()) {
        std::fprintf(stderr, "the sandbox did not start\n");
        return 1;
    }
    rig.setEnvironment();
    if (!waitUntilDone([&] { return rig.session().jobs() != nullptr; }, 20000)) {
        std::fprintf(stderr, "the session has no job runner\n");
        return 1;
    }
    QStringList ids;
    for (int i = 0; i < (jobCount + perConnection - 1) / perConnection; ++i) {
        const QString id = rig.harness().sandbox.linkConnection();
        if (id.isEmpty()) {
            std::fprintf(stderr, "linking failed: %s\n",
                         qPrintable(rig.harness().sandbox.lastError()));
            return 1;
        }
        ids << id;
    }
    reportFigure("jobs.linked_connections", ids.size());

    ui::JobsPanel panel(rig.session());
    panel.resize(1200, 800);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        std::fprintf(stderr, "the panel was not exposed (figures still taken)\n");
    QCoreApplication::processEvents();

    int finished = 0;
    QObject::connect(rig.session().jobs(), &jobs::JobRunner::finished, &app,
                     [&](const jobs::JobResult &) { ++finished; });
    JobsGapMeter all;
    JobsGapMeter polling;
    all.explainWith(&app);
    app.explainGap(0); // the tally starts with the burst
    QElapsedTimer wall;
    all.start();
    wall.start();
    const double cpuStart = uiThreadCpuMs();
    int started = 0;
    for (int i = 0; i < jobCount; ++i) {
        panel.startJob(types[i % perConnection], ids.at(i / perConnection));
        ++started;
    }
    const double burstCpu = uiThreadCpuMs() - cpuStart;
    polling.start();
    const bool allDone = waitUntilDone([&] { return finished >= started; }, 180000);
    const double allMs = double(wall.nsecsElapsed()) / 1e6;
    QCoreApplication::processEvents(); // the last outcomes painted
    all.stop();
    polling.stop();
    reportFigure("jobs.started", started);
    reportFigure("jobs.start_burst_cpu_ms", burstCpu);
    reportFigure("jobs.finished", finished);
    reportFigure("jobs.all_finished_ms", allMs);
    reportFigure("uistall.jobs500_longest_gap_ms", all.longest());
    reportFigure("uistall.jobs500_polling_longest_gap_ms", polling.longest());
    reportFigure("uistall.jobs500_gaps_over_16ms", polling.overFrame());
    reportFigure("uistall.jobs500_longest_gap_cpu_ms", all.longestCpu());
    reportFigure("uistall.jobs500_polling_longest_gap_cpu_ms", polling.longestCpu());
    reportFigure("jobs.polling_ui_cpu_ms", uiThreadCpuMs() - cpuStart - burstCpu);
    if (!allDone)
        std::fprintf(stderr, "not every job finished within 180 s\n");
    return allDone ? 0 : 1;
}
