#!/usr/bin/env bash
# scripts/fuzz.sh — build the libFuzzer targets under fuzz/ with clang and run each for a while.
#
# Usage: scripts/fuzz.sh [--build-dir DIR] [seconds] [Target...]   (default: 60 s each, every target)
#
# --build-dir DIR: use the fuzz_<Target> executables of an existing sanitized clang build
# (-DAERODESK_SANITIZE=ON, as scripts/test.sh makes in build-asan/) instead of configuring
# build-fuzz/; DIR's corpus/, crashes/ and logs/ hold what the run finds.
#
# Configures its own build in build-fuzz/ (clang, -DAERODESK_FUZZ=ON: every library with
# -fsanitize=fuzzer-no-link,address,undefined, only core/, emulator/ and the fuzz targets; the
# normal gcc build in build/ is not touched), builds the fuzz_<Target> executables, then runs each
# for `seconds` on the seeds of fuzz/corpus/<Target>/ plus the inputs of fuzz/regressions/<Target>/
# (read-only; what libFuzzer finds new goes to build-fuzz/corpus/<Target>/ and is kept between
# runs). A crash, a sanitizer report, a leak, a timeout or running out of memory ends a target's
# run; the input is written to build-fuzz/crashes/<Target>/ (copy it to fuzz/regressions/<Target>/
# once the bug is fixed). Prints a table; exits 1 if any target failed.
# Environment: AERODESK_FUZZ_JOBS (build parallelism, default 2), AERODESK_FUZZ_BUILD_DIR,
# AERODESK_FUZZ_PARALLEL (fuzzers run at once, default: the core count).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi

own_build=1
if [[ "${1:-}" == --build-dir ]]; then
  [[ $# -ge 2 ]] || { echo "usage: $0 [--build-dir DIR] [seconds] [Target...]" >&2; exit 2; }
  own_build=0
  AERODESK_FUZZ_BUILD_DIR="$2"
  shift 2
fi
seconds="${1:-60}"
[[ $# -gt 0 ]] && shift
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [[ "$seconds" -lt 1 ]]; then
  echo "usage: $0 [--build-dir DIR] [seconds] [Target...]" >&2
  exit 2
fi
# Every target declared in fuzz/CMakeLists.txt, unless some are named.
if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  mapfile -t targets < <(sed -n 's/^aerodesk_add_fuzzer(\([A-Za-z0-9_]*\) .*/\1/p' fuzz/CMakeLists.txt)
fi

scripts/install-deps.sh --with-fuzz

build="${AERODESK_FUZZ_BUILD_DIR:-build-fuzz}"
if [[ $own_build -eq 1 ]]; then
  launcher=()
  if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  # -O1 and line tables: fast enough to fuzz, quick to build, stack traces with lines. Asserts on.
  # lld links in a fraction of ld.bfd's time (as in scripts/test.sh).
  CC=clang CXX=clang++ cmake -S . -B "$build" -DAERODESK_FUZZ=ON -DAERODESK_BUILD_TESTS=OFF \
    -DAERODESK_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld \
    "${launcher[@]}" >/dev/null
fi
cmake --build "$build" -j"${AERODESK_FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# One fuzzer per core at a time (AERODESK_FUZZ_PARALLEL): each is single-threaded; results are
# printed in target order once all have ended.
fuzz_one() { # <target>: runs it; writes its result row to logs/<target>.row, exit status = its
  local t="$1" corpus crashes log inputs dict rc execs newUnits cov corp verdict
  corpus="$build/corpus/$t"
  crashes="$build/crashes/$t"
  log="$build/logs/$t.log"
  mkdir -p "$corpus" "$crashes"
  inputs=("fuzz/corpus/$t")
  [[ -d "fuzz/regressions/$t" ]] && inputs+=("fuzz/regressions/$t")
  if [[ "$t" == PemKey ]]; then
    # Private-key seeds are made fresh, never committed.
    fuzz/make-pem-seeds.sh "$build/generated/PemKey"
    inputs+=("$build/generated/PemKey")
  fi
  dict=()
  [[ -f "fuzz/dict/$t.dict" ]] && dict=("-dict=fuzz/dict/$t.dict")
  echo "fuzz.sh: $t for ${seconds}s"
  set +e
  "$build/bin/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" "$corpus" "${inputs[@]}" \
    >"$log" 2>&1
  rc=$?
  set -e
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  newUnits="$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)"
  cov="$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)"
  corp="$(grep -oE 'corp: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)"
  if [[ $rc -eq 0 ]]; then
    verdict=ok
  else
    verdict="FAILED (exit $rc; input in $crashes/, log $log)"
    grep -E 'ERROR: |runtime error:|fuzz check failed|SUMMARY:' "$log" | head -5 >&2 || true
  fi
  printf '%-22s %6ss %10s execs  cov %6s  corpus %5s  new %5s  %s\n' "$t" "$seconds" \
    "${execs:-?}" "${cov:-?}" "${corp:-?}" "${newUnits:-?}" "$verdict" >"$build/logs/$t.row"
  return "$rc"
}

mkdir -p "$build/logs"
parallel="${AERODESK_FUZZ_PARALLEL:-$(nproc)}"
declare -A pid_of=()
for t in "${targets[@]}"; do
  while [[ "$(jobs -rp | wc -l)" -ge "$parallel" ]]; do wait -n || true; done
  rm -f "$build/logs/$t.row"
  fuzz_one "$t" &
  pid_of[$t]=$!
done
failed=0
rows=()
for t in "${targets[@]}"; do
  wait "${pid_of[$t]}" || failed=1
  if [[ -s "$build/logs/$t.row" ]]; then
    rows+=("$(cat "$build/logs/$t.row")")
  else
    rows+=("$(printf '%-22s did not report (see %s)' "$t" "$build/logs/$t.log")")
    failed=1
  fi
done

echo
echo "fuzz.sh: results (logs in $build/logs/)"
printf '%s\n' "${rows[@]}"
exit "$failed"
