// aerodesk-cli — AeroDesk's scripting interface over the same core as the console.
// See docs/cli.md for commands, JSON output and exit codes.

#include "CliApp.h"
#include "core/util/ProcessHardening.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThreadPool>

#include <cstdio>
#include <openssl/crypto.h>

int main(int argc, char *argv[])
{
    // No OPENSSL_cleanup at exit: it races with threads Qt ends during exit() (ASan saw it free
    // a thread's state twice); the process is ending and the kernel takes its memory back.
    OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
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
    const int status = QCoreApplication::exec();
    // Pool threads end while OpenSSL is still initialised (not during exit()).
    QThreadPool::globalInstance()->waitForDone();
    return status;
}
