#!/usr/bin/env bash
# scripts/test.sh — install what is missing, build, and run the whole test suite headless.
#
# Usage: scripts/test.sh [--release] [ctest arguments...]
#
# Default (what CI runs, .ci/run):
#   1. scripts/check-format.sh: every .cpp/.h must match .clang-format (fix: --fix).
#   2. The sanitized build in build-asan/ (clang, -Werror, -DAERODESK_SANITIZE=ON: AddressSanitizer,
#      LeakSanitizer and UndefinedBehaviorSanitizer in every target, plus the libFuzzer targets).
#   3. The whole suite, GUI tests included, in that build, under scripts/run-headless.sh (a private
#      D-Bus session, an unlocked gnome-keyring — the real Secret Service — and one Xvfb display
#      per parallel test, handed out by ctest so that GUI tests run side by side). It replays
#      every fuzz seed and regression input (FuzzReplay.*). Every sanitizer report of every
#      process, children included, goes to build-asan/sanitizer-reports/; one report fails the run
#      even if its test passed. Leak suppressions: tests/sanitizers/lsan.supp (with reasons).
#      Meanwhile, at the lowest CPU priority, the Release build of what ships (gcc, -Werror,
#      _FORTIFY_SOURCE=2, benchmarks included) in build/ — the suite barely waits for it.
#   4. Each fuzzer for AERODESK_FUZZ_SECONDS seconds (default 5; 0 skips) on its seed corpus
#      (scripts/fuzz.sh --build-dir build-asan), without leak suppressions.
#   5. The clean-root package test (scripts/test-package.sh: the Release .deb installed, run and
#      purged in a fresh Debian 12 root) when this machine can run it — root, mounts allowed, the
#      Debian mirror reachable — and AERODESK_PACKAGE_TEST is not 0. Otherwise it says why. Its
#      Debian root, when not cached yet, is made in the background from step 2 on.
# --release: instead of 2-4, the Release build with the tests and the suite in it (gcc; quicker
#   to iterate on, no sanitizer). --sanitize is accepted for the default (it used to select it).
# Extra arguments go to ctest (e.g. `scripts/test.sh -R Crypto`); with them, the fuzzers, the
# Release build and the package test are skipped. Exit status: the first failing step's.
# The build parallelism is the core count; builds use ccache when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi

sanitize=1
if [[ "${1:-}" == --release ]]; then
  sanitize=0
  shift
elif [[ "${1:-}" == --sanitize ]]; then
  shift
fi

if [[ $sanitize -eq 1 ]]; then
  scripts/install-deps.sh --with-packaging --with-fuzz
else
  scripts/install-deps.sh --with-packaging
fi

# Formatting first: it takes seconds and says the one command that fixes it.
scripts/check-format.sh

# Processes started in the background below; stopped if this script ends early.
release_pid=
root_pid=
# shellcheck disable=SC2317  # called via trap
stop_background() {
  [[ -n "$release_pid" ]] && kill -- -"$release_pid" 2>/dev/null
  [[ -n "$root_pid" ]] && kill "$root_pid" 2>/dev/null
  return 0
}
trap stop_background EXIT

# The package test's clean Debian root (debootstrap, about two minutes of network and disk and
# little CPU), when it is not cached yet: made in the background while the sanitized build
# compiles, instead of after everything else.
root_log="$PWD/build/package-root.log"
if [[ $sanitize -eq 1 && $# -eq 0 && "${AERODESK_PACKAGE_TEST:-1}" != 0 ]] &&
  scripts/test-package.sh --check-only >/dev/null 2>&1; then
  mkdir -p build
  nice -n 10 scripts/test-package.sh --ensure-root >"$root_log" 2>&1 &
  root_pid=$!
fi

jobs="$(nproc)"
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# Unity batches: the same sources in far fewer, larger translation units (about half the build
# time here; docs/security.md).
unity=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16)
# The clang builds link with lld: ~0.4 s a test executable instead of ld.bfd's ~2.3 s, and the
# sanitized build links about a hundred (docs/security.md, "In CI"; lld from install-deps.sh).
lld=(-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -DCMAKE_SHARED_LINKER_FLAGS=-fuse-ld=lld
  -DCMAKE_MODULE_LINKER_FLAGS=-fuse-ld=lld)

run_suite() { # <build dir> [ctest args...]
  local dir="$1"
  shift
  # As many tests at a time as cores: each starts its own sandbox/keyring clients; more only
  # makes timing-sensitive GUI tests slower. One Xvfb display per slot, handed out by ctest
  # (HEADLESS_DISPLAYS, --resource-spec-file; tests/CMakeLists.txt), so that GUI tests run side
  # by side rather than one at a time. One PostgreSQL cluster for the whole run
  # (scripts/with-test-pg.sh) instead of one per test process (~3 s each).
  # shellcheck disable=SC2016  # expanded by the inner shell
  HEADLESS_DISPLAYS="$jobs" scripts/with-test-pg.sh "$dir" scripts/run-headless.sh \
    bash -c 'exec ctest ${HEADLESS_CTEST_RESOURCES:+--resource-spec-file "$HEADLESS_CTEST_RESOURCES"} "$@"' ctest \
    --test-dir "$dir" --output-on-failure --no-tests=error -j"$jobs" "$@"
}

# The Release build of what ships (scripts/package.sh packages it). <tests ON|OFF>
configure_release() {
  cmake -S . -B build -DAERODESK_WERROR=ON -DCMAKE_BUILD_TYPE=Release -DAERODESK_BUILD_TESTS="$1" \
    -DAERODESK_BUILD_BENCH=ON "${unity[@]}" "${launcher[@]}"
}

package_test() {
  if [[ "${AERODESK_PACKAGE_TEST:-1}" == 0 ]]; then
    echo "test.sh: package test skipped (AERODESK_PACKAGE_TEST=0)"
    return 0
  fi
  local reason can
  if [[ -n "$root_pid" ]]; then
    # The root made in the background: if that failed, the package test tries again and says why.
    wait "$root_pid" || { echo "test.sh: preparing the package test's root failed:" >&2; tail -20 "$root_log" >&2; }
    root_pid=
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
    return "$can"
  fi
}

if [[ $sanitize -eq 0 ]]; then
  # --release: the Release build with the tests, the suite in it, the package test.
  configure_release ON
  cmake --build build -j"$jobs"
  run_suite build "$@"
  if [[ $# -gt 0 ]]; then
    echo "test.sh: package test skipped (a selection of tests was asked for: $*)"
    exit 0
  fi
  package_test
  exit 0
fi

# 2. The sanitized build. -O1 and line tables: quick to build, fast enough to test, reports with
# file:line. No benchmarks (timings under ASan mean nothing; the Release build compiles them).
# One precompiled header (Qt, GoogleTest) shared by all test targets (AERODESK_TEST_PCH), lld.
asan=build-asan
CC=clang CXX=clang++ cmake -S . -B "$asan" -DAERODESK_SANITIZE=ON -DAERODESK_WERROR=ON \
  -DAERODESK_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DAERODESK_TEST_PCH=ON \
  "${lld[@]}" "${unity[@]}" "${launcher[@]}"
cmake --build "$asan" -j"$jobs"

# 3. Alongside the suite, at the lowest CPU priority: the Release build of what ships. Most of
# the suite waits on timers, the network and the display, and a niced compiler only takes the
# CPU time the tests leave (docs/security.md, "In CI").
release_log="$PWD/$asan/release-build.log" # build-asan/ exists by now and is ignored by git
if [[ $# -eq 0 ]]; then
  configure_release OFF >"$release_log" 2>&1 || { tail -40 "$release_log" >&2; exit 1; }
  # Its own process group (setsid), so that it can be re-prioritised and stopped as a whole.
  # With the kernel's autogroup scheduling (each session gets a group of its own), a nice value
  # only counts within its session's group: the new session lowers its whole group's priority.
  # shellcheck disable=SC2016  # expanded by the inner shell
  setsid bash -c 'echo 19 >/proc/self/autogroup 2>/dev/null; exec nice -n 19 cmake --build build -j"$1"' \
    _ "$jobs" >>"$release_log" 2>&1 &
  release_pid=$!
fi

reports="$PWD/$asan/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
(
  export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:check_initialization_order=1"
  export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1"
  run_suite "$asan" "$@"
) && suite=0 || suite=$?
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
  echo "test.sh: fuzzers, Release build and package test skipped (a selection of tests was asked for: $*)"
  exit 0
fi

# 4. The fuzzers, briefly (docs/fuzzing.md): the suite above already replayed every seed and
# regression input (FuzzReplay.*). No leak suppressions: a leaked OpenSSL object fails a fuzzer.
if [[ "${AERODESK_FUZZ_SECONDS:-5}" != 0 ]]; then
  scripts/fuzz.sh --build-dir "$asan" "${AERODESK_FUZZ_SECONDS:-5}"
fi

# 5. The Release build finishes (at full priority now), then the package test.
{ echo 0 >"/proc/$release_pid/autogroup"; } 2>/dev/null || true
renice -n 0 -g "$release_pid" >/dev/null 2>&1 || true # lowering a nice value needs root
if ! wait "$release_pid"; then
  echo "test.sh: the Release build failed:" >&2
  tail -80 "$release_log" >&2
  exit 1
fi
release_pid=
echo "test.sh: Release build done ($(grep -c 'Built target' "$release_log") targets)"
package_test
