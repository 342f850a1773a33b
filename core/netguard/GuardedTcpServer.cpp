#include "core/netguard/GuardedTcpServer.h"

#include <QTcpSocket>

namespace aerodesk::netguard {

GuardedTcpServer::GuardedTcpServer(HttpConnectionGuard::Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket)
        HttpConnectionGuard::attach(socket, m_limits);
    return socket;
}

} // namespace aerodesk::netguard
