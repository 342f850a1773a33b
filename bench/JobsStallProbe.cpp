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
#include "bench/ProbeSupport.h"
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
using bench::LoopGapMeter;
using bench::report;
using bench::threadCpuMs;
using bench::waitFor;

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
    if (!waitFor([&] { return rig.session().jobs() != nullptr; }, 20000)) {
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
    report("jobs.linked_connections", ids.size());

    ui::JobsPanel panel(rig.session());
    panel.resize(1200, 800);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        std::fprintf(stderr, "the panel was not exposed (figures still taken)\n");
    QCoreApplication::processEvents();

    int finished = 0;
    QObject::connect(rig.session().jobs(), &jobs::JobRunner::finished, &app,
                     [&](const jobs::JobResult &) { ++finished; });
    LoopGapMeter all;
    LoopGapMeter polling;
    all.onGap = [&app](double gapMs) { app.explainGap(gapMs); };
    app.explainGap(0); // the tally starts with the burst
    QElapsedTimer wall;
    all.start();
    wall.start();
    const double cpuStart = threadCpuMs();
    int started = 0;
    for (int i = 0; i < jobCount; ++i) {
        panel.startJob(types[i % perConnection], ids.at(i / perConnection));
        ++started;
    }
    const double burstCpu = threadCpuMs() - cpuStart;
    polling.start();
    const bool allDone = waitFor([&] { return finished >= started; }, 180000);
    const double allMs = double(wall.nsecsElapsed()) / 1e6;
    QCoreApplication::processEvents(); // the last outcomes painted
    all.stop();
    polling.stop();
    report("jobs.started", started);
    report("jobs.start_burst_cpu_ms", burstCpu);
    report("jobs.finished", finished);
    report("jobs.all_finished_ms", allMs);
    report("uistall.jobs500_longest_gap_ms", all.longest());
    report("uistall.jobs500_polling_longest_gap_ms", polling.longest());
    report("uistall.jobs500_gaps_over_16ms", polling.overFrame());
    report("uistall.jobs500_longest_gap_cpu_ms", all.longestCpu());
    report("uistall.jobs500_polling_longest_gap_cpu_ms", polling.longestCpu());
    report("jobs.polling_ui_cpu_ms", threadCpuMs() - cpuStart - burstCpu);
    if (!allDone)
        std::fprintf(stderr, "not every job finished within 180 s\n");
    return allDone ? 0 : 1;
}
