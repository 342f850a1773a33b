#pragma once

#include "core/bundle/BundleSources.h"
#include "core/connections/Connection.h"
#include "core/util/Result.h"

#include <QList>

namespace aerodesk::store {
class Store;
}

namespace aerodesk::bundle {

/// The sources of a connection's bundle, read now and kept as copies, so the bundle can then be
/// built on any thread. The timeline comes from store::ConnectionHistory (connection_events)
/// until core/timeline provides correlated entries: swap `timeline` there (the seam).
class ConnectionBundleSources
{
public:
    /// Reads the connection and its history from `store` (on the store's thread). Without the
    /// connection in the store the state holds only its id. `webhooks`: deliveries that concern
    /// it (the caller's; empty in the CLI, which has no listener).
    static Result<BundleSources, QString>
    snapshot(store::Store &store, const QString &connectionId, const QString &environmentKind,
             const QList<BundleWebhookEvidence> &webhooks = {});
    /// The same from values already read.
    static BundleSources fromValues(const connections::Connection &connection,
                                    const QList<connections::ConnectionEvent> &events,
                                    const QString &environmentKind,
                                    const QList<BundleWebhookEvidence> &webhooks = {});

    static QJsonObject stateJson(const connections::Connection &connection);
    static QJsonObject eventJson(const connections::ConnectionEvent &event);
};

} // namespace aerodesk::bundle
