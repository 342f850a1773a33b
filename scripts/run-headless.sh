#!/usr/bin/env bash
# run-headless.sh CMD [ARGS...]
#
# Runs CMD with, all private to this run and torn down afterwards:
#   - its own D-Bus session bus (dbus-daemon)
#   - gnome-keyring-daemon (secrets component only) serving a fresh "login"
#     keyring that is created and unlocked non-interactively, so the Secret
#     Service (org.freedesktop.secrets) works with no prompt
#   - an Xvfb display (default) or Qt's offscreen platform
# Exit status: CMD's. Works as root, with no HOME config, with CI=true and no stdin.
#
# Environment knobs:
#   HEADLESS_DISPLAY=xvfb|offscreen   (default xvfb)
#   HEADLESS_SCREEN=1280x1024x24      (Xvfb screen geometry)
#   HEADLESS_DISPLAYS=1               (how many Xvfb displays; with xvfb, HEADLESS_CTEST_RESOURCES
#                                      names a ctest --resource-spec-file listing them)
#   HEADLESS_VERBOSE=1                (print what was started)
set -euo pipefail

if [[ "${1:-}" == "--" ]]; then shift; fi
if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

# CI may start us with stdin closed; give ourselves and our children /dev/null.
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi

mode="${HEADLESS_DISPLAY:-xvfb}"
screen="${HEADLESS_SCREEN:-1280x1024x24}"
count="${HEADLESS_DISPLAYS:-1}"
[[ "$count" =~ ^[1-9][0-9]*$ ]] || { echo "[run-headless] ERROR: HEADLESS_DISPLAYS must be a positive number" >&2; exit 2; }
say() { if [[ "${HEADLESS_VERBOSE:-0}" == 1 ]]; then echo "[run-headless] $*" >&2; fi; }
die() { echo "[run-headless] ERROR: $*" >&2; exit 1; }

for tool in dbus-daemon dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || die "$tool not found (run scripts/install-deps.sh)"
done
[[ "$mode" == offscreen ]] || command -v Xvfb >/dev/null || die "Xvfb not found (run scripts/install-deps.sh)"

# CI may run us with no HOME; Qt and GLib want one.
if [[ -z "${HOME:-}" ]]; then
  HOME="$(getent passwd "$(id -u)" | cut -d: -f6)"
  export HOME="${HOME:-/tmp}"
fi

orig_umask="$(umask)"
umask 077
work="$(mktemp -d "${TMPDIR:-/tmp}/run-headless.XXXXXX")"
mkdir -p "$work/runtime" "$work/data"

# PIDs we started, in start order; cleanup kills them newest first.
pids=()
# shellcheck disable=SC2317  # called via trap
cleanup() {
  local rc=$? i p c
  trap - EXIT INT TERM
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    p="${pids[i]}"
    if [[ "$p" == "$dbus_pid" ]]; then
      # services the bus activated (e.g. a keyring prompter) die with the bus,
      # but name them explicitly so nothing outlives us.
      for c in $(ps -o pid= --ppid "$dbus_pid" 2>/dev/null); do kill "$c" 2>/dev/null || true; done
    fi
    kill "$p" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  if [[ $rc -ne 0 && "${HEADLESS_VERBOSE:-0}" == 1 ]]; then
    for f in "$work"/*.log; do [[ -s "$f" ]] && { echo "--- $f" >&2; cat "$f" >&2; }; done
  fi
  rm -rf "$work"
  exit "$rc"
}
dbus_pid=""
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Private runtime/data dirs: the keyring's control socket lives in
# $XDG_RUNTIME_DIR/keyring and its files in $XDG_DATA_HOME/keyrings, so we never
# touch (or attach to) a developer's real keyring daemon, and every run starts
# from a fresh keyring whose password we know.
export XDG_RUNTIME_DIR="$work/runtime"
export XDG_DATA_HOME="$work/data"
unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

# 1. D-Bus session bus. Started with no DISPLAY in its environment, so anything
#    it activates (gcr-prompter asking for a keyring password) fails at once
#    instead of putting a window on Xvfb and waiting forever.
export DBUS_SESSION_BUS_ADDRESS="unix:path=$work/runtime/bus"
env -u DISPLAY -u WAYLAND_DISPLAY \
  dbus-daemon --session --nofork --nopidfile --address="$DBUS_SESSION_BUS_ADDRESS" \
  >"$work/dbus.log" 2>&1 </dev/null &
dbus_pid=$!
pids+=("$dbus_pid")
bus_call() { dbus-send --session --print-reply --reply-timeout=2000 "$@" 2>/dev/null; }
for _ in $(seq 1 100); do
  bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.GetId >/dev/null && break
  kill -0 "$dbus_pid" 2>/dev/null || die "dbus-daemon exited: $(cat "$work/dbus.log")"
  sleep 0.1
done
bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.GetId >/dev/null \
  || die "D-Bus session bus did not come up"
say "dbus-daemon pid $dbus_pid at $DBUS_SESSION_BUS_ADDRESS"

# 2. gnome-keyring-daemon: --unlock reads a password on stdin and creates the
#    "login" keyring with it (it does not exist yet) and unlocks it. Foreground,
#    so $! is the daemon itself and we can stop it by PID.
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/keyring.pw"
env -u DISPLAY -u WAYLAND_DISPLAY \
  gnome-keyring-daemon --foreground --unlock --components=secrets \
  <"$work/keyring.pw" >"$work/keyring.log" 2>&1 &
gkd_pid=$!
pids+=("$gkd_pid")
owned=0
for _ in $(seq 1 100); do
  if bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
       string:org.freedesktop.secrets | grep -q 'boolean true'; then owned=1; break; fi
  kill -0 "$gkd_pid" 2>/dev/null || die "gnome-keyring-daemon exited: $(cat "$work/keyring.log")"
  sleep 0.1
done
[[ $owned == 1 ]] || die "gnome-keyring-daemon did not take org.freedesktop.secrets"
# The default collection must exist and be unlocked, or writes fail with
# "Cannot create an item in a locked collection".
bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
  org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked \
  | grep -q 'boolean false' || die "default keyring collection missing or locked: $(cat "$work/keyring.log")"
say "gnome-keyring-daemon pid $gkd_pid, login keyring unlocked"

# 3. Display.
case "$mode" in
  xvfb)
    # HEADLESS_DISPLAYS Xvfb servers (one per test that may run at once). -displayfd: each
    # picks a free display number and writes it once it accepts clients. DISPLAY is the first;
    # all of them are described to ctest as `displays` resources in $HEADLESS_CTEST_RESOURCES
    # (ids d<number>: an id may not start with a digit), which tests/support/TestDisplay reads.
    displays=()
    for ((n = 0; n < count; n++)); do
      Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp -noreset \
        3>"$work/display$n" >"$work/xvfb$n.log" 2>&1 </dev/null &
      xvfb_pid=$!
      pids+=("$xvfb_pid")
      for _ in $(seq 1 100); do
        [[ -s "$work/display$n" ]] && break
        kill -0 "$xvfb_pid" 2>/dev/null || die "Xvfb exited: $(cat "$work/xvfb$n.log")"
        sleep 0.1
      done
      [[ -s "$work/display$n" ]] || die "Xvfb did not report a display"
      displays+=("$(tr -d '[:space:]' <"$work/display$n")")
      say "Xvfb pid $xvfb_pid on :${displays[n]} ($screen)"
    done
    DISPLAY=":${displays[0]}"
    export DISPLAY
    unset WAYLAND_DISPLAY
    {
      printf '{"version": {"major": 1, "minor": 0}, "local": [{"displays": ['
      for ((n = 0; n < count; n++)); do
        ((n == 0)) || printf ', '
        printf '{"id": "d%s", "slots": 1}' "${displays[n]}"
      done
      printf ']}]}\n'
    } >"$work/ctest-resources.json"
    export HEADLESS_CTEST_RESOURCES="$work/ctest-resources.json"
    ;;
  offscreen)
    unset DISPLAY WAYLAND_DISPLAY
    export QT_QPA_PLATFORM=offscreen
    say "QT_QPA_PLATFORM=offscreen"
    ;;
  *) die "HEADLESS_DISPLAY must be xvfb or offscreen, not '$mode'" ;;
esac

# 4. The command. In the background (stdin kept) so a TERM to us is handled at once.
umask "$orig_umask"
set +e
"$@" <&0 &
cmd_pid=$!
pids+=("$cmd_pid")
wait "$cmd_pid"
rc=$?
set -e
pids=("${pids[@]:0:${#pids[@]}-1}")   # it has exited; don't signal a reused PID
exit "$rc"
