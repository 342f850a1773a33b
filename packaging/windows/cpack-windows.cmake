# Windows installer configuration (WiX MSI). Not built on the Debian machines this project is
# developed and tested on; documented in docs/packaging.md. Build on Windows with
# `cpack -G WIX` after `windeployqt` has copied the Qt runtime into the install tree.
set(CPACK_GENERATOR "WIX;ZIP")
# Fixed forever: lets a newer MSI replace an older installation instead of installing beside it.
set(CPACK_WIX_UPGRADE_GUID "6A0F3C52-9C1E-4B7D-8E0A-2F4D5B7C9E13")
set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/aerodesk.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "AeroDesk")
set(CPACK_WIX_LICENSE_RTF "${PROJECT_SOURCE_DIR}/packaging/windows/license.rtf")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "AeroDesk")
