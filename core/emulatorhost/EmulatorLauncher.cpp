#include "core/emulatorhost/EmulatorLauncher.h"

#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

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
    m_process.start(m_executable, m_args, QIODevice::ReadWrite); // stdin stays an open pipe
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
    auto endpoint = EmulatorEndpoint::fromStartLine(QByteArrayView(m_buffer).first(newline));
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
    qCWarning(aerodesk::log::sandboxhost).noquote() << "aerodesk-sandbox did not start:" << why;
    Q_EMIT failed(why);
}

} // namespace aerodesk::emulatorhost
