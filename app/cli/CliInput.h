#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QString>

namespace aerodesk::cli {

/// Reads a whole input: a file, or standard input for "-". Capped (default 16 MiB) so a wrong
/// file cannot exhaust memory. The error is one sentence naming the file.
class CliInput
{
public:
    static Result<QByteArray, QString> read(const QString &pathOrDash, qint64 maxBytes = 16 << 20);
};

} // namespace aerodesk::cli
