#include "core/bundle/WebhookEvidenceLog.h"

#include "core/webhooks/WebhookLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aerodesk::bundle {

namespace {

bool holds(const QJsonValue &value, const QString &id)
{
    if (value.isString())
        return value.toString() == id;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (holds(it.value(), id))
                return true;
        }
    }
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (holds(v, id))
                return true;
        }
    }
    return false;
}

} // namespace

WebhookEvidenceLog::WebhookEvidenceLog(int capacity)
    : m_capacity(qMax(1, capacity))
{
}

void WebhookEvidenceLog::append(BundleWebhookEvidence evidence)
{
    m_entries.push_back(std::move(evidence));
    while (int(m_entries.size()) > m_capacity)
        m_entries.pop_front();
}

void WebhookEvidenceLog::append(const webhooks::WebhookLogEntry &entry, const QByteArray &body,
                                const Headers &headers)
{
    BundleWebhookEvidence e;
    e.receivedAt = entry.receivedAt;
    e.body = body;
    for (const auto &h : headers) {
        if (h.first.compare("X-Webhook-Signature", Qt::CaseInsensitive) == 0)
            e.signatureHeader = h.second;
    }
    e.verdict = webhooks::verdictKindName(entry.verdict.kind);
    e.verdictSecret = webhooks::verdictSecretName(entry.verdict.secret);
    e.message = entry.verdict.message;
    e.httpStatus = entry.httpStatus;
    append(std::move(e));
}

void WebhookEvidenceLog::clear()
{
    m_entries.clear();
}

QList<BundleWebhookEvidence> WebhookEvidenceLog::forSubject(const QString &subjectId) const
{
    QList<BundleWebhookEvidence> out;
    if (subjectId.isEmpty())
        return out;
    for (const BundleWebhookEvidence &e : m_entries) {
        const QJsonDocument doc = QJsonDocument::fromJson(e.body);
        const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        if (holds(root, subjectId))
            out << e;
    }
    return out;
}

} // namespace aerodesk::bundle
