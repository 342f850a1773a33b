#!/usr/bin/env bash
# install-deps.sh — the Debian 12 (bookworm) packages AeroDesk needs to build, run and test.
#
# Non-interactive and idempotent: when every package is already installed it returns at once
# without touching apt. Needs root (or password-less sudo). Called by scripts/run.sh and
# scripts/test.sh; safe to run by hand.
#
# Usage: scripts/install-deps.sh [--runtime-only] [--with-packaging] [--with-fuzz]
set -euo pipefail

BUILD_PKGS=(
  cmake g++ make pkg-config
  qt6-base-dev            # Qt Core/Gui/Widgets/Network/Sql/Test + moc/uic/rcc
  libqt6sql6-sqlite       # QSQLITE driver (only a Recommends of libqt6sql6)
  libqt6sql6-psql         # QPSQL driver, loaded at run time for a team store on PostgreSQL (docs/team.md)
  qt6-httpserver-dev      # Qt HTTP Server: the offline sandbox's HTTPS server
  qt6-websockets-dev      # Qt6HttpServer's CMake package requires Qt6WebSockets (Debian packaging gap)
  qt6-svg-dev             # QSvgRenderer + the SVG icon engine (sharp icons on HiDPI)
  qtkeychain-qt6-dev      # QtKeychain: Secret Service / Keychain / Credential Manager
  qt6-tools-dev           # Qt6::LinguistTools (CMake): the aerodesk_lupdate target, .qm built into the console
  qt6-l10n-tools          # lupdate/lrelease themselves (qt6-tools-dev does not pull them in)
  libsecret-1-0           # QtKeychain dlopen()s libsecret; not a declared dependency
  libssl-dev openssl      # OpenSSL 3 (EVP) and its CLI, an independent peer in tests
  libzip-dev              # libzip: the escalation bundle's ZIP (core/bundle); runtime libzip4
  libgtest-dev libgmock-dev libbenchmark-dev
  libxcb1-dev             # bench/StartupProbe.cpp: waits for the first MapNotify (scripts/bench.sh)
)
TEST_PKGS=(
  xvfb xauth              # an X server in memory for GUI tests
  dbus dbus-x11           # private session bus (dbus-x11 avoids pulling systemd)
  gnome-keyring           # a real Secret Service provider
  libsecret-tools         # secret-tool, to check the keyring from tests
  fonts-dejavu-core       # a font, so widgets render text headless
  nodejs                  # Node's crypto: independent RSA-OAEP peer in tests
  clang-format            # scripts/check-format.sh: the tree must match .clang-format
  unzip                   # an independent ZIP reader for the escalation bundle tests
  postgresql-15           # server binaries only (initdb, pg_ctl, postgres): tests/support/PgServer
                          # starts a throwaway server per test binary; never a service we rely on
)
FUZZ_PKGS=(
  clang                   # scripts/fuzz.sh: the fuzz build (clang++ with libFuzzer)
  libclang-rt-14-dev      # libFuzzer and the sanitizer runtimes for clang 14
  lld                     # the clang builds (sanitized, fuzz) link with -fuse-ld=lld: ~6x faster
)
PACKAGING_PKGS=(
  appstream               # appstreamcli validate
  desktop-file-utils      # desktop-file-validate
  dpkg-dev file           # dpkg-shlibdeps for CPack's computed dependencies
)

PKGS=("${BUILD_PKGS[@]}" "${TEST_PKGS[@]}")
for arg in "$@"; do
  case "$arg" in
    --runtime-only) PKGS=("${BUILD_PKGS[@]}") ;;
    --with-packaging) PKGS+=("${PACKAGING_PKGS[@]}") ;;
    --with-fuzz) PKGS+=("${FUZZ_PKGS[@]}") ;;
    *) echo "usage: $0 [--runtime-only] [--with-packaging] [--with-fuzz]" >&2; exit 2 ;;
  esac
done

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then SUDO=(sudo -n); fi

missing=()
for p in "${PKGS[@]}"; do
  # nodejs may come from another repository with a different package state; a working
  # `node` is what the tests need.
  if [[ "$p" == nodejs ]] && command -v node >/dev/null 2>&1; then continue; fi
  if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" != "installed" ]]; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-y -q -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 --no-install-recommends)
"${SUDO[@]}" apt-get update -q -o DPkg::Lock::Timeout=300 </dev/null
"${SUDO[@]}" apt-get install "${APT_OPTS[@]}" "${missing[@]}" </dev/null
echo "install-deps: done"
