#!/usr/bin/env bash
# scripts/test.sh — install what is missing, build, and run the whole test suite headless.
#
# Tests run under scripts/run-headless.sh: a private D-Bus session, an unlocked gnome-keyring
# (the real Secret Service) and an Xvfb display, all stopped when the run ends.
# Exit status: ctest's. Extra arguments go to ctest (e.g. `scripts/test.sh -R Crypto`).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi

scripts/install-deps.sh --with-packaging

jobs="$(nproc)"
cmake -S . -B build -DAERODESK_WERROR=ON
cmake --build build -j"$jobs"

# Two tests at a time: each starts its own sandbox/keyring clients; more than the core count
# only makes timing-sensitive GUI tests slower.
scripts/run-headless.sh ctest --test-dir build --output-on-failure --no-tests=error -j"$jobs" "$@"
