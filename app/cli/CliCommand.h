#pragma once

#include <QCommandLineParser>
#include <QString>

#include <functional>

namespace aerodesk::cli {

struct CliContext;

/// One aerodesk-cli sub-command. run() finishes by calling `finish(exitCode)` exactly once,
/// possibly later from the event loop; it prints its one JSON document before that.
class CliCommand
{
public:
    using Finish = std::function<void(int exitCode)>;
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0; ///< one line for --help
    virtual QString arguments() const { return {}; } ///< positional syntax for --help
    virtual void addOptions(QCommandLineParser &) { }
    virtual bool needsApi() const { return false; }
    virtual void run(CliContext &ctx, Finish finish) = 0;
};

} // namespace aerodesk::cli
