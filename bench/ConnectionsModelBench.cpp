// The Connections panel with 100,000 rows: loading them in batches into the model, the sorted
// filter proxy and (for the panel case) a real, unshown table view; then filtering and sorting.
// Runs on Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "core/util/FixedClock.h"
#include "ui/connections/ConnectionFilterProxy.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QTableView>

#include <benchmark/benchmark.h>
#include <vector>

using aerodesk::FixedClock;
using aerodesk::connections::Connection;
using aerodesk::connections::ExpiryStatus;
using aerodesk::ui::ConnectionFilterProxy;
using aerodesk::ui::ConnectionsPanel;
using aerodesk::ui::ConnectionTableModel;

namespace {

constexpr int kRows = 100000;

const QDateTime &now()
{
    static const QDateTime t(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    return t;
}

/// 100,000 connections over five banks, expiring from 5 days ago to 120 days ahead.
const std::vector<Connection> &rows()
{
    static const std::vector<Connection> all = [] {
        static const QString banks[] = { QStringLiteral("Aerosync Bank"), QStringLiteral("Chase"),
                                         QStringLiteral("Wells Fargo"), QStringLiteral("Ally Bank"),
                                         QStringLiteral("Citibank") };
        std::vector<Connection> result;
        result.reserve(kRows);
        for (int n = 0; n < kRows; ++n) {
            Connection c;
            c.connectionId = QString::fromLatin1(
                QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Md5).toHex());
            c.aeroPassUserUuid = c.connectionId.right(12) + QStringLiteral("-0000-4000-8000-") +
                c.connectionId.left(12);
            c.bankName = banks[n % 5];
            c.status = n % 3 ? QStringLiteral("CONNECTED") : QStringLiteral("EXPIRED");
            if (n % 50 != 49)
                c.connectionExpiry = now().addSecs((n % 125 - 5) * 86400LL + (n % 86400));
            result.push_back(std::move(c));
        }
        return result;
    }();
    return all;
}

void loadInBatches(ConnectionTableModel &model, int batchSize)
{
    const auto &all = rows();
    for (size_t first = 0; first < all.size(); first += static_cast<size_t>(batchSize)) {
        const size_t last = std::min(all.size(), first + static_cast<size_t>(batchSize));
        model.appendConnections(std::vector<Connection>(all.begin() + static_cast<long>(first),
                                                        all.begin() + static_cast<long>(last)));
    }
}

} // namespace

/// Model + proxy sorted by days left, fed in batches of state.range(0) rows.
static void LoadBatchesIntoModelAndSortedProxy(benchmark::State &state)
{
    rows();
    FixedClock clock(now());
    for (auto _ : state) {
        ConnectionTableModel model(clock);
        ConnectionFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(ConnectionTableModel::DaysLeftColumn, Qt::AscendingOrder);
        loadInBatches(model, static_cast<int>(state.range(0)));
        benchmark::DoNotOptimize(proxy.rowCount());
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(LoadBatchesIntoModelAndSortedProxy)
    ->Arg(1000)
    ->Arg(5000)
    ->Arg(25000)
    ->Unit(benchmark::kMillisecond);

/// The same inside one bulk load (ConnectionFilterProxy::beginBulkLoad), as ConnectionStoreFeed
/// loads the store: rows go to the end and are sorted once at endBulkLoad().
static void LoadBatchesIntoModelAndSortedProxyBulk(benchmark::State &state)
{
    rows();
    FixedClock clock(now());
    for (auto _ : state) {
        ConnectionTableModel model(clock);
        ConnectionFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(ConnectionTableModel::DaysLeftColumn, Qt::AscendingOrder);
        proxy.beginBulkLoad();
        loadInBatches(model, static_cast<int>(state.range(0)));
        proxy.endBulkLoad();
        benchmark::DoNotOptimize(proxy.rowCount());
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(LoadBatchesIntoModelAndSortedProxyBulk)
    ->Arg(250)
    ->Arg(5000)
    ->Unit(benchmark::kMillisecond);

/// The whole panel (table view, timeline, counts), not shown, fed by appendConnections().
static void LoadBatchesIntoPanel(benchmark::State &state)
{
    rows();
    FixedClock clock(now());
    for (auto _ : state) {
        ConnectionsPanel panel(clock);
        const auto &all = rows();
        const auto batch = static_cast<size_t>(state.range(0));
        for (size_t first = 0; first < all.size(); first += batch) {
            const size_t last = std::min(all.size(), first + batch);
            panel.appendConnections(std::vector<Connection>(all.begin() + static_cast<long>(first),
                                                            all.begin() + static_cast<long>(last)));
        }
        benchmark::DoNotOptimize(panel.proxy()->rowCount());
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(LoadBatchesIntoPanel)->Arg(5000)->Unit(benchmark::kMillisecond);

/// The same inside one bulk load of the panel (ConnectionsPanel::beginBulkLoad), in the
/// feed's slice size.
static void LoadBatchesIntoPanelBulk(benchmark::State &state)
{
    rows();
    FixedClock clock(now());
    for (auto _ : state) {
        ConnectionsPanel panel(clock);
        const auto &all = rows();
        const auto batch = static_cast<size_t>(state.range(0));
        panel.beginBulkLoad();
        for (size_t first = 0; first < all.size(); first += batch) {
            const size_t last = std::min(all.size(), first + batch);
            panel.appendConnections(std::vector<Connection>(all.begin() + static_cast<long>(first),
                                                            all.begin() + static_cast<long>(last)));
        }
        panel.endBulkLoad();
        benchmark::DoNotOptimize(panel.proxy()->rowCount());
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(LoadBatchesIntoPanelBulk)->Arg(250)->Unit(benchmark::kMillisecond);

/// One setConnections() (a model reset) of all rows into the panel.
static void SetAllConnectionsOnPanel(benchmark::State &state)
{
    rows();
    FixedClock clock(now());
    for (auto _ : state) {
        ConnectionsPanel panel(clock);
        panel.setConnections(rows());
        benchmark::DoNotOptimize(panel.proxy()->rowCount());
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(SetAllConnectionsOnPanel)->Unit(benchmark::kMillisecond);

namespace {
struct Loaded
{
    FixedClock clock { now() };
    ConnectionTableModel model { clock };
    ConnectionFilterProxy proxy;
    Loaded()
    {
        proxy.setSourceModel(&model);
        proxy.sort(ConnectionTableModel::DaysLeftColumn, Qt::AscendingOrder);
        model.setConnections(rows());
    }
};
} // namespace

/// Typing "wells" one key at a time over 100,000 rows, then clearing: six refilters.
static void FilterAsYouType(benchmark::State &state)
{
    Loaded loaded;
    const QString word = QStringLiteral("wells");
    for (auto _ : state) {
        for (int length = 1; length <= word.size(); ++length)
            loaded.proxy.setFilterText(word.left(length));
        benchmark::DoNotOptimize(loaded.proxy.rowCount());
        loaded.proxy.setFilterText(QString());
    }
    state.SetItemsProcessed(state.iterations() * kRows * (word.size() + 1));
}
BENCHMARK(FilterAsYouType)->Unit(benchmark::kMillisecond);

/// Pasting a full connectionId (exact-id match) and clearing it.
static void FilterByFullId(benchmark::State &state)
{
    Loaded loaded;
    const QString id = rows().at(54321).connectionId;
    for (auto _ : state) {
        loaded.proxy.setFilterText(id);
        benchmark::DoNotOptimize(loaded.proxy.rowCount());
        loaded.proxy.setFilterText(QString());
    }
}
BENCHMARK(FilterByFullId)->Unit(benchmark::kMillisecond);

/// The band combobox: 7-day band on, then off.
static void FilterByBand(benchmark::State &state)
{
    Loaded loaded;
    for (auto _ : state) {
        loaded.proxy.setBandFilter(ExpiryStatus::Within7Days);
        benchmark::DoNotOptimize(loaded.proxy.rowCount());
        loaded.proxy.setBandFilter(std::nullopt);
    }
}
BENCHMARK(FilterByBand)->Unit(benchmark::kMillisecond);

/// Clicking a column header: re-sorting 100,000 rows by another column.
static void SortByColumn(benchmark::State &state)
{
    Loaded loaded;
    bool flip = false;
    for (auto _ : state) {
        loaded.proxy.sort(flip ? ConnectionTableModel::DaysLeftColumn
                               : ConnectionTableModel::BankColumn,
                          Qt::AscendingOrder);
        flip = !flip;
        benchmark::DoNotOptimize(loaded.proxy.rowCount());
    }
}
BENCHMARK(SortByColumn)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
