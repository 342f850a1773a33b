#include "tests/support/TinyDisk.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <unistd.h>

namespace aerodesk::test {

namespace {
// In the new namespaces: the tmpfs, its read-only view, then the command — as the caller's own
// uid/gid again when a user namespace was used ($4 = "uid:gid"), else as it is.
constexpr auto kScript = R"(rw="$1"; ro="$2"; size="$3"; map="$4"; shift 4
mount -t tmpfs -o "size=${size}k,mode=0777" aerodesk-tiny-disk "$rw" || exit 97
mount --bind "$rw" "$ro" && mount -o remount,bind,ro "$ro" || exit 97
if [ -n "$map" ]; then
  exec unshare --user --map-user="${map%:*}" --map-group="${map#*:}" "$@"
fi
exec "$@")";

QString unshareTool()
{
    return QStandardPaths::findExecutable(QStringLiteral("unshare"));
}

QStringList scriptArgs(const QStringList &flags, const QString &rw, const QString &ro, int sizeKiB)
{
    const bool userNamespace = flags.contains(QStringLiteral("--user"));
    return flags +
        QStringList { QStringLiteral("sh"),
                      QStringLiteral("-c"),
                      QString::fromLatin1(kScript),
                      QStringLiteral("tiny-disk"),
                      rw,
                      ro,
                      QString::number(sizeKiB),
                      userNamespace ? QStringLiteral("%1:%2").arg(::getuid()).arg(::getgid())
                                    : QString() };
}
} // namespace

QStringList TinyDisk::namespaceFlags()
{
    // The first of these that works on this machine (probed with `true`).
    static const QStringList flags = [] {
        QList<QStringList> tries = { { QStringLiteral("--user"), QStringLiteral("--map-root-user"),
                                       QStringLiteral("--mount") } };
        if (::geteuid() == 0)
            tries << QStringList { QStringLiteral("--mount") };
        QTemporaryDir probe;
        QDir(probe.path()).mkpath(QStringLiteral("rw"));
        QDir(probe.path()).mkpath(QStringLiteral("ro"));
        for (const QStringList &t : tries) {
            QProcess p;
            p.start(unshareTool(),
                    scriptArgs(t, probe.filePath(QStringLiteral("rw")),
                               probe.filePath(QStringLiteral("ro")), 64) +
                        QStringList { QStringLiteral("true") });
            if (p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit &&
                p.exitCode() == 0)
                return t;
        }
        return QStringList();
    }();
    return flags;
}

QString TinyDisk::unavailableReason()
{
    if (unshareTool().isEmpty())
        return QStringLiteral("`unshare` (util-linux) is not installed");
    if (namespaceFlags().isEmpty())
        return QStringLiteral("this machine allows no private mount namespace (neither "
                              "`unshare --user --map-root-user --mount` nor, as root, "
                              "`unshare --mount` could mount a tmpfs)");
    return {};
}

void TinyDisk::wrap(int sizeKiB, QString *program, QStringList *args, QProcessEnvironment *env)
{
    const QString rw = m_dir.filePath(QStringLiteral("rw"));
    const QString ro = m_dir.filePath(QStringLiteral("ro"));
    QDir(m_dir.path()).mkpath(QStringLiteral("rw"));
    QDir(m_dir.path()).mkpath(QStringLiteral("ro"));
    *args = scriptArgs(namespaceFlags(), rw, ro, sizeKiB) + QStringList { *program } + *args;
    *program = unshareTool();
    env->insert(QStringLiteral("AERODESK_TINY_DISK_RW"), rw);
    env->insert(QStringLiteral("AERODESK_TINY_DISK_RO"), ro);
}

qint64 TinyDisk::fill()
{
    QFile filler(rwPath() + QStringLiteral("/filler"));
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return 0;
    const QByteArray block(4096, 'F');
    qint64 total = 0;
    for (qint64 n = 0; (n = filler.write(block)) > 0;)
        total += n;
    while (filler.write("F", 1) == 1) // not one byte left for anybody
        ++total;
    return total;
}

void TinyDisk::unfill()
{
    QFile::remove(rwPath() + QStringLiteral("/filler"));
}

} // namespace aerodesk::test
