#pragma once

#include "core/netguard/HttpConnectionGuard.h"

#include <QTcpServer>

namespace aerodesk::netguard {

/// A plain QTcpServer for QHttpServer::bind() that attaches an HttpConnectionGuard to every
/// connection before QHttpServer sees it (QHttpServer asks for sockets via
/// nextPendingConnection()). The TLS counterpart is the emulator's EmulatorTlsServer.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(HttpConnectionGuard::Limits limits = {}, QObject *parent = nullptr);

    QTcpSocket *nextPendingConnection() override;

private:
    HttpConnectionGuard::Limits m_limits;
};

} // namespace aerodesk::netguard
