#include "core/webhooks/WebhookLog.h"

#include "core/util/LogCategories.h"

namespace aerodesk::webhooks {

WebhookLog::WebhookLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_ring(std::size_t(std::max(1, capacity)))
{
}

void WebhookLog::append(WebhookLogEntry entry)
{
    // The verdict, never the body or a secret.
    const QString line =
        QStringLiteral("delivery %1 (%2 bytes): %3, secret %4%5")
            .arg(entry.event.isEmpty() ? QStringLiteral("(no event)") : entry.event)
            .arg(entry.bodySize)
            .arg(verdictKindName(entry.verdict.kind), verdictSecretName(entry.verdict.secret),
                 entry.httpStatus == 0 ? QString()
                     : entry.rejected()
                     ? QStringLiteral(", rejected (HTTP %1)").arg(entry.httpStatus)
                     : QStringLiteral(", accepted (HTTP %1)").arg(entry.httpStatus));
    if (entry.verdict.ok())
        qCInfo(aerodesk::log::webhooks).noquote() << line;
    else
        qCWarning(aerodesk::log::webhooks).noquote() << line << "-" << entry.verdict.message;
    m_ring[std::size_t(m_head)] = entry;
    m_head = (m_head + 1) % int(m_ring.size());
    m_count = std::min(m_count + 1, int(m_ring.size()));
    Q_EMIT appended(entry);
}

QList<WebhookLogEntry> WebhookLog::entries() const
{
    QList<WebhookLogEntry> out;
    out.reserve(m_count);
    const int cap = int(m_ring.size());
    const int start = (m_head - m_count + cap) % cap;
    for (int i = 0; i < m_count; ++i)
        out.append(m_ring[std::size_t((start + i) % cap)]);
    return out;
}

void WebhookLog::clear()
{
    m_ring.assign(m_ring.size(), WebhookLogEntry {});
    m_head = 0;
    m_count = 0;
}

} // namespace aerodesk::webhooks
