#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace aerodesk::test {

/// A private D-Bus session bus with no service directories: nothing can provide (or be activated
/// as) org.freedesktop.secrets on it, so a child process pointed at it has no Secret Service —
/// the real "keychain unavailable" case. Stopped when destroyed.
class BareSessionBus
{
public:
    BareSessionBus() = default;
    ~BareSessionBus();
    BareSessionBus(const BareSessionBus &) = delete;
    BareSessionBus &operator=(const BareSessionBus &) = delete;

    /// Starts dbus-daemon; false with `error` set when it cannot.
    bool start(QString *error);
    /// The DBUS_SESSION_BUS_ADDRESS of the bus.
    QString address() const { return m_address; }

private:
    QTemporaryDir m_dir;
    QProcess m_bus;
    QString m_address;
};

} // namespace aerodesk::test
