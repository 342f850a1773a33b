#include "ConnectionIdInput.h"

#include "CliContext.h"
#include "CliExit.h"
#include "CliInput.h"
#include "core/connections/ConnectionId.h"

namespace aerodesk::cli {

namespace {
constexpr auto kIdsFile = "ids-file";
}

void ConnectionIdInput::addOptions(QCommandLineParser &p)
{
    p.addOption({ QString::fromLatin1(kIdsFile),
                  QStringLiteral("Read the connection id from this file (\"-\": standard input); "
                                 "ids are never taken from the command line."),
                  QStringLiteral("path") });
}

QString ConnectionIdInput::howToPass()
{
    return QStringLiteral("pass it with --ids-file FILE, or --ids-file - and the id on standard "
                          "input (e.g. aerodesk-cli accounts --ids-file - < id.txt)");
}

std::optional<QString> ConnectionIdInput::read(CliContext &ctx, int positional,
                                               const CliCommand::Finish &finish)
{
    if (ctx.args.size() > positional) {
        // The id is already in this process's argv and the shell's history: never echo it.
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Connection ids are not accepted on the command line, where "
                                     "other local users (/proc/<pid>/cmdline) and the shell "
                                     "history see them: %1.")
                          .arg(howToPass()));
        finish(Usage);
        return std::nullopt;
    }
    if (!ctx.options->isSet(QString::fromLatin1(kIdsFile))) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Which connection? %1.").arg(howToPass()));
        finish(Usage);
        return std::nullopt;
    }
    auto in = CliInput::read(ctx.options->value(QString::fromLatin1(kIdsFile)), 64 << 10);
    if (!in) {
        ctx.out.error(QStringLiteral("input"), in.error());
        finish(BadInput);
        return std::nullopt;
    }
    QStringList lines;
    for (const QByteArray &line : in.value().split('\n'))
        if (!line.trimmed().isEmpty())
            lines << QString::fromUtf8(line.trimmed());
    if (lines.size() != 1) {
        ctx.out.error(QStringLiteral("input"),
                      lines.isEmpty()
                          ? QStringLiteral("No connection id was given: the input is empty.")
                          : QStringLiteral("The input holds %1 lines; this command takes one "
                                           "connection id.")
                                .arg(lines.size()));
        finish(BadInput);
        return std::nullopt;
    }
    auto id = connections::ConnectionId::validate(lines.first());
    if (!id) {
        ctx.out.error(QStringLiteral("input"), id.error().message);
        finish(BadInput);
        return std::nullopt;
    }
    return id.value();
}

} // namespace aerodesk::cli
