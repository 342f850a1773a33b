#pragma once

#include <QObject>

class QSocketNotifier;

/// Quits the application on SIGTERM/SIGINT (self-pipe, so the handler does no Qt work) and,
/// when standard input is a pipe, when that pipe closes: a parent that dies never leaves the
/// sandbox running.
class ShutdownWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownWatcher(bool watchStdin, QObject *parent = nullptr);

private:
    static void onSignal(int);
    QSocketNotifier *m_signals = nullptr;
    QSocketNotifier *m_stdin = nullptr;
};
