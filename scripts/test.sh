#!/usr/bin/env bash
# scripts/test.sh — install what is missing, build, and run the whole test suite headless.
#
# Usage: scripts/test.sh [--sanitize] [ctest arguments...]
#
# Default (what CI runs, .ci/run):
#   1. scripts/check-format.sh: every .cpp/.h must match .clang-format (fix: --fix).
#   2. The Release build in build/ (gcc, -Werror, _FORTIFY_SOURCE=2; unity batches), tests and
#      benchmarks included.
#   3. The whole suite under scripts/run-headless.sh (a private D-Bus session, an unlocked
#      gnome-keyring — the real Secret Service — and Xvfb). It replays every fuzz seed and
#      regression input (FuzzReplay.*).
#   4. The clean-root package test (scripts/test-package.sh: the .deb installed, run and purged in
#      a fresh Debian 12 root) when this machine can run it — root, mounts allowed, the Debian
#      mirror reachable — and AERODESK_PACKAGE_TEST is not 0. Otherwise it says why it skipped.
# --sanitize: instead of 2-4,
#   2. the sanitized build in build-asan/ (clang, -DAERODESK_SANITIZE=ON: AddressSanitizer,
#      LeakSanitizer and UndefinedBehaviorSanitizer in every target, plus the libFuzzer targets);
#   3. the whole suite, GUI tests included, in that build. Every sanitizer report of every
#      process, children included, goes to build-asan/sanitizer-reports/; one report fails the
#      run even if its test passed. Leak suppressions: tests/sanitizers/lsan.supp (with reasons);
#   4. each fuzzer for AERODESK_FUZZ_SECONDS seconds (default 5; 0 skips) on its seed corpus
#      (scripts/fuzz.sh --build-dir build-asan), without leak suppressions.
#   It is not in CI yet: build and suite take longer than CI's budget (docs/security.md).
# Extra arguments go to ctest (e.g. `scripts/test.sh -R Crypto`); with them, the package test
# and the fuzzers are skipped. Exit status: the first failing step's.
# The build parallelism is the core count; builds use ccache when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi

sanitize=0
if [[ "${1:-}" == --sanitize ]]; then
  sanitize=1
  shift
fi

if [[ $sanitize -eq 1 ]]; then
  scripts/install-deps.sh --with-packaging --with-fuzz
else
  scripts/install-deps.sh --with-packaging
fi

# Formatting first: it takes seconds and says the one command that fixes it.
scripts/check-format.sh

jobs="$(nproc)"
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# Unity batches: the same sources in far fewer, larger translation units (about half the build
# time here; docs/security.md).
unity=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16)

run_suite() { # <build dir> [ctest args...]
  local dir="$1"
  shift
  # Two tests at a time: each starts its own sandbox/keyring clients; more than the core count
  # only makes timing-sensitive GUI tests slower.
  scripts/run-headless.sh ctest --test-dir "$dir" --output-on-failure --no-tests=error \
    -j"$jobs" "$@"
}

if [[ $sanitize -eq 1 ]]; then
  # 2. The sanitized build. -O1 and line tables: quick to build, fast enough to test, reports with
  # file:line. No benchmarks (timings under ASan mean nothing).
  asan=build-asan
  CC=clang CXX=clang++ cmake -S . -B "$asan" -DAERODESK_SANITIZE=ON -DAERODESK_WERROR=ON \
    -DAERODESK_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" "${unity[@]}" "${launcher[@]}"
  cmake --build "$asan" -j"$jobs"

  # 3. The suite under the sanitizers. Reports go to files (children's too), checked below.
  reports="$PWD/$asan/sanitizer-reports"
  rm -rf "$reports"
  mkdir -p "$reports"
  export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:check_initialization_order=1"
  export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1"
  set +e
  run_suite "$asan" "$@"
  suite=$?
  set -e
  mapfile -t found < <(find "$reports" -type f -size +0 | sort)
  if [[ ${#found[@]} -gt 0 ]]; then
    echo "test.sh: ${#found[@]} sanitizer report(s):" >&2
    for f in "${found[@]}"; do
      echo "--- $f" >&2
      head -60 "$f" >&2
    done
    exit 1
  fi
  echo "test.sh: sanitizers: no report from any process of the suite"
  [[ $suite -eq 0 ]] || exit "$suite"

  if [[ $# -gt 0 ]]; then
    echo "test.sh: fuzzers skipped (a selection of tests was asked for: $*)"
    exit 0
  fi

  # 4. The fuzzers, briefly (docs/fuzzing.md): the suite above already replayed every seed and
  # regression input (FuzzReplay.*).
  if [[ "${AERODESK_FUZZ_SECONDS:-5}" != 0 ]]; then
    # No suppressions here: a leak of an OpenSSL object while parsing fails the fuzzer.
    unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
    scripts/fuzz.sh --build-dir "$asan" "${AERODESK_FUZZ_SECONDS:-5}"
  fi
  exit 0
fi

# 2-3. The Release build (what scripts/package.sh ships) and the whole suite in it.
cmake -S . -B build -DAERODESK_WERROR=ON -DCMAKE_BUILD_TYPE=Release -DAERODESK_BUILD_TESTS=ON \
  -DAERODESK_BUILD_BENCH=ON "${unity[@]}" "${launcher[@]}"
cmake --build build -j"$jobs"
run_suite build "$@"
if [[ $# -gt 0 ]]; then
  echo "test.sh: package test skipped (a selection of tests was asked for: $*)"
  exit 0
fi

# 4. The package test.
if [[ "${AERODESK_PACKAGE_TEST:-1}" == 0 ]]; then
  echo "test.sh: package test skipped (AERODESK_PACKAGE_TEST=0)"
  exit 0
fi
set +e
reason="$(scripts/test-package.sh --check-only 2>&1)"
can=$?
set -e
if [[ $can -eq 0 ]]; then
  scripts/test-package.sh
elif [[ $can -eq 3 ]]; then
  echo "test.sh: package test skipped: ${reason#*SKIPPED: }"
else
  echo "$reason" >&2
  exit "$can"
fi
