// UI-stall probe (issue 14, part A): the REAL ConnectionsPanel on the REAL event loop, fed from a
// REAL encrypted SQLite store through Session → ConnectionStoreFeed → StoreLoader, with a 1-ms
// heartbeat timer measuring the longest gap between event-loop turns; then typing into the real
// filter line edit (QTest::keyClick), pasting a full id, the band combobox and a header sort.
//
// Run: scripts/run-headless.sh build/bin/aerodesk_bench_uistall [rows]   (default 100000 rows)
// (QT_QPA_PLATFORM=offscreen is used when no platform is set.)
//
// aerodesk_bench_uistall_team (built with the tests) is the same probe on a TEAM store (issue 16):
// a real PostgreSQL 15 started for the run (tests/support/PgServer: TLS verify-full, SCRAM), the
// rows written there, and the panel loading them over that connection — the figures have the
// same names and limits as the local store's.
//
// Output: one "name value" line per figure (milliseconds unless said), for scripts/bench.sh:
//   load.rows                     rows in the table when the load ended (must equal the store's)
//   load.first_rows_ms            setStore() → first rows in the table
//   load.end_to_end_ms            setStore() → loadingFinished: every row in, sorted, filter usable
//   load.rss_mb                   the probe's VmRSS once the 100k rows are in (MB): the store, its
//                                 loader and the panel (the generated rows are freed first)
//   load.ui_thread_cpu_ms         UI-thread CPU time spent over that load (heartbeat included)
//   uistall.load_longest_gap_ms   longest event-loop gap while loading
//   uistall.load_gaps_over_16ms   how many gaps passed one 60 Hz frame while loading (count)
//   uistall.load_longest_gap_cpu_ms  the UI thread's CPU time in the longest gap (no waiting)
//   uistall.load_longest_dispatch_cpu_ms  the UI thread's CPU time in its longest single event
//                                 dispatch while loading (TracingApplication; not inflated by a
//                                 busy machine, unlike the gaps)
//   filter.keystroke_ms           median time of one typed key (key event → filtered proxy)
//   filter.keystroke_max_ms       slowest typed key
//   uistall.typing_longest_gap_ms longest event-loop gap while typing (keys 40 ms apart)
//   uistall.typing_longest_dispatch_cpu_ms  the same CPU figure while typing
//   filter.paste_full_id_ms       pasting a full connectionId (upper case) → its one row
//   filter.clear_ms               clearing the filter (Esc) → every row back, sorted
//   filter.band_ms                median: choosing the "≤ 7 days" band in the combobox
//   filter.band_off_ms            median: back to "All expiry bands"
//   sort.column_ms                median: sorting by another column (bank, days left, band)
// and for each per-operation figure X_ms above (filter.*, sort.*) also X_cpu_ms: the UI thread's
// CPU time for it (CLOCK_THREAD_CPUTIME_ID), which other processes on shared cores do not
// inflate — e.g. filter.keystroke_cpu_ms, filter.keystroke_max_cpu_ms, sort.column_cpu_ms.
#include "bench/ProbeSupport.h"
#include "core/connections/Connection.h"
#include "core/crypto/Random.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/util/Clock.h"
#include "ui/connections/ConnectionFilterProxy.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"

#ifdef AERODESK_PROBE_TEAM
#include "tests/support/PgServer.h"
#endif

#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QMap>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <malloc.h>
#include <memory>
#include <vector>

using namespace aerodesk;
using connections::Connection;
using M = ui::ConnectionTableModel;

namespace {

using bench::LoopGapMeter;
using bench::machineCpuMs;
using bench::msSince;
using bench::processCpuMs;
using bench::report;
using bench::threadCpuMs;
using bench::waitFor;

/// With AERODESK_PERF_CTL=<fifo> (perf record --control fifo:<fifo> -D -1), profiles the load only.
void perfControl(const char *command)
{
    const QByteArray fifo = qgetenv("AERODESK_PERF_CTL");
    if (fifo.isEmpty())
        return;
    if (FILE *f = std::fopen(fifo.constData(), "w")) {
        std::fprintf(f, "%s\n", command);
        std::fclose(f);
    }
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

/// This process's resident memory (VmRSS) in MB.
double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

/// Wall and UI-thread CPU time of one operation.
struct Span
{
    QElapsedTimer wall;
    double cpuStart = threadCpuMs();
    Span() { wall.start(); }
    double wallMs() const { return msSince(wall); }
    double cpuMs() const { return threadCpuMs() - cpuStart; }
};

/// Times every top-level event dispatch (one event handled, with all it sends on): the longest
/// one's UI-thread CPU time (longestDispatchCpuMs) is the longest piece of work the event loop
/// could not interrupt, which other processes on the cores do not inflate — unlike the gaps of
/// LoopGapMeter, which on a busy machine also count the time the UI thread waited for a core.
/// With AERODESK_PROBE_TRACE set, every dispatch of over 12 ms is printed with its receiver's
/// class and the event type, and paint time is summed per widget (printPaints).
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_trace && event->type() == QEvent::Paint)
            return tracePaint(receiver, event);
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event); // nested, or a worker's event
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const double cpuStart = threadCpuMs();
        const char *cls = receiver->metaObject()->className();
        const int type = int(event->type());
        const bool done = QApplication::notify(receiver, event);
        const double ms = msSince(t);
        const double cpu = threadCpuMs() - cpuStart;
        if (cpu > m_longestCpu) {
            m_longestCpu = cpu;
            if (m_trace)
                std::fprintf(stderr, "trace longest dispatch so far %.1f ms CPU: %s event %d\n",
                             cpu, cls, type);
        }
        --m_depth;
        if (m_trace && ms > 12.0)
            std::fprintf(stderr, "trace turn %.1f ms: %s event %d\n", ms, cls, type);
        return done;
    }

    void resetLongestDispatch() { m_longestCpu = 0; }
    double longestDispatchCpuMs() const { return m_longestCpu; }

    /// Paint time per widget class so far (count and total ms), printed and reset.
    void printPaints()
    {
        for (auto it = m_paints.cbegin(); it != m_paints.cend(); ++it)
            std::fprintf(stderr, "trace paints %s: %d, %.1f ms\n", it.key().constData(),
                         it.value().first, it.value().second);
        m_paints.clear();
    }

private:
    bool tracePaint(QObject *receiver, QEvent *event)
    {
        QElapsedTimer t;
        t.start();
        ++m_depth;
        const bool done = QApplication::notify(receiver, event);
        --m_depth;
        auto &[count, total] = m_paints[QByteArray(receiver->metaObject()->className()) + ' ' +
                                        receiver->objectName().toLatin1()];
        ++count;
        total += msSince(t);
        return done;
    }

    const bool m_trace = qEnvironmentVariableIsSet("AERODESK_PROBE_TRACE");
    int m_depth = 0;
    double m_longestCpu = 0;
    QMap<QByteArray, std::pair<int, double>> m_paints;
};

/// Rows like bench/ConnectionsModelBench.cpp: five banks, md5 ids, expiry -5…+120 days.
QList<Connection> makeRows(int count, const QDateTime &now)
{
    static const QString banks[] = { QStringLiteral("Aerosync Bank"), QStringLiteral("Chase"),
                                     QStringLiteral("Wells Fargo"), QStringLiteral("Ally Bank"),
                                     QStringLiteral("Citibank") };
    QList<Connection> result;
    result.reserve(count);
    for (int n = 0; n < count; ++n) {
        Connection c;
        c.connectionId = QString::fromLatin1(
            QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Md5).toHex());
        c.aeroPassUserUuid =
            c.connectionId.right(12) + QStringLiteral("-0000-4000-8000-") + c.connectionId.left(12);
        c.bankName = banks[n % 5];
        c.status = n % 3 ? QStringLiteral("CONNECTED") : QStringLiteral("EXPIRED");
        if (n % 50 != 49)
            c.connectionExpiry = now.addSecs((n % 125 - 5) * 86400LL + (n % 86400));
        result.push_back(std::move(c));
    }
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    const int rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;

    SystemClock clock;
#ifdef AERODESK_PROBE_TEAM
    test::PgServer server;
    if (!server.start()) {
        std::fprintf(stderr, "cannot start PostgreSQL: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    const QString database = server.createDatabase();
    auto opened = store::Store::open(server.target(database), crypto::Random::secretBytes(32), {},
                                     crypto::SecureBytes(server.adminPassword().toUtf8()));
#else
    QTemporaryDir dir;
    auto opened = store::Store::open(dir.filePath(QStringLiteral("probe.sqlite")),
                                     crypto::Random::secretBytes(32));
#endif
    if (!opened) {
        std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::shared_ptr<store::Store> db(std::move(opened).value());
    QString pastedId; // a full id to paste (step 3); the generated rows are dropped before
                      // the load so the memory figure is the store's and the panel's
    {
        const QList<Connection> all = makeRows(rows, clock.nowUtc());
        if (!db->connections().upsertMany(all)) {
            std::fprintf(stderr, "cannot fill the store\n");
            return 1;
        }
        pastedId = all.at(all.size() / 2).connectionId.toUpper();
    }
    malloc_trim(0); // return the generator's freed memory, as a fresh console would not hold it

    session::Session session(clock);
    ui::ConnectionsPanel panel(session);
    panel.resize(1300, 800);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        std::fprintf(stderr, "the panel was not exposed (figures still taken)\n");
    QCoreApplication::processEvents();

    // 1. Load.
    LoopGapMeter meter;
    bool finished = false;
    double firstRowsMs = -1;
    QElapsedTimer load;
    QObject::connect(panel.feed(), &ui::ConnectionStoreFeed::loadingFinished, &app,
                     [&](qint64) { finished = true; });
    QObject::connect(panel.model(), &QAbstractItemModel::rowsInserted, &app, [&] {
        if (firstRowsMs < 0)
            firstRowsMs = msSince(load);
    });
    if (qEnvironmentVariableIsSet("AERODESK_PROBE_TRACE")) {
        QObject::connect(panel.feed(), &ui::ConnectionStoreFeed::loadingProgress, &app,
                         [&](qint64 delivered, qint64) {
                             std::fprintf(stderr, "trace %.1f ms: %lld rows, longest gap %.1f\n",
                                          msSince(load), static_cast<long long>(delivered),
                                          meter.longest());
                         });
    }
    perfControl("enable");
    meter.start();
    app.resetLongestDispatch();
    load.start();
    const double loadCpuStart = threadCpuMs();
    const double processCpuStart = processCpuMs();
    const double machineCpuStart = machineCpuMs();
    session.setStore(db);
    if (!waitFor([&] { return finished; }, 120000)) {
        std::fprintf(stderr, "the load did not finish\n");
        return 1;
    }
    const double loadMs = msSince(load);
    const double loadCpuMs = threadCpuMs() - loadCpuStart;
    const double processCpu = processCpuMs() - processCpuStart;
    const double machineCpu = machineCpuMs() - machineCpuStart;
    perfControl("disable");
    if (qEnvironmentVariableIsSet("AERODESK_PROBE_TRACE"))
        app.printPaints();
    QCoreApplication::processEvents(); // the first paint of the full table counts as well
    meter.stop();
    report("load.rows", panel.proxy()->rowCount());
    report("load.first_rows_ms", firstRowsMs);
    report("load.end_to_end_ms", loadMs);
    report("load.ui_thread_cpu_ms", loadCpuMs);
    // Every thread of the console (UI, the loader's fetching and decrypting threads), and what
    // the rest of the machine took meanwhile: on a team store, mostly the PostgreSQL server
    // sending the rows, which here shares the console's two cores.
    report("load.process_cpu_ms", processCpu);
    report("load.other_processes_cpu_ms", std::max(0.0, machineCpu - processCpu));
    report("uistall.load_longest_gap_ms", meter.longest());
    report("uistall.load_gaps_over_16ms", meter.overFrame());
    report("uistall.load_longest_gap_cpu_ms", meter.longestCpu());
    report("uistall.load_longest_dispatch_cpu_ms", app.longestDispatchCpuMs());
    report("load.rss_mb", rssMb());

    // 2. Typing into the filter, keys 40 ms apart on the running event loop. The panel applies
    // a key's text on the next turn: each key is timed until its filter has run.
    const auto settleFilter = [&panel] {
        while (panel.filterPending())
            QCoreApplication::processEvents(QEventLoop::AllEvents);
    };
    QLineEdit *filter = panel.filterEdit();
    filter->setFocus();
    const QString typed = QStringLiteral("wells ex");
    std::vector<double> keys, keysCpu;
    meter.start();
    app.resetLongestDispatch();
    for (const QChar ch : typed) {
        Span key;
        QTest::keyClick(filter, ch.toLatin1());
        settleFilter();
        keys.push_back(key.wallMs());
        keysCpu.push_back(key.cpuMs());
        QTest::qWait(40);
    }
    for (int i = 0; i < typed.size(); ++i) { // backspace: each widens the result again
        Span key;
        QTest::keyClick(filter, Qt::Key_Backspace);
        settleFilter();
        keys.push_back(key.wallMs());
        keysCpu.push_back(key.cpuMs());
        QTest::qWait(40);
    }
    meter.stop();
    if (qEnvironmentVariableIsSet("AERODESK_PROBE_TRACE")) {
        for (double k : keys)
            std::fprintf(stderr, "trace key %.1f ms\n", k);
    }
    report("filter.keystroke_ms", median(keys));
    report("filter.keystroke_max_ms", *std::max_element(keys.begin(), keys.end()));
    report("filter.keystroke_cpu_ms", median(keysCpu));
    report("filter.keystroke_max_cpu_ms", *std::max_element(keysCpu.begin(), keysCpu.end()));
    report("uistall.typing_longest_gap_ms", meter.longest());
    report("uistall.typing_longest_dispatch_cpu_ms", app.longestDispatchCpuMs());

    // 3. Pasting a full id (upper case), then clearing.
    {
        const QString &id = pastedId;
        Span paste;
        filter->setText(id);
        settleFilter();
        report("filter.paste_full_id_ms", paste.wallMs());
        report("filter.paste_full_id_cpu_ms", paste.cpuMs());
        if (panel.proxy()->rowCount() != 1)
            std::fprintf(stderr, "pasting a full id showed %d rows\n", panel.proxy()->rowCount());
        QTest::qWait(40);
        Span clear;
        QTest::keyClick(filter, Qt::Key_Escape);
        settleFilter();
        report("filter.clear_ms", clear.wallMs());
        report("filter.clear_cpu_ms", clear.cpuMs());
        QTest::qWait(40);
    }

    // 4. The band combobox.
    {
        auto *band = panel.findChild<QComboBox *>(QStringLiteral("bandFilter"));
        const int within7 =
            band ? band->findData(static_cast<int>(connections::ExpiryStatus::Within7Days)) : -1;
        std::vector<double> on, off, onCpu, offCpu;
        for (int i = 0; band && within7 > 0 && i < 5; ++i) {
            Span select;
            band->setCurrentIndex(within7);
            on.push_back(select.wallMs());
            onCpu.push_back(select.cpuMs());
            QTest::qWait(20);
            Span all;
            band->setCurrentIndex(0);
            off.push_back(all.wallMs());
            offCpu.push_back(all.cpuMs());
            QTest::qWait(20);
        }
        report("filter.band_ms", median(on));
        report("filter.band_off_ms", median(off));
        report("filter.band_cpu_ms", median(onCpu));
        report("filter.band_off_cpu_ms", median(offCpu));
    }

    // 5. Sorting by another column, as a header click does.
    {
        std::vector<double> sorts, sortsCpu;
        for (int i = 0; i < 3; ++i) {
            for (int column : { M::BankColumn, M::BandColumn, M::DaysLeftColumn }) {
                Span sort;
                panel.table()->sortByColumn(column, Qt::AscendingOrder);
                sorts.push_back(sort.wallMs());
                sortsCpu.push_back(sort.cpuMs());
                QTest::qWait(20);
            }
        }
        report("sort.column_ms", median(sorts));
        report("sort.column_cpu_ms", median(sortsCpu));
    }
    return 0;
}
