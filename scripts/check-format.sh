#!/usr/bin/env bash
# scripts/check-format.sh — fail when a C++ file differs from what clang-format (the repo's
# .clang-format) makes of it. `scripts/check-format.sh --fix` rewrites the files in place.
#
# Called by scripts/test.sh before it builds. Checks every tracked .cpp/.h file (or the files
# named on the command line).
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
if [[ "${1:-}" == --fix ]]; then fix=1; shift; fi
CLANG_FORMAT="${CLANG_FORMAT:-clang-format}"
if ! command -v "$CLANG_FORMAT" >/dev/null 2>&1; then
  echo "check-format: $CLANG_FORMAT is missing (scripts/install-deps.sh installs it)" >&2
  exit 2
fi

if [[ $# -gt 0 ]]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
fi

if [[ $fix -eq 1 ]]; then
  printf '%s\0' "${files[@]}" | xargs -0 -r -n 50 "$CLANG_FORMAT" -i
  echo "check-format: formatted ${#files[@]} files"
  exit 0
fi

# Many files per clang-format process, one process per core: one process per file took about
# a minute for the tree. With --dry-run --Werror each file that differs is named in an
# "<file>:<line>:<col>: error: code should be clang-formatted" line on stderr.
set +e
report="$(printf '%s\0' "${files[@]}" |
  xargs -0 -r -n 64 -P "$(nproc)" "$CLANG_FORMAT" --dry-run --Werror 2>&1 >/dev/null)"
status=$?
set -e
mapfile -t bad < <(sed -nE 's/^(.+):[0-9]+:[0-9]+: error: code should be clang-formatted.*/\1/p' \
  <<<"$report" | sort -u)
if [[ $status -ne 0 && ${#bad[@]} -eq 0 ]]; then
  echo "check-format: $CLANG_FORMAT failed:" >&2
  echo "$report" | head -20 >&2
  exit 2
fi
if [[ ${#bad[@]} -gt 0 ]]; then
  echo "check-format: ${#bad[@]} file(s) differ from .clang-format:" >&2
  printf '  %s\n' "${bad[@]:0:20}" >&2
  [[ ${#bad[@]} -gt 20 ]] && echo "  ... and $(( ${#bad[@]} - 20 )) more" >&2
  echo "Fix them all with: scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files clean"
