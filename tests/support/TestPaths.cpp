#include "tests/support/TestPaths.h"

#include <QDir>
#include <QFileInfo>

namespace aerodesk::test {

// The trees are compiled in (tests/support/CMakeLists.txt); the environment may override them,
// e.g. to run an installed build's tests.
QString buildDir()
{
    const QString env = qEnvironmentVariable("AERODESK_BUILD_DIR");
    return env.isEmpty() ? QStringLiteral(AERODESK_TEST_BUILD_DIR) : env;
}

QString sourceDir()
{
    const QString env = qEnvironmentVariable("AERODESK_SOURCE_DIR");
    return env.isEmpty() ? QStringLiteral(AERODESK_TEST_SOURCE_DIR) : env;
}

QString executable(const QString &name)
{
    const QString path = QDir(buildDir()).filePath(QStringLiteral("bin/") + name);
    return QFileInfo(path).absoluteFilePath();
}

} // namespace aerodesk::test
