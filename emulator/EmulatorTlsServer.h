#pragma once

#include <QSslServer>

#include <functional>

namespace aerodesk::emulator {

/// The sandbox's listening socket: a QSslServer (bound to the QHttpServer) that can close a new
/// connection before its TLS handshake, for the "dropped connection" fault.
class EmulatorTlsServer : public QSslServer
{
    Q_OBJECT
public:
    /// Asked for every new connection; true closes it at once.
    using DropPolicy = std::function<bool()>;
    explicit EmulatorTlsServer(DropPolicy shouldDrop, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    DropPolicy m_shouldDrop;
};

} // namespace aerodesk::emulator
