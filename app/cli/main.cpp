// aerodesk-cli — AeroDesk's scripting interface over the same core as the console.
// See docs/cli.md for commands, JSON output and exit codes.

#include "CliApp.h"
#include "core/util/ProcessHardening.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    aerodesk::ProcessHardening::disableCoreDumps();
    QCoreApplication app(argc, argv);
    // The console's identity, so settings (webhook rotation times) and the store are shared.
    QCoreApplication::setOrganizationName(QStringLiteral("AeroDesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("aerodesk.example.org"));
    QCoreApplication::setApplicationName(QStringLiteral("aerodesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AERODESK_VERSION));

    // Core logs go to stderr only, named by category; warnings and worse unless
    // QT_LOGGING_RULES asks for more (e.g. "aerodesk.*.debug=true").
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("aerodesk.*.info=false"));

    if (!aerodesk::ProcessHardening::applied())
        std::fprintf(stderr, "aerodesk-cli: warning: %s\n",
                     qPrintable(aerodesk::ProcessHardening::warning()));

    aerodesk::cli::CliApp cli;
    const int early = cli.start(QCoreApplication::arguments());
    if (early >= 0)
        return early;
    return QCoreApplication::exec();
}
