# macOS disk image configuration (DragNDrop). Not built on the Debian machines this project is
# developed and tested on; documented in docs/packaging.md. Build on macOS with
# `cpack -G DragNDrop` after `macdeployqt` has bundled the Qt frameworks.
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "AeroDesk")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_BUNDLE_NAME "AeroDesk")
set(CPACK_BUNDLE_IDENTIFIER "${AERODESK_APP_ID}")
set(CPACK_BUNDLE_PLIST "${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist")
set(CPACK_BUNDLE_ICON "${PROJECT_SOURCE_DIR}/packaging/macos/AeroDesk.icns")
