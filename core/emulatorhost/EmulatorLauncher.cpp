#include "core/emulatorhost/EmulatorLauncher.h"

#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace aerodesk::emulatorhost {

EmulatorLauncher::EmulatorLauncher(QString executablePath, QStringList extraArgs, QObject *parent)
    : QObject(parent)
    , m_executable(std::move(executablePath))
    , m_args(std::move(extraArgs))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &EmulatorLauncher::onOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(QStringLiteral("cannot start the sandbox (%1): %2")
                     .arg(m_executable, m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        qCInfo(aerodesk::log::sandboxhost).noquote()
            << QStringLiteral("aerodesk-sandbox (pid %1) exited with code %2%3%4")
                   .arg(m_endpoint.pid)
                   .arg(code)
                   .arg(status == QProcess::CrashExit ? QStringLiteral(", crashed") : QString(),
                        m_stopping ? QStringLiteral(", after stop()") : QString());
        if (!m_ready && !m_stopping) {
            const QString err = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
            fail(QStringLiteral("the sandbox exited (code %1) before it was ready%2")
                     .arg(code)
                     .arg(err.isEmpty() ? QString() : QStringLiteral(": ") + err));
        }
        Q_EMIT exited(code);
    });
    m_startTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("the sandbox did not report ready within %1 s")
                 .arg(m_startTimeoutMs / 1000));
        stop();
    });
}

EmulatorLauncher::~EmulatorLauncher()
{
    stop();
    closeSecretPipe();
}

namespace {
constexpr int kChildSecretFd = 3;
constexpr std::size_t kMaxSecret = 4096;
} // namespace

bool EmulatorLauncher::openSecretPipe()
{
    closeSecretPipe();
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    m_secretReadFd = fds[0];
    m_secretWriteFd = fds[1];
    const int writeEnd = m_secretWriteFd;
    m_process.setChildProcessModifier([writeEnd] {
        // In the child, between fork and exec: only async-signal-safe calls.
        if (writeEnd == kChildSecretFd)
            ::fcntl(kChildSecretFd, F_SETFD, 0);
        else
            ::dup2(writeEnd, kChildSecretFd); // the copy has no FD_CLOEXEC
    });
    return true;
}

void EmulatorLauncher::closeSecretPipe()
{
    if (m_secretReadFd >= 0)
        ::close(m_secretReadFd);
    if (m_secretWriteFd >= 0)
        ::close(m_secretWriteFd);
    m_secretReadFd = m_secretWriteFd = -1;
}

crypto::SecureBytes EmulatorLauncher::readSecret()
{
    // The sandbox writes "<secret>\n" and closes the pipe before it prints its start line, so
    // by now it is all there: read without blocking up to end of file.
    crypto::SecureBytes buffer(kMaxSecret + 1);
    std::size_t used = 0;
    if (m_secretReadFd >= 0 && ::fcntl(m_secretReadFd, F_SETFL, O_NONBLOCK) == 0) {
        while (used < buffer.size()) {
            const ssize_t n = ::read(m_secretReadFd, buffer.data() + used, buffer.size() - used);
            if (n > 0)
                used += std::size_t(n);
            else if (n < 0 && errno == EINTR)
                continue;
            else
                break; // 0 = end of file; EAGAIN = the sandbox did not close it: incomplete
        }
    }
    closeSecretPipe();
    if (used == 0 || used > kMaxSecret || buffer.data()[used - 1] != '\n')
        return {};
    return crypto::SecureBytes(buffer.data(), used - 1); // `buffer` is wiped on return
}

QString EmulatorLauncher::defaultExecutablePath()
{
    const QString sibling =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("aerodesk-sandbox"));
    if (QFileInfo(sibling).isExecutable())
        return sibling;
    return QStandardPaths::findExecutable(QStringLiteral("aerodesk-sandbox"));
}

void EmulatorLauncher::start()
{
    m_ready = false;
    m_stopping = false;
    m_buffer.clear();
    if (m_executable.isEmpty() || !QFileInfo(m_executable).isExecutable()) {
        // Report asynchronously, like every other outcome.
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(QStringLiteral(
                         "aerodesk-sandbox was not found (looked for '%1'); reinstall AeroDesk "
                         "or build the aerodesk-sandbox target")
                         .arg(m_executable));
            },
            Qt::QueuedConnection);
        return;
    }
    m_startTimer.start(m_startTimeoutMs);
    QStringList shown = m_args; // credentials given on the command line are not logged
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown[i].startsWith(QLatin1String("--api-")) && shown[i].contains(QLatin1Char('=')))
            shown[i] = shown[i].section(QLatin1Char('='), 0, 0) + QStringLiteral("=•••");
        else if ((shown[i] == QLatin1String("--api-key") ||
                  shown[i] == QLatin1String("--api-secret")) &&
                 i + 1 < shown.size())
            shown[++i] = QStringLiteral("•••");
    }
    qCInfo(aerodesk::log::sandboxhost).noquote()
        << "starting" << m_executable << shown.join(QLatin1Char(' '));
    if (!openSecretPipe()) {
        QMetaObject::invokeMethod(
            this,
            [this] { fail(QStringLiteral("cannot create a pipe for the sandbox's credentials")); },
            Qt::QueuedConnection);
        return;
    }
    // A descriptor number, not a secret: safe on the command line.
    const QStringList args =
        m_args + QStringList { QStringLiteral("--secret-fd"), QString::number(kChildSecretFd) };
    m_process.start(m_executable, args, QIODevice::ReadWrite); // stdin stays an open pipe
    ::close(m_secretWriteFd); // the child has its copy; EOF comes when the child closes it
    m_secretWriteFd = -1;
}

void EmulatorLauncher::stop()
{
    m_startTimer.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    qCInfo(aerodesk::log::sandboxhost).noquote()
        << QStringLiteral("stopping aerodesk-sandbox (pid %1)").arg(m_process.processId());
    m_process.closeWriteChannel(); // the sandbox exits when its stdin closes
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        qCWarning(aerodesk::log::sandboxhost)
            << "aerodesk-sandbox did not stop within 3 s: killing it";
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void EmulatorLauncher::onOutput()
{
    if (m_ready) {
        m_process.readAllStandardOutput(); // the sandbox prints only its start line
        return;
    }
    m_buffer.append(m_process.readAllStandardOutput());
    const qsizetype newline = m_buffer.indexOf('\n');
    if (newline < 0) {
        if (m_buffer.size() > 64 * 1024)
            fail(QStringLiteral("the sandbox printed no start line"));
        return;
    }
    auto endpoint =
        EmulatorEndpoint::fromStartLine(QByteArrayView(m_buffer).first(newline), readSecret());
    m_buffer.clear();
    if (!endpoint.ok()) {
        fail(endpoint.error());
        stop();
        return;
    }
    m_startTimer.stop();
    m_endpoint = *endpoint;
    m_ready = true;
    // Where it listens and its pin's start; never its credentials.
    qCInfo(aerodesk::log::sandboxhost).noquote()
        << "aerodesk-sandbox ready: pid" << m_endpoint.pid << "on"
        << m_endpoint.baseUrl.host() + QLatin1Char(':') + QString::number(m_endpoint.baseUrl.port())
        << "certificate"
        << QString::fromLatin1(m_endpoint.certSha256Hex.left(12)) + QStringLiteral("…");
    Q_EMIT ready(m_endpoint);
}

void EmulatorLauncher::fail(const QString &why)
{
    if (m_ready)
        return;
    m_startTimer.stop();
    m_ready = false;
    closeSecretPipe();
    qCWarning(aerodesk::log::sandboxhost).noquote() << "aerodesk-sandbox did not start:" << why;
    Q_EMIT failed(why);
}

} // namespace aerodesk::emulatorhost
