#include "core/netguard/HttpConnectionGuard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace aerodesk::netguard {

namespace {
/// How long a refused connection may take to flush its answer before it is aborted.
constexpr int kCloseGraceMs = 1000;
} // namespace

HttpConnectionGuard *HttpConnectionGuard::attach(QTcpSocket *socket, const Limits &limits)
{
    return new HttpConnectionGuard(socket, limits);
}

HttpConnectionGuard::HttpConnectionGuard(QTcpSocket *socket, const Limits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // A request that was answered (its response still being flushed) is not stalled.
        if (!m_refused && m_socket->bytesToWrite() > 0) {
            startIdle();
            return;
        }
        m_socket->abort();
    });
    // Connected before QHttpServer's own readyRead slot: this one runs first on every chunk.
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnectionGuard::onResponseWritten);
    connect(socket, &QTcpSocket::disconnected, &m_timer, &QTimer::stop);
    startIdle();
}

void HttpConnectionGuard::startIdle()
{
    m_timer.start(m_limits.idleTimeoutMs);
}

void HttpConnectionGuard::onResponseWritten()
{
    if (m_refused)
        return;
    // The server answered: the next byte starts a new request.
    m_bytes = 0;
    m_headerEnd = -1;
    m_newlineState = 0;
    startIdle();
}

void HttpConnectionGuard::onReadyRead()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    if (m_refused) {
        m_socket->skip(available); // never handed to the HTTP server
        return;
    }
    if (m_bytes == 0)
        m_timer.start(m_limits.requestTimeoutMs); // the request's deadline, not restarted
    if (m_headerEnd < 0) {
        // Looking for the blank line that ends the header section: "\n\n" or "\n\r\n".
        const QByteArray chunk = m_socket->peek(available);
        for (qsizetype i = 0; i < chunk.size() && m_headerEnd < 0; ++i) {
            const char c = chunk.at(i);
            if (c == '\n') {
                if (m_newlineState != 0)
                    m_headerEnd = m_bytes + i + 1;
                else
                    m_newlineState = 1;
            } else if (c == '\r' && m_newlineState == 1) {
                m_newlineState = 2;
            } else if (c != '\r') {
                m_newlineState = 0;
            }
        }
    }
    m_bytes += available;
    if (m_headerEnd < 0 ? m_bytes > m_limits.maxHeaderBytes
                        : m_headerEnd > m_limits.maxHeaderBytes) {
        refuse(431, "Request Header Fields Too Large", QStringLiteral("HEADERS_TOO_LARGE"),
               QStringLiteral("The request line and headers are larger than %1 bytes.")
                   .arg(m_limits.maxHeaderBytes));
    } else if (m_headerEnd >= 0 && m_bytes - m_headerEnd > m_limits.maxBodyBytes) {
        refuse(
            413, "Payload Too Large", QStringLiteral("PAYLOAD_TOO_LARGE"),
            QStringLiteral("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
    }
}

void HttpConnectionGuard::refuse(int status, const char *reason, const QString &code,
                                 const QString &message)
{
    m_refused = true;
    m_socket->skip(m_socket->bytesAvailable()); // the refused bytes never reach the server
    const QByteArray body =
        QJsonDocument(QJsonObject { { QStringLiteral("error"),
                                      QJsonObject { { QStringLiteral("code"), code },
                                                    { QStringLiteral("message"), message } } } })
            .toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                    "\r\nContent-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->disconnectFromHost();
    m_timer.start(kCloseGraceMs);
}

} // namespace aerodesk::netguard
