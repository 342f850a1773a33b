#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace aerodesk::test {

/// A real, tiny filesystem for store fault tests, without root and without touching the host: a
/// child runs in its own mount namespace (entered through a user namespace,
/// `unshare --user --map-root-user --mount`, then mapped back to the caller's uid so the session
/// bus and the keychain still know it; plain `unshare --mount` for root where user namespaces are
/// refused) in which
///  - AERODESK_TINY_DISK_RW is a tmpfs of `sizeKiB`: the kernel's own ENOSPC when it is full;
///  - AERODESK_TINY_DISK_RO is a read-only bind mount of the same folder: the kernel's own EROFS,
///    for root too (unlike chmod).
/// (A child, because SQLite resolves /proc/<pid>/root paths back into the caller's namespace.)
class TinyDisk
{
public:
    /// Why no private mount is possible here; empty when it is.
    static QString unavailableReason();
    /// Rewrites `program`/`args` to run in such a namespace; `env` gets the two folders.
    void wrap(int sizeKiB, QString *program, QStringList *args, QProcessEnvironment *env);

    /// In the child: the folders (empty outside one).
    static QString rwPath() { return qEnvironmentVariable("AERODESK_TINY_DISK_RW"); }
    static QString roPath() { return qEnvironmentVariable("AERODESK_TINY_DISK_RO"); }
    /// Fills every free byte of the tiny disk with a file of its own; the bytes it took.
    static qint64 fill();
    /// Removes what fill() wrote.
    static void unfill();

private:
    static QStringList namespaceFlags();
    QTemporaryDir m_dir;
};

} // namespace aerodesk::test
