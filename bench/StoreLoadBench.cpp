// Reading 100,000 encrypted connections: ConnectionRepository::listAll on the calling thread,
// and StoreLoader (worker thread, 2,000-row batches, queued back) until `finished`.
#include "core/crypto/Random.h"
#include "core/store/Store.h"
#include "core/store/StoreLoader.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <memory>

using namespace aerodesk;

namespace {
constexpr int kRows = 100000;

/// One 100,000-row store for every benchmark in this run (filling it takes seconds).
struct Fixture
{
    QTemporaryDir dir;
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    QString path = dir.filePath(QStringLiteral("bench.sqlite"));

    Fixture()
    {
        auto s = store::Store::open(path, key);
        if (!s)
            qFatal("cannot create the bench store: %s", qPrintable(s.error().message));
        QList<connections::Connection> many;
        many.reserve(kRows);
        for (int i = 0; i < kRows; ++i) {
            connections::Connection c;
            c.connectionId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
            c.aeroPassUserUuid =
                QStringLiteral("0b1c2d3e-4f50-4a6b-8c7d-%1").arg(i, 12, 10, QLatin1Char('0'));
            c.bankName = QStringLiteral("Aerosync Bank");
            c.status = QStringLiteral("CONNECTED");
            c.connectionExpiry = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i);
            c.accountSummary =
                QJsonObject { { QStringLiteral("accountNumber"),
                                QStringLiteral("77%1").arg(i, 8, 10, QLatin1Char('0')) } };
            many.append(c);
        }
        if (!(*s)->connections().upsertMany(many))
            qFatal("cannot fill the bench store");
    }
    static Fixture &get()
    {
        static Fixture f;
        return f;
    }
};
} // namespace

static void ListAll100kDirect(benchmark::State &state)
{
    Fixture &f = Fixture::get();
    auto s = store::Store::open(f.path, f.key);
    for (auto _ : state) {
        auto all = (*s)->connections().listAll();
        if (!all || all->size() != kRows)
            state.SkipWithError("listAll did not return every row");
        benchmark::DoNotOptimize(all);
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(ListAll100kDirect)->Unit(benchmark::kMillisecond)->UseRealTime();

static void Load100kThroughStoreLoader(benchmark::State &state)
{
    Fixture &f = Fixture::get();
    store::StoreLoader loader(f.path, f.key);
    qint64 received = 0;
    QEventLoop loop;
    QObject::connect(&loader, &store::StoreLoader::batchReady, &loop,
                     [&](quint64, qint64, const QList<connections::Connection> &rows) {
                         received += rows.size();
                     });
    QObject::connect(&loader, &store::StoreLoader::finished, &loop, &QEventLoop::quit);
    QObject::connect(&loader, &store::StoreLoader::failed, &loop,
                     [&](quint64, const store::StoreError &e) {
                         state.SkipWithError(qPrintable(e.message));
                         loop.quit();
                     });
    for (auto _ : state) {
        received = 0;
        loader.load({}, int(state.range(0)));
        loop.exec();
        if (received != kRows)
            state.SkipWithError("the loader did not deliver every row");
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
// Real time: the work happens on the loader's thread, not on the measuring one.
BENCHMARK(Load100kThroughStoreLoader)
    ->Arg(2000)
    ->Arg(500)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
