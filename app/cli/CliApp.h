#pragma once

#include "CliCommand.h"
#include "CliContext.h"
#include "CliEnvironment.h"

#include <QCommandLineParser>
#include <QObject>

#include <memory>
#include <vector>

namespace aerodesk::cli {

/// aerodesk-cli: `aerodesk-cli [environment options] <command> [command options] [args]`.
/// Parses the global options, then the command's own, prepares the environment (starting the
/// bundled sandbox only for commands that call the API), runs the command and quits the event
/// loop with its exit code.
class CliApp : public QObject
{
    Q_OBJECT
public:
    CliApp();
    ~CliApp() override;
    /// Returns an exit code when the run ended during parsing (help, version, usage error);
    /// otherwise -1, and the run goes on in the event loop until QCoreApplication::exit(code).
    int start(const QStringList &arguments);

private:
    CliCommand *find(const QString &name) const;
    QString usage() const;
    void finish(int code);

    std::vector<std::unique_ptr<CliCommand>> m_commands;
    QCommandLineParser m_global;
    QCommandLineParser m_command;
    CliContext m_ctx;
    std::unique_ptr<CliEnvironment> m_environment;
    bool m_finished = false;
};

} // namespace aerodesk::cli
