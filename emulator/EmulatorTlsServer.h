#pragma once

#include "core/netguard/HttpConnectionGuard.h"

#include <QSslServer>

#include <functional>

namespace aerodesk::emulator {

/// The sandbox's listening socket: a QSslServer (bound to the QHttpServer) that can close a new
/// connection before its TLS handshake, for the "dropped connection" fault, and that puts an
/// HttpConnectionGuard (header, body and time limits) on every connection before QHttpServer
/// reads from it.
class EmulatorTlsServer : public QSslServer
{
    Q_OBJECT
public:
    /// Asked for every new connection; true closes it at once.
    using DropPolicy = std::function<bool()>;
    EmulatorTlsServer(DropPolicy shouldDrop, netguard::HttpConnectionGuard::Limits limits,
                      QObject *parent = nullptr);

    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    DropPolicy m_shouldDrop;
    netguard::HttpConnectionGuard::Limits m_limits;
};

} // namespace aerodesk::emulator
