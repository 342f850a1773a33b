#!/usr/bin/env bash
# scripts/screenshot.sh — PNGs of the main window, one per panel, into docs/screenshots/.
# Headless (Qt's offscreen platform by default, under scripts/run-headless.sh). Builds the
# console first if needed. Knobs: BUILD_DIR (default build), HEADLESS_DISPLAY (default offscreen),
# OUT_DIR (default docs/screenshots). Prints each file written; exits non-zero on any failure.
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
# The console's panel ids, in navigation order (ui/PlaceholderPanels.cpp).
panels=(connections jobs inspector webhooks walkthroughs settings)
for panel in "${panels[@]}"; do
  file="$out/$panel.png"
  # The app prints the path it wrote; keep Qt's platform chatter off the terminal.
  QT_LOGGING_RULES="qt.qpa.*=false" \
    scripts/run-headless.sh "$build/bin/aerodesk" --screenshot "$file" --panel "$panel" 2>"$out/.$panel.log" >/dev/null \
    || { echo "screenshot.sh: failed for panel '$panel':" >&2; cat "$out/.$panel.log" >&2; rm -f "$out/.$panel.log"; exit 1; }
  rm -f "$out/.$panel.log"
  [[ -s "$file" ]] || { echo "screenshot.sh: $file is empty" >&2; exit 1; }
  echo "$file"
done
