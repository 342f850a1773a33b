#include "tests/support/TestPaths.h"

#include <QDir>
#include <QFileInfo>

namespace aerodesk::test {

QString buildDir()
{
    return qEnvironmentVariable("AERODESK_BUILD_DIR");
}

QString sourceDir()
{
    return qEnvironmentVariable("AERODESK_SOURCE_DIR");
}

QString executable(const QString &name)
{
    const QString path = QDir(buildDir()).filePath(QStringLiteral("bin/") + name);
    return QFileInfo(path).absoluteFilePath();
}

} // namespace aerodesk::test
