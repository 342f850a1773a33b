#include "core/bundle/PartnerUserBundleSources.h"

namespace aerodesk::bundle {

QJsonObject PartnerUserBundleSources::outcomeJson(const embedded::EventOutcome &o)
{
    return { { QStringLiteral("at"),
               o.at.isValid() ? QJsonValue(o.at.toUTC().toString(Qt::ISODate)) : QJsonValue() },
             { QStringLiteral("kind"), QStringLiteral("embedded") },
             { QStringLiteral("action"), o.action },
             { QStringLiteral("user"), o.user },
             { QStringLiteral("result"), embedded::EventOutcome::resultName(o.result) },
             { QStringLiteral("statusSent"), o.statusSent },
             { QStringLiteral("httpStatus"), o.httpStatus },
             { QStringLiteral("code"), o.code },
             { QStringLiteral("message"), o.message },
             { QStringLiteral("codeStored"), o.codeStored },
             { QStringLiteral("codeRemoved"), o.codeRemoved } };
}

BundleSources PartnerUserBundleSources::fromValues(const embedded::PartnerUser &user,
                                                   const QList<embedded::EventOutcome> &outcomes,
                                                   const QString &environmentKind)
{
    BundleSources s;
    s.subject = BundleSources::Subject::PartnerUser;
    s.subjectId = user.id;
    s.environmentKind = environmentKind;
    const QJsonObject state = user.toJson();
    s.state = [state] { return state; };
    QList<QJsonObject> timeline;
    for (const embedded::EventOutcome &o : outcomes) {
        if (o.user == user.id)
            timeline << outcomeJson(o);
    }
    s.timeline = [timeline] { return timeline; };
    s.webhooks = [] { return QList<BundleWebhookEvidence>(); };
    return s;
}

} // namespace aerodesk::bundle
