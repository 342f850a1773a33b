#pragma once

#include "core/bundle/BundleSources.h"
#include "core/embedded/EventOutcome.h"
#include "core/embedded/PartnerUser.h"

#include <QList>

namespace aerodesk::bundle {

/// The sources of a partner user's bundle (the embedded-banking side), as copies: the user's
/// record from PartnerUserDirectory (ids and states — the userCode is in the keychain and never
/// read here) and the outcomes EmbeddedWorkflow kept for that user, as the timeline.
class PartnerUserBundleSources
{
public:
    static BundleSources fromValues(const embedded::PartnerUser &user,
                                    const QList<embedded::EventOutcome> &outcomes,
                                    const QString &environmentKind);
    static QJsonObject outcomeJson(const embedded::EventOutcome &outcome);
};

} // namespace aerodesk::bundle
