#pragma once

#include <QString>

namespace aerodesk::test {

/// The build tree (for executables such as aerodesk-sandbox) and the source tree (for
/// tests/data and the interop scripts), from the environment ctest sets.
QString buildDir();
QString sourceDir();
/// Path of a built executable in the build tree, e.g. executable("aerodesk-sandbox").
QString executable(const QString &name);

} // namespace aerodesk::test
