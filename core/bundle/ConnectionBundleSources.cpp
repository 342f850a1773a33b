#include "core/bundle/ConnectionBundleSources.h"

#include "core/store/Store.h"

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

BundleSources ConnectionBundleSources::fromValues(const connections::Connection &connection,
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
    QList<QJsonObject> timeline;
    for (const connections::ConnectionEvent &e : events)
        timeline << eventJson(e);
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
    auto got = store.connections().get(connectionId);
    if (got) {
        connection = got.value();
        auto history = store.history().forConnection(connectionId);
        if (!history)
            return history.error().message;
        events = history.value();
    } else if (got.error().kind != store::StoreError::Kind::NotFound) {
        return got.error().message;
    }
    return fromValues(connection, events, environmentKind, webhooks);
}

} // namespace aerodesk::bundle
