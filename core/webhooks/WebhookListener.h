#pragma once

#include "core/webhooks/SecretRing.h"
#include "core/webhooks/WebhookLog.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

class QHttpServer;

namespace aerodesk {
class Clock;
}

namespace aerodesk::webhooks {

/// A local webhook receiver (used by the Webhooks panel): an HTTP server on 127.0.0.1 (free port,
/// plain HTTP — loopback only) that accepts POST /aerodesk/webhook and VERIFIES BEFORE IT
/// ANSWERS: the exact raw body and X-Webhook-Signature are checked (SignatureVerifier) against
/// the ring the ring source gives at that moment; a valid signature gets 200, a missing or bad
/// one 401, and every delivery is appended to the WebhookLog with the
/// answer given ("rejected" for a 401). The sender therefore sees a refused delivery as failed
/// and retries it, as Aerosync's at-least-once delivery expects.
///
/// Limits (netguard::HttpConnectionGuard, at the socket, before QHttpServer buffers anything):
/// headers over 64 KiB → 431, a body over 1 MiB → 413, both with the connection closed and
/// nothing logged; a request not complete 10 s after its first byte → connection closed.
///
/// Verification runs in the request handler, on this object's thread: the answer depends on it,
/// and it is an HMAC over at most 1 MiB (milliseconds).
class WebhookListener : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    /// The secrets to verify with, asked for each delivery (null: nothing configured → 401).
    using RingSource = std::function<std::shared_ptr<const SecretRing>()>;

    static constexpr qsizetype kMaxBody = 1024 * 1024;

    /// `log` and `clock` must outlive this object.
    WebhookListener(WebhookLog &log, const Clock &clock, QObject *parent = nullptr);
    ~WebhookListener() override;

    void setRingSource(RingSource source) { m_ringSource = std::move(source); }
    /// How long a request may take from its first byte (a slow client); applies at start().
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

    /// Starts listening on 127.0.0.1; false (with errorString()) if no port could be bound.
    bool start();
    void stop();
    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    /// http://127.0.0.1:<port>/aerodesk/webhook (empty when not listening).
    QString url() const;
    QString errorString() const { return m_error; }

Q_SIGNALS:
    /// A delivery was verified, answered and logged (`entry.httpStatus` is the answer).
    void logged(const aerodesk::webhooks::WebhookLogEntry &entry);
    /// The same delivery's exact raw body and headers (for tools that check it themselves).
    void delivered(const QByteArray &body,
                   const aerodesk::webhooks::WebhookListener::Headers &headers);

private:
    int handle(const QByteArray &body, const Headers &headers);

    WebhookLog &m_log;
    const Clock &m_clock;
    RingSource m_ringSource;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    int m_requestTimeoutMs = 10000;
    QString m_error;
};

} // namespace aerodesk::webhooks
