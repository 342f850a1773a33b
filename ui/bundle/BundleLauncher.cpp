#include "ui/bundle/BundleLauncher.h"

#include "core/bundle/BundleManifest.h"
#include "core/bundle/ConnectionBundleSources.h"
#include "core/bundle/PartnerUserBundleSources.h"
#include "core/embedded/EmbeddedWorkflow.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "ui/bundle/BundlePreviewDialog.h"

namespace aerodesk::ui {

namespace {

BundlePreviewDialog *show(bundle::BundleSources sources, session::Session &session, QWidget *parent)
{
    auto *dialog = new BundlePreviewDialog(std::move(sources), session.clock(), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QString kindOf(const session::Session &session)
{
    return bundle::BundleManifest::environmentKindName(session.environment().kind);
}

} // namespace

BundlePreviewDialog *BundleLauncher::openForConnection(session::Session &session,
                                                       const connections::Connection &connection,
                                                       QWidget *parent)
{
    // Seam (issue 15): the timeline is store::ConnectionHistory until core/timeline lands.
    // Webhook evidence: the deliveries the Webhooks panel's listener saw that name this
    // connection (or its aeroPassUserUuid) in their body.
    QList<bundle::BundleWebhookEvidence> webhooks =
        session.webhookEvidence().forSubject(connection.connectionId);
    if (!connection.aeroPassUserUuid.isEmpty()) {
        for (const bundle::BundleWebhookEvidence &e :
             session.webhookEvidence().forSubject(connection.aeroPassUserUuid)) {
            if (!e.body.contains(connection.connectionId.toUtf8()))
                webhooks << e;
        }
    }
    if (store::Store *store = session.store()) {
        auto sources = bundle::ConnectionBundleSources::snapshot(*store, connection.connectionId,
                                                                 kindOf(session), webhooks);
        if (sources)
            return show(sources.value(), session, parent);
    }
    return show(
        bundle::ConnectionBundleSources::fromValues(connection, {}, kindOf(session), webhooks),
        session, parent);
}

BundlePreviewDialog *BundleLauncher::openForPartnerUser(session::Session &session,
                                                        const QString &user, QWidget *parent)
{
    embedded::PartnerUserDirectory *directory = session.partnerUsers();
    const std::optional<embedded::PartnerUser> found =
        directory ? directory->find(user) : std::nullopt;
    if (!found)
        return nullptr;
    const QList<embedded::EventOutcome> outcomes =
        session.embedded() ? session.embedded()->history() : QList<embedded::EventOutcome>();
    return show(bundle::PartnerUserBundleSources::fromValues(*found, outcomes, kindOf(session)),
                session, parent);
}

} // namespace aerodesk::ui
