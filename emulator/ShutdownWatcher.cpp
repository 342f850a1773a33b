#include "ShutdownWatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
int g_pipe[2] = { -1, -1 };
}

void ShutdownWatcher::onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_pipe[1], &c, 1);
}

ShutdownWatcher::ShutdownWatcher(bool watchStdin, QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) == 0) {
        m_signals = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
        connect(m_signals, &QSocketNotifier::activated, this, [] { QCoreApplication::quit(); });
        struct sigaction sa = {};
        sa.sa_handler = &ShutdownWatcher::onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGTERM, &sa, nullptr);
        sigaction(SIGINT, &sa, nullptr);
    }
    struct stat st = {};
    if (watchStdin && ::fstat(STDIN_FILENO, &st) == 0 && S_ISFIFO(st.st_mode)) {
        m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_stdin, &QSocketNotifier::activated, this, [this] {
            char buf[256];
            const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
            if (n <= 0) { // EOF or error: the parent has gone
                m_stdin->setEnabled(false);
                QCoreApplication::quit();
            }
        });
    }
}
