#pragma once

#include "core/bundle/BundleWebhookEvidence.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <deque>

namespace aerodesk::webhooks {
struct WebhookLogEntry;
}

namespace aerodesk::bundle {

/// The recent webhook deliveries with their bodies, kept for escalation bundles (the Webhooks
/// panel's WebhookLog keeps no body). Bounded: the oldest go first. In memory only, never
/// written anywhere but into a bundle the support person saves. Lives on one thread (the
/// session's).
class WebhookEvidenceLog
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit WebhookEvidenceLog(int capacity = 200);

    void append(BundleWebhookEvidence evidence);
    /// One delivery as the local listener saw it: its verdict entry, exact body and headers.
    void append(const webhooks::WebhookLogEntry &entry, const QByteArray &body,
                const Headers &headers);
    void clear();
    int size() const { return int(m_entries.size()); }

    /// The deliveries that concern `subjectId` — a JSON body holding it as a string value at
    /// any depth (data.connectionId…) — oldest first.
    QList<BundleWebhookEvidence> forSubject(const QString &subjectId) const;

private:
    int m_capacity;
    std::deque<BundleWebhookEvidence> m_entries;
};

} // namespace aerodesk::bundle
