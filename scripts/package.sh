#!/usr/bin/env bash
# scripts/package.sh — build the Linux packages (DEB and TGZ) into build/packages/ and check the
# desktop integration files they carry. Windows (WiX) and macOS (DragNDrop) configurations live
# in packaging/ and are built on those systems (docs/packaging.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! (exec 9<&0) 2>/dev/null; then exec </dev/null; fi

scripts/install-deps.sh --with-packaging
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"

appid="org.aerodesk.AeroDesk"
desktop-file-validate "build/packaging/$appid.desktop"
appstreamcli validate --no-net "build/packaging/$appid.metainfo.xml"

(cd build && cpack -G "DEB;TGZ")
ls -l build/packages/*.deb build/packages/*.tar.gz
