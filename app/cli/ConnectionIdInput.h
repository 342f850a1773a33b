#pragma once

#include "CliCommand.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace aerodesk::cli {

struct CliContext;

/// The connection id of `accounts` and `job`, never from argv: a bare id on the command line is
/// visible to every local user in /proc/<pid>/cmdline and stays in shell history, so it is
/// refused (exit 2, saying how to pass it). The id comes from `--ids-file FILE` or, with
/// `--ids-file -`, from standard input: one id on the first non-empty line (surrounding
/// whitespace ignored). Failures are printed (one JSON document) and end the run.
class ConnectionIdInput
{
public:
    static void addOptions(QCommandLineParser &parser);
    /// `positional` is how many positional arguments the command has besides an id. Returns the
    /// normalised id; nullopt after printing the error and finishing (2 usage, 3 bad input).
    static std::optional<QString> read(CliContext &ctx, int positional,
                                       const CliCommand::Finish &finish);
    /// The sentence that tells how to pass an id (for usage errors and --help).
    static QString howToPass();
};

} // namespace aerodesk::cli
