#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace aerodesk::netguard {

/// Socket-level limits for a server built on Qt 6.4's QHttpServer, which has none: it buffers a
/// whole request, however large, before any handler sees it, and keeps a half-sent request open
/// forever. The guard is attached to each accepted socket BEFORE QHttpServer connects to it, so
/// its readyRead slot runs first on every chunk of (decrypted) bytes. It only counts bytes and
/// looks for the end of the header section (a blank line); it never parses HTTP. Per request
/// (counted since the last response the server wrote):
///  - no blank line within Limits::maxHeaderBytes → 431 (JSON error), connection closed;
///  - more than Limits::maxBodyBytes after the blank line → 413 (JSON error), connection closed;
///  - a request not complete within Limits::requestTimeoutMs of its first byte, or a connection
///    with no request for Limits::idleTimeoutMs → the connection is aborted.
/// Refused bytes are dropped before QHttpServer reads them, so what is buffered per connection
/// stays within the caps (plus one read from the kernel). Assumes, as QHttpServer 6.4 does, that
/// the server reads every byte available on each readyRead and that clients do not pipeline.
class HttpConnectionGuard : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxHeaderBytes = 64 * 1024; ///< request line + headers + blank line
        qint64 maxBodyBytes = 1024 * 1024; ///< after the blank line
        int requestTimeoutMs = 10000; ///< from a request's first byte to its response
        int idleTimeoutMs = 60000; ///< a connection with no request in progress
    };

    /// Guards `socket` (becomes its child). Call before handing the socket to QHttpServer.
    static HttpConnectionGuard *attach(QTcpSocket *socket, const Limits &limits);

    HttpConnectionGuard(QTcpSocket *socket, const Limits &limits);

private:
    void onReadyRead();
    void onResponseWritten();
    /// Answers `status` with a JSON error, drops what is buffered, closes the connection.
    void refuse(int status, const char *reason, const QString &code, const QString &message);
    void startIdle();

    QTcpSocket *m_socket;
    Limits m_limits;
    QTimer m_timer;
    qint64 m_bytes = 0; ///< bytes of the current request so far
    qint64 m_headerEnd = -1; ///< offset after the blank line, -1 while not seen
    int m_newlineState = 0; ///< 0: in a line, 1: after '\n', 2: after '\n' '\r'
    bool m_refused = false;
};

} // namespace aerodesk::netguard
