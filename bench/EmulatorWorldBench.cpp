// The sandbox's scale claims: seeding 100,000 connections, and job-state polls with many jobs.
#include "emulator/EmulatorWorld.h"

#include <benchmark/benchmark.h>

using namespace aerodesk::emulator;

static void Seed100k(benchmark::State &state)
{
    for (auto _ : state) {
        EmulatorOptions options;
        options.seed = 42;
        EmulatorWorld world(options);
        benchmark::DoNotOptimize(world.seed(100000));
    }
}
BENCHMARK(Seed100k)->Unit(benchmark::kMillisecond);

static void PollWithManyRunningJobs(benchmark::State &state)
{
    EmulatorOptions options;
    options.seed = 42;
    EmulatorWorld world(options);
    world.seed(int(state.range(0)));
    QStringList jobs;
    for (const QString &id : world.connectionOrder()) {
        auto r = world.createJob(id, JobType::Identity);
        if (r.job)
            jobs << r.job->jobId;
    }
    qsizetype i = 0;
    for (auto _ : state) {
        EmulatedJob *job = world.job(jobs.at(i++ % jobs.size()));
        benchmark::DoNotOptimize(world.stateOf(*job));
    }
}
BENCHMARK(PollWithManyRunningJobs)->Arg(500)->Arg(10000);

BENCHMARK_MAIN();
