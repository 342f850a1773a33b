#include "tests/support/PrivateKeyring.h"

#include "tests/support/Wait.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDir>
#include <QStandardPaths>
#include <QUuid>

namespace aerodesk::test {

namespace {
constexpr auto kSecrets = "org.freedesktop.secrets";
constexpr auto kLogin = "/org/freedesktop/secrets/collection/login";

QDBusConnection connect(const QString &address)
{
    return QDBusConnection::connectToBus(
        address, QStringLiteral("aerodesk-test-keyring-") + QUuid::createUuid().toString());
}

QDBusMessage call(QDBusConnection &bus, const QString &path, const QString &interface,
                  const QString &method, const QVariantList &args)
{
    QDBusMessage m =
        QDBusMessage::createMethodCall(QLatin1String(kSecrets), path, interface, method);
    m.setArguments(args);
    return bus.call(m, QDBus::Block, 5000);
}
} // namespace

PrivateKeyring::~PrivateKeyring()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.kill(); // SIGKILL works on a stopped daemon too
        m_daemon.waitForFinished(5000);
    }
}

QProcessEnvironment PrivateKeyring::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_bus.address());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    env.remove(QStringLiteral("DISPLAY")); // no prompt window can ever appear
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}

bool PrivateKeyring::start(QString *error)
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (daemon.isEmpty()) {
        *error = QStringLiteral("gnome-keyring-daemon not found: run scripts/install-deps.sh");
        return false;
    }
    if (!m_dir.isValid() || !m_bus.start(error))
        return false;
    QDir(m_dir.path()).mkpath(QStringLiteral("runtime"));
    QDir(m_dir.path()).mkpath(QStringLiteral("data"));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_password = QUuid::createUuid().toByteArray(QUuid::Id128);
    m_daemon.setProcessEnvironment(environment());
    m_daemon.setProcessChannelMode(QProcess::MergedChannels);
    m_daemon.start(daemon,
                   { QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                     QStringLiteral("--components=secrets") });
    if (!m_daemon.waitForStarted(5000)) {
        *error = QStringLiteral("gnome-keyring-daemon did not start");
        return false;
    }
    m_daemon.write(m_password);
    m_daemon.closeWriteChannel();
    QDBusConnection bus = connect(m_bus.address());
    const bool up = waitUntil(
        [&] {
            return bus.interface()->isServiceRegistered(QLatin1String(kSecrets)).value() &&
                isLocked(m_bus.address()) == 0;
        },
        15000);
    QDBusConnection::disconnectFromBus(bus.name());
    if (!up)
        *error = QStringLiteral("the private keyring did not come up unlocked: %1")
                     .arg(QString::fromUtf8(m_daemon.readAll()));
    return up;
}

bool PrivateKeyring::lock(const QString &address, QString *error)
{
    QDBusConnection bus = connect(address);
    const QDBusMessage reply =
        call(bus, QStringLiteral("/org/freedesktop/secrets"),
             QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"),
             { QVariant::fromValue(QList<QDBusObjectPath> { QDBusObjectPath(kLogin) }) });
    QDBusConnection::disconnectFromBus(bus.name());
    if (reply.type() == QDBusMessage::ErrorMessage) {
        *error = reply.errorMessage();
        return false;
    }
    return isLocked(address) == 1 || (*error = QStringLiteral("still unlocked"), false);
}

bool PrivateKeyring::unlock(const QString &address, const QByteArray &password, QString *error)
{
    QDBusConnection bus = connect(address);
    const QDBusMessage opened =
        call(bus, QStringLiteral("/org/freedesktop/secrets"),
             QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("OpenSession"),
             { QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString())) });
    if (opened.type() == QDBusMessage::ErrorMessage || opened.arguments().size() < 2) {
        *error = opened.errorMessage();
        QDBusConnection::disconnectFromBus(bus.name());
        return false;
    }
    QDBusArgument secret;
    secret.beginStructure();
    secret << opened.arguments().at(1).value<QDBusObjectPath>() << QByteArray() << password
           << QStringLiteral("text/plain");
    secret.endStructure();
    const QDBusMessage reply =
        call(bus, QStringLiteral("/org/freedesktop/secrets"),
             QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
             QStringLiteral("UnlockWithMasterPassword"),
             { QVariant::fromValue(QDBusObjectPath(kLogin)), QVariant::fromValue(secret) });
    QDBusConnection::disconnectFromBus(bus.name());
    if (reply.type() == QDBusMessage::ErrorMessage) {
        *error = reply.errorMessage();
        return false;
    }
    return isLocked(address) == 0 || (*error = QStringLiteral("still locked"), false);
}

int PrivateKeyring::isLocked(const QString &address)
{
    QDBusConnection bus = connect(address);
    const QDBusMessage reply =
        call(bus, QStringLiteral("/org/freedesktop/secrets/aliases/default"),
             QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"),
             { QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked") });
    QDBusConnection::disconnectFromBus(bus.name());
    if (reply.type() == QDBusMessage::ErrorMessage || reply.arguments().isEmpty())
        return -1;
    return reply.arguments().first().value<QDBusVariant>().variant().toBool() ? 1 : 0;
}

} // namespace aerodesk::test
