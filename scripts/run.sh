#!/usr/bin/env bash
# scripts/run.sh — install what is missing, build, and open AeroDesk on its built-in sandbox.
# Extra arguments go to aerodesk (e.g. `scripts/run.sh --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi

scripts/install-deps.sh
cmake -S . -B build
cmake --build build -j"$(nproc)"

if [[ $# -eq 0 && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
  echo "run.sh: no display (DISPLAY/WAYLAND_DISPLAY unset). On a desktop session AeroDesk opens" >&2
  echo "        its window; headless, try: scripts/run-headless.sh build/bin/aerodesk --self-test" >&2
  exit 1
fi
# exec: AeroDesk's exit status is ours, and it stops its own sandbox child when it exits.
exec build/bin/aerodesk "$@"
