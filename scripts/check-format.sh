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

bad=()
for f in "${files[@]}"; do
  if ! "$CLANG_FORMAT" --dry-run --Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done
if [[ ${#bad[@]} -gt 0 ]]; then
  echo "check-format: ${#bad[@]} file(s) differ from .clang-format:" >&2
  printf '  %s\n' "${bad[@]:0:20}" >&2
  [[ ${#bad[@]} -gt 20 ]] && echo "  ... and $(( ${#bad[@]} - 20 )) more" >&2
  echo "Fix them all with: scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files clean"
