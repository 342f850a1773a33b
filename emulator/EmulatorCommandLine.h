#pragma once

#include "emulator/EmulatorOptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// aerodesk-sandbox's command line → EmulatorOptions (QCommandLineParser).
class EmulatorCommandLine
{
public:
    /// Parses the application's arguments. Exits (0 for --help/--version, 2 for bad input)
    /// when there is nothing to run.
    struct Extra
    {
        bool watchStdin = true;
        QString partnerKey; ///< PEM file for the embedded-banking partner key (empty = generate)
        QString providerKey; ///< PEM file for the provider ("Apiture") key (empty = generate)
        QString webhookCa; ///< PEM file of CA certificates trusted for https webhook receivers
        QString certFile; ///< TLS certificate (PEM) instead of a generated one
        QString keyFile; ///< its private key (PEM)
        QStringList faults; ///< --fault kind=N, repeatable
        /// --secret-fd N: write the apiSecret ("<secret>\n") to this inherited descriptor and
        /// close it, and leave it off the start line. -1 = print it on the start line.
        int secretFd = -1;
    };
    static aerodesk::emulator::EmulatorOptions parse(const QCoreApplication &app, Extra *extra);
};
