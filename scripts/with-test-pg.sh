#!/usr/bin/env bash
# with-test-pg.sh <build dir> CMD [ARGS...]
#
# Runs CMD with one PostgreSQL cluster for the whole run (docs/team.md, "The test server"):
# <build dir>/bin/aerodesk_test_pgcluster starts it (tests/support/PgServer: initdb, a throwaway
# certificate, postgres as an unprivileged user when run as root), and AERODESK_TEST_PG names its
# description file, so every test process attaches to it (sharedPgServer()) instead of starting
# a cluster of its own. Closing the cluster's stdin when CMD ends (or this script dies) stops it
# and removes its directory. Exit status: CMD's. Without this wrapper each test process that
# needs PostgreSQL starts its own, as before.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 <build dir> CMD [ARGS...]" >&2
  exit 2
fi
exe="$1/bin/aerodesk_test_pgcluster"
shift
[[ -x "$exe" ]] || { echo "with-test-pg: $exe not built" >&2; exit 1; }

coproc PGCLUSTER { exec "$exe"; }
pg_pid=$PGCLUSTER_PID
pg_in=${PGCLUSTER[1]}
# shellcheck disable=SC2317  # called via trap
stop_cluster() {
  [[ -n "$pg_pid" ]] || return 0
  exec {pg_in}>&- 2>/dev/null || true # stdin closed: it stops the server and cleans up
  kill -TERM "$pg_pid" 2>/dev/null || true
  wait "$pg_pid" 2>/dev/null || true
  pg_pid=
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

description=
read -r -t 120 description <&"${PGCLUSTER[0]}" || true
if [[ -z "$description" || ! -f "$description" ]]; then
  echo "with-test-pg: the test cluster did not start" >&2
  exit 1
fi
echo "with-test-pg: one PostgreSQL cluster for this run ($description)"

set +e
AERODESK_TEST_PG="$description" "$@"
status=$?
set -e
exit "$status"
