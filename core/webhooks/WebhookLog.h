#pragma once

#include "core/webhooks/WebhookVerdict.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <vector>

namespace aerodesk::webhooks {

/// One verified (or rejected) delivery, as the Webhooks panel lists it (no secrets; the body is not
/// kept).
struct WebhookLogEntry
{
    QDateTime receivedAt;
    WebhookVerdict verdict;
    QString event; ///< the body's "event" when it parsed ("job.balance"...)
    qsizetype bodySize = 0;
    /// The HTTP status the local listener answered (200 verified, 401 rejected, 413 too large);
    /// 0 when the delivery was not answered by the listener.
    int httpStatus = 0;

    bool rejected() const { return httpStatus >= 400; }
};

/// An in-memory, bounded log (ring buffer) of webhook verdicts, oldest dropped first.
class WebhookLog : public QObject
{
    Q_OBJECT
public:
    explicit WebhookLog(int capacity = 500, QObject *parent = nullptr);

    void append(WebhookLogEntry entry);
    /// Entries oldest first.
    QList<WebhookLogEntry> entries() const;
    int size() const { return m_count; }
    int capacity() const { return int(m_ring.size()); }
    void clear();

Q_SIGNALS:
    void appended(const aerodesk::webhooks::WebhookLogEntry &entry);

private:
    std::vector<WebhookLogEntry> m_ring;
    int m_head = 0; ///< next write position
    int m_count = 0;
};

} // namespace aerodesk::webhooks
