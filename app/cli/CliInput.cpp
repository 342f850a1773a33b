#include "CliInput.h"

#include <QFile>

#include <cstdio>

namespace aerodesk::cli {

Result<QByteArray, QString> CliInput::read(const QString &pathOrDash, qint64 maxBytes)
{
    QFile f;
    const bool stdinInput = pathOrDash == QLatin1String("-");
    const bool opened = stdinInput ? f.open(stdin, QIODevice::ReadOnly)
                                   : (f.setFileName(pathOrDash), f.open(QIODevice::ReadOnly));
    const QString what = stdinInput ? QStringLiteral("standard input") : pathOrDash;
    if (!opened)
        return QStringLiteral("Cannot read %1: %2").arg(what, f.errorString());
    QByteArray data = f.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return QStringLiteral("%1 is larger than %2 MiB.").arg(what).arg(maxBytes >> 20);
    return data;
}

} // namespace aerodesk::cli
