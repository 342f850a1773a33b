#pragma once

#include "core/bundle/BundleSources.h"
#include "core/connections/Connection.h"
#include "core/timeline/TimelineEntry.h"
#include "core/util/Result.h"

#include <QList>

namespace aerodesk::store {
class Store;
}

namespace aerodesk::bundle {

/// The sources of a connection's bundle, read now and kept as copies, so the bundle can then be
/// built on any thread. timeline.json is the connection's timeline (core/timeline: the stored
/// steps merged with the audit log's staff actions, each with its correlation id — the same
/// steps the detail pane shows), followed in time order by the store's connection history
/// (connection_events: linked, status changes...) as kind "history" entries without a
/// correlation id (docs/bundle.md).
class ConnectionBundleSources
{
public:
    /// Reads the connection and its history from `store` (on the store's thread). Without the
    /// connection in the store the state holds only its id. `webhooks`: deliveries that concern
    /// it (the caller's; empty in the CLI, which has no listener).
    static Result<BundleSources, QString>
    snapshot(store::Store &store, const QString &connectionId, const QString &environmentKind,
             const QList<BundleWebhookEvidence> &webhooks = {});
    /// The same from values already read (`steps`: the timeline, oldest first).
    static BundleSources fromValues(const connections::Connection &connection,
                                    const QList<timeline::TimelineEntry> &steps,
                                    const QList<connections::ConnectionEvent> &events,
                                    const QString &environmentKind,
                                    const QList<BundleWebhookEvidence> &webhooks = {});
    /// Without timeline steps (a connection the store's timeline does not know).
    static BundleSources fromValues(const connections::Connection &connection,
                                    const QList<connections::ConnectionEvent> &events,
                                    const QString &environmentKind,
                                    const QList<BundleWebhookEvidence> &webhooks = {});

    static QJsonObject stateJson(const connections::Connection &connection);
    static QJsonObject eventJson(const connections::ConnectionEvent &event);
    /// {at, kind (timelineKindName), correlationId, summary, fields}.
    static QJsonObject stepJson(const timeline::TimelineEntry &step);
};

} // namespace aerodesk::bundle
