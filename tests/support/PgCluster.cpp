// aerodesk_test_pgcluster: the run-wide PostgreSQL of scripts/with-test-pg.sh (docs/team.md,
// "The test server"). Starts a PgServer (max_connections 200: ctest -j2, tests with peer
// processes), writes its description file (PgServer::writeDescription(), mode 0600, in the
// cluster's directory), prints that file's path as the first line of stdout, and keeps the
// cluster up until stdin is closed or SIGTERM/SIGINT arrives. Then it stops the server and
// removes the directory. Test processes attach with AERODESK_TEST_PG=<that path>.
#include "tests/support/PgServer.h"

#include <QCoreApplication>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {
volatile std::sig_atomic_t g_stop = 0;

void onSignal(int)
{
    g_stop = 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    aerodesk::test::PgServer server;
    server.setMaxConnections(200);
    if (!server.start()) {
        std::fprintf(stderr, "aerodesk_test_pgcluster: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    const QString description = server.writeDescription();
    if (description.isEmpty()) {
        std::fprintf(stderr, "aerodesk_test_pgcluster: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    // No SA_RESTART: a signal interrupts the read() below.
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::printf("%s\n", qPrintable(description));
    std::fflush(stdout);
    char buf[256];
    while (!g_stop) {
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n == 0 || (n < 0 && errno != EINTR))
            break; // stdin closed: the wrapper is gone
    }
    server.stop();
    return 0;
}
