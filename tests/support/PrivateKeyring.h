#pragma once

#include "tests/support/BareSessionBus.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace aerodesk::test {

/// A Secret Service of a test's own: a private session bus (BareSessionBus) with its own
/// gnome-keyring-daemon serving a fresh "login" keyring, created unlocked with a known password —
/// so a test can lock it, stop it or kill it without touching the keyring that run-headless.sh
/// gives every other test. A child process pointed at environment() uses it as its keychain
/// (GLib and QtDBus connect to the session bus once per process, hence a child).
/// Stopped when destroyed.
class PrivateKeyring
{
public:
    PrivateKeyring() = default;
    ~PrivateKeyring();
    PrivateKeyring(const PrivateKeyring &) = delete;
    PrivateKeyring &operator=(const PrivateKeyring &) = delete;

    bool start(QString *error);
    QString address() const { return m_bus.address(); }
    qint64 daemonPid() const { return m_daemon.processId(); }
    /// The system environment with this bus and the keyring's own runtime/data folders.
    QProcessEnvironment environment() const;

    /// From any process: locks / unlocks (with the known password, no prompt) the login keyring
    /// through org.freedesktop.Secret.Service.Lock / gnome-keyring's UnlockWithMasterPassword.
    static bool lock(const QString &address, QString *error);
    static bool unlock(const QString &address, const QByteArray &password, QString *error);
    /// -1: could not tell.
    static int isLocked(const QString &address);
    QByteArray password() const { return m_password; }

private:
    BareSessionBus m_bus;
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QByteArray m_password;
};

} // namespace aerodesk::test
