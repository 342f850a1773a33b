#include "core/bundle/ConnectionBundleSources.h"

#include "core/audit/AuditLog.h"
#include "core/store/Store.h"
#include "core/timeline/AuditTimelineSource.h"
#include "core/timeline/TimelineMerge.h"
#include "core/timeline/TimelineRepository.h"

#include <algorithm>

namespace aerodesk::bundle {

namespace {

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

QJsonObject ConnectionBundleSources::stateJson(const connections::Connection &c)
{
    return { { QStringLiteral("connectionId"), c.connectionId },
             { QStringLiteral("aeroPassUserUuid"),
               c.aeroPassUserUuid.isEmpty() ? QJsonValue() : QJsonValue(c.aeroPassUserUuid) },
             { QStringLiteral("bankName"), c.bankName },
             { QStringLiteral("status"), c.status },
             { QStringLiteral("connectionExpiry"), time(c.connectionExpiry) },
             { QStringLiteral("lastRefresh"), time(c.lastRefresh) },
             { QStringLiteral("createdAt"), time(c.createdAt) },
             { QStringLiteral("updatedAt"), time(c.updatedAt) },
             { QStringLiteral("account"), c.accountSummary } };
}

QJsonObject ConnectionBundleSources::eventJson(const connections::ConnectionEvent &e)
{
    return { { QStringLiteral("at"), time(e.at) },
             { QStringLiteral("kind"), e.kind },
             { QStringLiteral("detail"), e.detail } };
}

QJsonObject ConnectionBundleSources::stepJson(const timeline::TimelineEntry &step)
{
    return { { QStringLiteral("at"),
               step.at.isValid() ? QJsonValue(step.at.toUTC().toString(Qt::ISODateWithMs))
                                 : QJsonValue() },
             { QStringLiteral("kind"), timeline::timelineKindName(step.kind) },
             { QStringLiteral("correlationId"), step.correlationId },
             { QStringLiteral("summary"), step.summary },
             { QStringLiteral("fields"), step.fields } };
}

BundleSources ConnectionBundleSources::fromValues(const connections::Connection &connection,
                                                  const QList<connections::ConnectionEvent> &events,
                                                  const QString &environmentKind,
                                                  const QList<BundleWebhookEvidence> &webhooks)
{
    return fromValues(connection, {}, events, environmentKind, webhooks);
}

BundleSources ConnectionBundleSources::fromValues(const connections::Connection &connection,
                                                  const QList<timeline::TimelineEntry> &steps,
                                                  const QList<connections::ConnectionEvent> &events,
                                                  const QString &environmentKind,
                                                  const QList<BundleWebhookEvidence> &webhooks)
{
    BundleSources s;
    s.subject = BundleSources::Subject::Connection;
    s.subjectId = connection.connectionId;
    if (!connection.aeroPassUserUuid.isEmpty())
        s.relatedIds << connection.aeroPassUserUuid;
    s.environmentKind = environmentKind;
    const QJsonObject state = stateJson(connection);
    s.state = [state] { return state; };
    // The timeline's steps, then the history's events, merged by time (stable: a step and an
    // event at the same millisecond keep the step first).
    QList<QPair<QDateTime, QJsonObject>> merged;
    for (const timeline::TimelineEntry &step : steps)
        merged.append({ step.at, stepJson(step) });
    for (const connections::ConnectionEvent &e : events) {
        QJsonObject o = eventJson(e);
        if (!steps.isEmpty()) {
            // Next to timeline steps, a history event says where it comes from.
            o.insert(QStringLiteral("event"), o.value(QStringLiteral("kind")));
            o.insert(QStringLiteral("kind"), QStringLiteral("history"));
        }
        merged.append({ e.at, o });
    }
    std::stable_sort(merged.begin(), merged.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<QJsonObject> timeline;
    for (const auto &entry : merged)
        timeline << entry.second;
    s.timeline = [timeline] { return timeline; };
    s.webhooks = [webhooks] { return webhooks; };
    return s;
}

Result<BundleSources, QString>
ConnectionBundleSources::snapshot(store::Store &store, const QString &connectionId,
                                  const QString &environmentKind,
                                  const QList<BundleWebhookEvidence> &webhooks)
{
    connections::Connection connection;
    connection.connectionId = connectionId;
    QList<connections::ConnectionEvent> events;
    QList<timeline::TimelineEntry> steps;
    auto got = store.connections().get(connectionId);
    if (got) {
        connection = got.value();
        auto history = store.history().forConnection(connectionId);
        if (!history)
            return history.error().message;
        events = history.value();
        // The timeline as the detail pane shows it: stored steps + the audit log's staff actions.
        auto stored = timeline::TimelineRepository(store).forConnection(connectionId);
        if (!stored)
            return stored.error().message;
        auto records = audit::AuditLog(store).forConnection(connectionId);
        if (!records)
            return records.error().message;
        QList<timeline::TimelineEntry> staff;
        for (const audit::AuditRecord &r : records.value())
            staff << timeline::AuditTimelineSource::entryOf(r);
        const timeline::TimelineRepository repository(store);
        steps = timeline::TimelineMerge::merge(stored.value(), staff, [&repository, connectionId] {
            auto flow = repository.currentFlow(connectionId);
            return flow ? flow.value() : QString();
        });
    } else if (got.error().kind != store::StoreError::Kind::NotFound) {
        return got.error().message;
    }
    return fromValues(connection, steps, events, environmentKind, webhooks);
}

} // namespace aerodesk::bundle
