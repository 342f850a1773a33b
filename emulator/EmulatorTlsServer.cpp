#include "emulator/EmulatorTlsServer.h"

#include <QTcpSocket>

#include <unistd.h>

namespace aerodesk::emulator {

EmulatorTlsServer::EmulatorTlsServer(DropPolicy shouldDrop,
                                     netguard::HttpConnectionGuard::Limits limits, QObject *parent)
    : QSslServer(parent)
    , m_shouldDrop(std::move(shouldDrop))
    , m_limits(limits)
{
}

void EmulatorTlsServer::incomingConnection(qintptr socketDescriptor)
{
    if (m_shouldDrop && m_shouldDrop()) {
        ::close(int(socketDescriptor)); // the client sees the connection closed by the peer
        return;
    }
    QSslServer::incomingConnection(socketDescriptor);
}

QTcpSocket *EmulatorTlsServer::nextPendingConnection()
{
    // QHttpServer takes its sockets from here: the guard's readyRead slot is connected first.
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    if (socket)
        netguard::HttpConnectionGuard::attach(socket, m_limits);
    return socket;
}

} // namespace aerodesk::emulator
