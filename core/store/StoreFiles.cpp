#include "core/store/StoreFiles.h"

#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <cerrno>
#include <cstring>

namespace aerodesk::store {

bool StoreFiles::makePrivateDirectory(const QString &dir, bool tighten)
{
    const bool existed = QFileInfo(dir).isDir();
    if (!existed && !QDir().mkpath(dir))
        return false;
#ifdef Q_OS_UNIX
    if (!existed || tighten)
        return ::chmod(QFile::encodeName(dir).constData(), 0700) == 0;
#endif
    return true;
}

namespace {
StoreError readOnlyStore(const QString &path, int error)
{
    return StoreError::make(
        StoreError::Kind::OpenFailed,
        QCoreApplication::translate("aerodesk::store::StoreFiles",
                                    "The store at %1 is read-only (%2): AeroDesk could not keep "
                                    "anything in it, so it was not opened and nothing was "
                                    "changed. Make its disk and folder writable, then start "
                                    "AeroDesk again.")
            .arg(path, QString::fromLocal8Bit(std::strerror(error))));
}
} // namespace

Status<StoreError> StoreFiles::checkWritable(const QString &path)
{
#ifdef Q_OS_UNIX
    // access() answers for the real uid and, for root too, reports a read-only mount (EROFS).
    for (const QString &target : { path, QFileInfo(path).absolutePath() }) {
        if (::access(QFile::encodeName(target).constData(), W_OK) != 0 &&
            (errno == EROFS || errno == EACCES || errno == EPERM))
            return readOnlyStore(path, errno);
    }
#else
    Q_UNUSED(path);
#endif
    return {};
}

Status<StoreError> StoreFiles::preparePrivate(const QString &path)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!makePrivateDirectory(dir))
        return StoreError::make(StoreError::Kind::OpenFailed,
                                QStringLiteral("Cannot create the store's folder %1.").arg(dir));
#ifdef Q_OS_UNIX
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && (errno == EROFS || errno == EACCES))
        return readOnlyStore(path, errno);
    if (fd < 0)
        return StoreError::make(StoreError::Kind::OpenFailed,
                                QStringLiteral("Cannot create the store at %1: %2")
                                    .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    const bool tight = ::fchmod(fd, 0600) == 0;
    ::close(fd);
    if (!tight)
        return StoreError::make(
            StoreError::Kind::OpenFailed,
            QStringLiteral("Cannot make the store at %1 private to its user.").arg(path));
    for (const char *suffix : { "-wal", "-shm" }) {
        const QByteArray side = name + suffix;
        if (::chmod(side.constData(), 0600) != 0 && errno != ENOENT)
            qCWarning(aerodesk::log::store).noquote()
                << "cannot make" << QFile::decodeName(side) << "private:" << std::strerror(errno);
    }
#endif
    return {};
}

} // namespace aerodesk::store
