#include "tests/support/BareSessionBus.h"

#include "tests/support/Wait.h"

#include <QFile>
#include <QStandardPaths>

namespace aerodesk::test {

BareSessionBus::~BareSessionBus()
{
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        if (!m_bus.waitForFinished(5000))
            m_bus.kill();
    }
}

bool BareSessionBus::start(QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        return fail(QStringLiteral("dbus-daemon not found: run scripts/install-deps.sh"));
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary directory for the bus"));
    QFile config(m_dir.filePath(QStringLiteral("bus.conf")));
    if (!config.open(QIODevice::WriteOnly))
        return fail(config.errorString());
    config.write(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig><type>session</type><listen>unix:dir=" +
        m_dir.path().toUtf8() +
        "</listen><auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\" "
        "eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow receive_sender=\"*\"/>"
        "<allow own=\"*\"/></policy></busconfig>\n");
    config.close();
    m_bus.start(daemon,
                { QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                  QStringLiteral("--nopidfile"), QStringLiteral("--print-address=1") });
    if (!m_bus.waitForStarted(5000))
        return fail(QStringLiteral("dbus-daemon did not start: %1").arg(m_bus.errorString()));
    if (!waitUntil([this] { return m_bus.canReadLine(); }, 10000))
        return fail(QStringLiteral("dbus-daemon printed no address"));
    m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
    return !m_address.isEmpty() || fail(QStringLiteral("dbus-daemon printed an empty address"));
}

} // namespace aerodesk::test
