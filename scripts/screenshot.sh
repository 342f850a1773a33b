#!/usr/bin/env bash
# scripts/screenshot.sh — PNGs of the main window, one per panel, into docs/screenshots/.
# Headless (Qt's offscreen platform by default, under scripts/run-headless.sh). Builds the
# console first if needed. Knobs: BUILD_DIR (default build), HEADLESS_DISPLAY (default offscreen),
# OUT_DIR (default docs/screenshots). Prints each file written; exits non-zero on any failure.
# The panels are captured in a realistic state: the console's --screenshot-tour runs every
# sandbox walkthrough first.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi

build="${BUILD_DIR:-build}"
out="${OUT_DIR:-docs/screenshots}"
export HEADLESS_DISPLAY="${HEADLESS_DISPLAY:-offscreen}"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build"
fi
cmake --build "$build" -j"$(nproc)" --target aerodesk

if ! fc-list 2>/dev/null | grep -qi dejavu; then
  echo "screenshot.sh: warning: DejaVu fonts not found (install fonts-dejavu-core); text may render poorly" >&2
fi

mkdir -p "$out"
# The console runs its sandbox tour (every walkthrough, a decrypted sample payload) and writes
# one PNG per panel. A throwaway data/config home keeps the real store and settings out of it;
# run-headless.sh gives it a private keyring.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" QT_LOGGING_RULES="qt.qpa.*=false" \
  scripts/run-headless.sh "$build/bin/aerodesk" --screenshot-tour "$out" 2>"$scratch/tour.log" \
  || { echo "screenshot.sh: the screenshot tour failed:" >&2; cat "$scratch/tour.log" >&2; exit 1; }
for panel in connections jobs inspector webhooks walkthroughs settings; do
  [[ -s "$out/$panel.png" ]] || { echo "screenshot.sh: $out/$panel.png is missing" >&2; exit 1; }
done
