#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <memory>

class QHttpServer;

namespace aerodesk::webhooks {

/// A local webhook receiver (used by the Webhooks panel): an HTTP server on 127.0.0.1 (free port,
/// plain HTTP — loopback only) that accepts POST /aerodesk/webhook, answers 200 at once, and
/// hands every delivery's exact raw body and headers to `delivered`. Verification happens
/// elsewhere (off the UI thread).
class WebhookListener : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit WebhookListener(QObject *parent = nullptr);
    ~WebhookListener() override;

    /// Starts listening on 127.0.0.1; false (with errorString()) if no port could be bound.
    bool start();
    void stop();
    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    /// http://127.0.0.1:<port>/aerodesk/webhook (empty when not listening).
    QString url() const;
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void delivered(const QByteArray &body,
                   const aerodesk::webhooks::WebhookListener::Headers &headers);

private:
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace aerodesk::webhooks
