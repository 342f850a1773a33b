#!/usr/bin/env bash
# scripts/bench.sh — build the benchmarks in Release (build-bench/) and print one table.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi
scripts/install-deps.sh
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DAERODESK_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target aerodesk_bench_crypto aerodesk_bench_emulator aerodesk_bench_store aerodesk_bench_connections >/dev/null

printf '| %-40s | %14s | %14s | %12s |\n' benchmark "time/op" "cpu/op" "iterations"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..14})"
for b in aerodesk_bench_crypto aerodesk_bench_emulator aerodesk_bench_store aerodesk_bench_connections; do
  "build-bench/bin/$b" --benchmark_min_time=0.2 --benchmark_format=csv 2>/dev/null \
    | awk -F, 'NR>1 && $1!="" { gsub(/"/,"",$1); printf "| %-40s | %11.3f %s | %11.3f %s | %12s |\n", $1, $3, $5, $4, $5, $2 }'
done
