#!/usr/bin/env bash
# scripts/test-package.sh — the .deb on a clean Debian 12 (bookworm) root: install it with apt,
# run it, purge it, and prove that nothing it installed is left behind.
#
#   1. build the .deb (scripts/package.sh), unless --deb FILE names one
#   2. a clean bookworm root: debootstrap --variant=minbase once, cached as a tarball under
#      $AERODESK_CACHE_DIR (default ~/.cache/aerodesk), unpacked fresh for every run
#   3. test-only extras in the root: dbus and gnome-keyring (for --self-test; not what a user
#      needs to install — the package itself only Recommends gnome-keyring)
#   4. apt-get install -y ./aerodesk_*.deb (as a user would: dependencies and Recommends)
#   5. aerodesk --version; aerodesk --self-test when the binary has it, under a private D-Bus
#      session with an unlocked gnome-keyring (scripts/run-headless.sh, offscreen display)
#   6. dpkg -L aerodesk is recorded, then apt-get purge -y aerodesk; apt-get autoremove --purge -y
#   7. every file and symlink from that list must be gone; every directory from it must be gone
#      or still belong to another package; and the whole root, compared with a listing taken
#      just before step 4, must hold no new path (volatile places such as /tmp, /var/log,
#      /var/cache and apt's lists are not compared)
#
# Prints a PASS/FAIL table with timings; exit 0 = every step passed, 1 = a step failed,
# 3 = this machine cannot run the test (the reason is printed; nothing was changed).
#
# Usage: scripts/test-package.sh [--deb FILE] [--check-only | --prepare-root | --ensure-root]
#   --check-only   only check the prerequisites (root, mounts, debootstrap, mirror); exit 0 or 3
#   --prepare-root (re)build the cached root tarball now (debootstrap) and stop
#   --ensure-root  build it only when it is missing or older than AERODESK_ROOT_MAX_AGE_DAYS, and
#                  stop (scripts/test.sh runs this in the background while it builds)
# Environment:
#   AERODESK_DEBIAN_MIRROR   default http://deb.debian.org/debian
#   AERODESK_CACHE_DIR       default ${XDG_CACHE_HOME:-$HOME/.cache}/aerodesk
#   AERODESK_ROOT_MAX_AGE_DAYS  rebuild the cached root when older (default 30)
#   AERODESK_PACKAGE_TEST_KEEP=1  keep the unpacked root afterwards (for debugging; mounts are
#                            still removed)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi
export LC_ALL=C

mirror="${AERODESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite=bookworm
cache="${AERODESK_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/aerodesk}"
max_age_days="${AERODESK_ROOT_MAX_AGE_DAYS:-30}"
arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
tarball="$cache/debootstrap-$suite-minbase+dbus+gnome-keyring-$arch.tar.gz"
work="$PWD/build/package-test"
logs="$work/logs"
root="$work/root"
extras=(dbus gnome-keyring)
deb=""
check_only=0
prepare_only=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --deb) deb="$(realpath "${2:?--deb needs a file}")"; shift 2 ;;
    --check-only) check_only=1; shift ;;
    --prepare-root) prepare_only=1; shift ;;
    --ensure-root) prepare_only=2; shift ;;
    *) echo "usage: $0 [--deb FILE] [--check-only | --prepare-root | --ensure-root]" >&2; exit 2 ;;
  esac
done

say() { echo "[test-package] $*" >&2; }
cannot() { echo "[test-package] SKIPPED: $*" >&2; exit 3; }

# ---------------------------------------------------------------- prerequisites (nothing changes)
prerequisites() {
  [[ "$(id -u)" -eq 0 ]] || cannot "needs root (debootstrap, mount and chroot)"
  command -v dpkg >/dev/null || cannot "not a Debian system (no dpkg)"
  local probe
  probe="$(mktemp -d)"
  if ! mount -t tmpfs -o size=1m aerodesk-probe "$probe" 2>/dev/null; then
    rmdir "$probe"
    cannot "mounting is not permitted here (a container without CAP_SYS_ADMIN?)"
  fi
  umount "$probe"; rmdir "$probe"
  if ! command -v debootstrap >/dev/null && [[ ! -s "$tarball" ]] && ! command -v apt-get >/dev/null; then
    cannot "debootstrap is missing and cannot be installed"
  fi
  local url="$mirror/dists/$suite/Release"
  if command -v curl >/dev/null; then
    curl -fsS -o /dev/null --max-time 15 "$url" 2>/dev/null || cannot "the Debian mirror $mirror is not reachable"
  elif command -v wget >/dev/null; then
    wget -q -O /dev/null --timeout=15 "$url" || cannot "the Debian mirror $mirror is not reachable"
  else
    cannot "neither curl nor wget to check that $mirror is reachable"
  fi
}
# ---------------------------------------------------------------- results table
names=(); results=(); seconds=(); notes=()
failed=0
step_start=0
begin() { step_start="$(date +%s.%N)"; say "== $1"; }
record() { # record NAME PASS|FAIL|SKIP NOTE
  names+=("$1"); results+=("$2"); notes+=("${3:-}")
  seconds+=("$(awk -v a="$step_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')")
  [[ "$2" != FAIL ]] || failed=1
}
table() { # table EXIT_STATUS
  printf '\n| %-44s | %-6s | %8s | %s\n' step result seconds note
  printf '|%s|%s|%s|%s\n' "----------------------------------------------" "--------" "----------" "------"
  local i
  for i in "${!names[@]}"; do
    printf '| %-44s | %-6s | %8s | %s\n' "${names[i]}" "${results[i]}" "${seconds[i]}" "${notes[i]}"
  done
  if [[ $failed == 0 && $1 == 0 ]]; then
    echo "PASS: aerodesk installs, runs and is removed without a trace on a clean $suite root"
  elif [[ $failed == 0 ]]; then
    echo "FAIL: the test stopped unexpectedly (exit status $1) after the last row above (logs in $logs)"
  else
    echo "FAIL: see the rows marked FAIL above (logs in $logs)"
  fi
}

# ---------------------------------------------------------------- mounts and cleanup
mounts=()
mount_in_root() { # mount_in_root TARGET ARGS... ; remembered for cleanup
  local target="$1"; shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounts+=("$target")
}
# shellcheck disable=SC2317  # called via trap
cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null || true
  done
  if [[ -d "$root" ]]; then
    if grep -q " ${root}[/ ]" /proc/self/mounts; then
      echo "[test-package] WARNING: something is still mounted under $root; not deleting it" >&2
      grep " ${root}[/ ]" /proc/self/mounts >&2 || true
    elif [[ "${AERODESK_PACKAGE_TEST_KEEP:-0}" != 1 ]]; then
      rm -rf --one-file-system "$root"
    fi
  fi
  [[ ${#names[@]} -eq 0 ]] || table "$rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# debootstrap a minimal root, add the test-only extras, and keep it as a tarball (debootstrap
# is installed on the host when missing).
ensure_root_tarball() {
  mkdir -p "$cache" "$logs"
  if ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >"$logs/apt-host.log" 2>&1 || return 1
  fi
  local staging="$work/debootstrap"
  rm -rf --one-file-system "$staging"
  if ! debootstrap --variant=minbase --arch="$arch" "$suite" "$staging" "$mirror" >"$logs/debootstrap.log" 2>&1; then
    rm -rf --one-file-system "$staging"
    return 1
  fi
  configure_root "$staging"
  mount_in_root "$staging/proc" -t proc proc
  chroot "$staging" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${extras[@]}" >>"$logs/debootstrap.log" 2>&1 || return 1
  chroot "$staging" apt-get clean
  umount "$staging/proc" || return 1
  unset 'mounts[${#mounts[@]}-1]'
  tar -C "$staging" --numeric-owner -czf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  rm -rf --one-file-system "$staging"
}

# apt sources, no services, fast throw-away dpkg
configure_root() {
  cp /etc/resolv.conf "$1/etc/resolv.conf" 2>/dev/null || true
  echo "deb $mirror $suite main" >"$1/etc/apt/sources.list"
  printf '#!/bin/sh\nexit 101\n' >"$1/usr/sbin/policy-rc.d"
  chmod 755 "$1/usr/sbin/policy-rc.d"
  echo force-unsafe-io >"$1/etc/dpkg/dpkg.cfg.d/aerodesk-test-unsafe-io"
}

prerequisites
if [[ $check_only == 1 ]]; then
  say "prerequisites met: root, mounts allowed, $mirror reachable"
  exit 0
fi
rm -rf "$logs"
mkdir -p "$work" "$logs" "$cache/apt-archives"
root_is_fresh() {
  [[ -s "$tarball" ]] && [[ -z "$(find "$tarball" -mtime +"$max_age_days" 2>/dev/null)" ]]
}
if [[ $prepare_only == 2 ]] && root_is_fresh; then
  say "the cached root is fresh: $tarball"
  exit 0
fi
if [[ $prepare_only != 0 ]]; then
  ensure_root_tarball || { echo "[test-package] preparing the root failed: see $logs/debootstrap.log" >&2; exit 1; }
  say "cached $tarball ($(du -h "$tarball" | cut -f1))"
  exit 0
fi

in_root() { # a clean environment inside the root; HOME is in /tmp so user data stays out of the comparison
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp/home LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}
fail_now() { record "$1" FAIL "$2"; say "FAILED: $1 — $2"; exit 1; }

# Everything in the root except volatile places, one path per line, sorted.
snapshot() {
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./sys -o -path ./run -o -path ./tmp \
      -o -path ./var/tmp -o -path ./var/log -o -path ./var/cache -o -path ./var/lib/apt \
      -o -path ./var/lib/dpkg/triggers -o -path ./var/lib/dpkg/updates -o -path ./var/lib/dpkg/status-old \
      -o -path ./var/lib/dpkg/available-old -o -path ./var/lib/dpkg/diversions-old -o -path ./root/.cache \
      -o -path ./var/lib/dbus/machine-id -o -path ./etc/machine-id \) -prune -o -print | sed 's|^\.||' | sort)
}


# ---------------------------------------------------------------- 1. the .deb
begin "build the .deb"
if [[ -z "$deb" ]]; then
  scripts/package.sh >"$logs/package.log" 2>&1 || fail_now "build .deb (scripts/package.sh)" "see $logs/package.log"
  deb="$( (ls -t build/packages/aerodesk_*_"$arch".deb 2>/dev/null || true) | head -1)"
  deb="${deb:+$PWD/$deb}"
fi
[[ -n "$deb" && -s "$deb" ]] || fail_now "build .deb (scripts/package.sh)" "no build/packages/aerodesk_*_$arch.deb"
record "build .deb" PASS "$(basename "$deb"), $(( $(stat -c %s "$deb") / 1024 )) KiB"

# ---------------------------------------------------------------- 2. the clean root
begin "clean $suite root"
if root_is_fresh; then
  note="cached $(basename "$tarball")"
else
  ensure_root_tarball || fail_now "debootstrap $suite" "see $logs/debootstrap.log"
  note="debootstrap --variant=minbase from $mirror, now cached as $tarball"
fi
rm -rf --one-file-system "$root"
mkdir -p "$root"
tar -C "$root" --numeric-owner -xzf "$tarball"
[[ -c "$root/dev/null" ]] || fail_now "clean $suite root" "the root has no /dev/null (debootstrap could not make device nodes)"
mount_in_root "$root/proc" -t proc proc
mount_in_root "$root/dev/pts" -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts
configure_root "$root"
record "clean $suite root" PASS "$note"

# Downloaded packages are kept between runs, so only the first run fetches Qt & co.
restore_archives() { cp -n "$cache/apt-archives/"*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true; }
save_archives() { cp -n "$root/var/cache/apt/archives/"*.deb "$cache/apt-archives/" 2>/dev/null || true; }

begin "apt-get update"
in_root apt-get update -q >"$logs/apt-update.log" 2>&1 || fail_now "apt-get update" "see $logs/apt-update.log"
record "apt-get update" PASS "$mirror"

# ---------------------------------------------------------------- 3. test-only extras
begin "test extras"
restore_archives
in_root apt-get install -y -q --no-install-recommends "${extras[@]}" >"$logs/apt-extras.log" 2>&1 \
  || fail_now "test extras (${extras[*]})" "see $logs/apt-extras.log"
save_archives
record "test extras: ${extras[*]}" PASS "in the cached root; for --self-test only, not package deps"
snapshot >"$work/before.txt"

# ---------------------------------------------------------------- 4. install
begin "apt-get install ./$(basename "$deb")"
mkdir -p "$root/tmp/pkg"
cp "$deb" "$root/tmp/pkg/"
restore_archives
if in_root sh -c "cd /tmp/pkg && apt-get install -y -q ./$(basename "$deb")" >"$logs/apt-install.log" 2>&1; then
  save_archives
  record "apt-get install ./$(basename "$deb")" PASS \
    "$(grep -Eo '^[0-9]+ upgraded, [0-9]+ newly installed' "$logs/apt-install.log" | tail -1)"
else
  fail_now "apt-get install ./$(basename "$deb")" "see $logs/apt-install.log"
fi

# ---------------------------------------------------------------- 5. run it
begin "aerodesk --version"
mkdir -p "$root/tmp/home"
if in_root aerodesk --version >"$logs/version.log" 2>&1 && grep -Eqi "^aerodesk [0-9]+\.[0-9]+" "$logs/version.log"; then
  record "aerodesk --version" PASS "$(head -1 "$logs/version.log")"
else
  record "aerodesk --version" FAIL "see $logs/version.log"
fi

# The private session --self-test needs: a D-Bus session bus and an unlocked gnome-keyring.
begin "private session in the root"
cp scripts/run-headless.sh "$root/tmp/run-headless.sh"
headless() { in_root env HEADLESS_DISPLAY=offscreen HEADLESS_VERBOSE=1 /bin/bash /tmp/run-headless.sh "$@"; }
if headless aerodesk --version >"$logs/session.log" 2>&1; then
  record "private D-Bus + gnome-keyring" PASS "scripts/run-headless.sh works in the root"
else
  record "private D-Bus + gnome-keyring" FAIL "see $logs/session.log"
fi

begin "aerodesk --self-test"
help_text="$(in_root aerodesk --help 2>/dev/null || true)"
if grep -q -- '--self-test' <<<"$help_text"; then
  if headless aerodesk --self-test >"$logs/self-test.log" 2>&1; then
    record "aerodesk --self-test" PASS "in the private session, offscreen"
  else
    record "aerodesk --self-test" FAIL "see $logs/self-test.log"
  fi
else
  record "aerodesk --self-test" SKIP "this aerodesk has no --self-test option yet"
fi

# ---------------------------------------------------------------- 6. remove
begin "record dpkg -L aerodesk"
in_root dpkg -L aerodesk >"$work/installed.txt" 2>"$logs/dpkg-L.log" || fail_now "dpkg -L aerodesk" "see $logs/dpkg-L.log"
# Directories the package shares with others stay; find their owners while aerodesk is there.
: >"$work/shared-dirs.txt"
while IFS= read -r p; do
  [[ -d "$root$p" && ! -L "$root$p" ]] || continue
  owners="$(in_root dpkg-query -S "$p" 2>/dev/null | sed -e 's/: .*//' -e 's/, /\n/g' | grep -vx aerodesk || true)"
  [[ -z "$owners" ]] || echo "$p" >>"$work/shared-dirs.txt"
done <"$work/installed.txt"
record "record dpkg -L aerodesk" PASS "$(wc -l <"$work/installed.txt") paths, $(wc -l <"$work/shared-dirs.txt") directories shared"

begin "apt-get purge aerodesk"
if in_root apt-get purge -y -q aerodesk >"$logs/apt-purge.log" 2>&1; then
  record "apt-get purge -y aerodesk" PASS ""
else
  fail_now "apt-get purge -y aerodesk" "see $logs/apt-purge.log"
fi
begin "apt-get autoremove"
if in_root apt-get autoremove --purge -y -q >"$logs/apt-autoremove.log" 2>&1; then
  record "apt-get autoremove --purge -y" PASS \
    "$(grep -Eo '[0-9]+ to remove' "$logs/apt-autoremove.log" | tail -1)"
else
  record "apt-get autoremove --purge -y" FAIL "see $logs/apt-autoremove.log"
fi

# ---------------------------------------------------------------- 7. nothing left
begin "no file of the package left"
leftovers=()
while IFS= read -r p; do
  [[ -n "$p" && "$p" != "/." ]] || continue
  if [[ -L "$root$p" || -f "$root$p" ]]; then
    leftovers+=("$p")
  elif [[ -d "$root$p" ]] && ! grep -qxF "$p" "$work/shared-dirs.txt"; then
    leftovers+=("$p/")
  fi
done <"$work/installed.txt"
# shellcheck disable=SC2016  # a dpkg-query format, not a shell expansion
if in_root dpkg-query -W -f='${db:Status-Abbrev}' aerodesk >/dev/null 2>&1; then leftovers+=("(dpkg still knows aerodesk)"); fi
if [[ ${#leftovers[@]} -eq 0 ]]; then
  record "no file from dpkg -L left" PASS "$(wc -l <"$work/installed.txt") paths checked"
else
  printf '%s\n' "${leftovers[@]}" >"$logs/leftovers.txt"
  record "no file from dpkg -L left" FAIL "${#leftovers[@]} left: ${leftovers[*]:0:5} (all in $logs/leftovers.txt)"
fi

begin "root as before the install"
snapshot >"$work/after.txt"
new_paths="$(comm -13 "$work/before.txt" "$work/after.txt")"
gone_paths="$(comm -23 "$work/before.txt" "$work/after.txt")"
if [[ -z "$new_paths" && -z "$gone_paths" ]]; then
  record "root listing as before install" PASS "$(wc -l <"$work/after.txt") paths compared"
else
  { echo "# new after purge:"; echo "$new_paths"; echo "# missing after purge:"; echo "$gone_paths"; } >"$logs/root-diff.txt"
  record "root listing as before install" FAIL \
    "$(grep -c . <<<"$new_paths") new, $(grep -c . <<<"$gone_paths") missing: $(echo "$new_paths" "$gone_paths" | tr '\n' ' ' | cut -c1-150) (see $logs/root-diff.txt)"
fi

[[ $failed == 0 ]]
