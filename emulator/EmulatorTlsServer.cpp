#include "emulator/EmulatorTlsServer.h"

#include <unistd.h>

namespace aerodesk::emulator {

EmulatorTlsServer::EmulatorTlsServer(DropPolicy shouldDrop, QObject *parent)
    : QSslServer(parent)
    , m_shouldDrop(std::move(shouldDrop))
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

} // namespace aerodesk::emulator
