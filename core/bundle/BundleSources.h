#pragma once

#include "core/bundle/BundleWebhookEvidence.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace aerodesk::bundle {

/// Everything a bundle is made from, for one subject (a connection, or a partner user of the
/// embedded-banking side). The builder asks each provider once, on the thread build() runs on:
/// callers that build off the UI thread take a snapshot first and hand lambdas over copies.
///
/// Seams (issue 15): `timeline` is filled from store::ConnectionHistory for now
/// (ConnectionBundleSources) and is meant to come from core/timeline once it lands; a provider
/// left empty yields an empty part, never a missing one.
struct BundleSources
{
    enum class Subject { Connection, PartnerUser };

    Subject subject = Subject::Connection;
    /// The connectionId, or the partner user's id.
    QString subjectId;
    /// Other identifiers of the same subject the provider may ask for (the connection's
    /// aeroPassUserUuid): masked in the masked form, plain in the provider-facing one, like
    /// `subjectId`. Every other identifier is masked in both forms.
    QStringList relatedIds;
    /// "built-in-sandbox", "custom-sandbox" or "production" (environmentKindName()).
    QString environmentKind;

    /// The subject's state: connection.json / partner-user.json.
    std::function<QJsonObject()> state;
    /// The subject's timeline, oldest first; each entry one JSON object (with its correlation
    /// id once core/timeline provides one).
    std::function<QList<QJsonObject>()> timeline;
    /// Webhook deliveries that concern the subject.
    std::function<QList<BundleWebhookEvidence>()> webhooks;
    /// The diagnostic log excerpt, oldest line first (default: DiagnosticLog::tail()).
    std::function<QStringList()> diagnosticLog;

    static QString subjectName(Subject subject); ///< "connection" / "partner-user"
};

} // namespace aerodesk::bundle
