#pragma once

#include "core/emulatorhost/EmulatorEndpoint.h"

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace aerodesk::emulatorhost {

/// Starts aerodesk-sandbox as a child process (asynchronously), reads its start line and
/// reports ready(endpoint) or failed(why). The child's stdin is a pipe we hold: if AeroDesk
/// dies, the pipe closes and the sandbox exits by itself. stop() (and the destructor) ends it.
/// The sandbox's apiSecret does not come on the start line (stdout, Qt's buffers): the child
/// gets the write end of a private pipe as fd 3 (`--secret-fd 3`), writes the secret there and
/// closes it; we read it with ::read() straight into a SecureBytes (endpoint().apiSecret).
class EmulatorLauncher : public QObject
{
    Q_OBJECT
public:
    explicit EmulatorLauncher(QString executablePath, QStringList extraArgs = {},
                              QObject *parent = nullptr);
    ~EmulatorLauncher() override;

    /// aerodesk-sandbox next to the running executable, else the one on $PATH.
    static QString defaultExecutablePath();

    void start();
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    const EmulatorEndpoint &endpoint() const { return m_endpoint; }
    void setStartTimeoutMs(int ms) { m_startTimeoutMs = ms; }

Q_SIGNALS:
    void ready(const aerodesk::emulatorhost::EmulatorEndpoint &endpoint);
    void failed(const QString &why);
    void exited(int code);

private:
    void onOutput();
    void fail(const QString &why);
    bool openSecretPipe();
    void closeSecretPipe();
    crypto::SecureBytes readSecret();

    QString m_executable;
    QStringList m_args;
    QProcess m_process;
    QTimer m_startTimer;
    QByteArray m_buffer;
    EmulatorEndpoint m_endpoint;
    int m_secretReadFd = -1;
    int m_secretWriteFd = -1; ///< ours only until the child has been forked
    int m_startTimeoutMs = 20000;
    bool m_ready = false;
    bool m_stopping = false;
};

} // namespace aerodesk::emulatorhost
