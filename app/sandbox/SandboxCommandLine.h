#pragma once

#include "core/sandbox/SandboxOptions.h"

#include <QCoreApplication>
#include <QString>

/// aerodesk-sandbox's command line → SandboxOptions (QCommandLineParser).
class SandboxCommandLine
{
public:
    /// Parses the application's arguments. Exits (0 for --help/--version, 2 for bad input)
    /// when there is nothing to run.
    static aerodesk::sandbox::SandboxOptions parse(const QCoreApplication &app, bool *watchStdin);
};
