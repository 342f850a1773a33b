#pragma once

#include "core/crypto/SecureBytes.h"

#include <QString>
#include <QUrlQuery>

#include <memory>

namespace aerodesk::api {

/// What a widget session is launched with (reference section 6 query keys). Three shapes:
/// a new link; a reconnect (`connectionId`, no `jobId`); an MFA relaunch (`handleMFA`, `jobId`,
/// `connectionId`). The widget token must be fresh for every launch
/// (TokenProvider::widgetToken) — it is never cached.
struct LinkWidgetLaunch
{
    std::shared_ptr<const crypto::SecureBytes> token; ///< the widget token (secret)
    QString configurationId;
    QString aeroPassUserUuid;
    QString connectionId;
    QString jobId;
    bool handleMfa = false;
    bool manualLinkOnly = false;
    QString defaultTheme; ///< "light" / "dark"

    static LinkWidgetLaunch link(std::shared_ptr<const crypto::SecureBytes> token,
                                 const QString &configurationId = {});
    static LinkWidgetLaunch reconnect(std::shared_ptr<const crypto::SecureBytes> token,
                                      const QString &connectionId,
                                      const QString &configurationId = {});
    static LinkWidgetLaunch mfaRelaunch(std::shared_ptr<const crypto::SecureBytes> token,
                                        const QString &jobId, const QString &connectionId,
                                        const QString &configurationId = {});

    /// The launch query (empty values omitted; `version` "2.0.0"). Holds the token: keep it
    /// short-lived and never log it.
    QUrlQuery toQuery() const;
    /// A problem that makes the launch invalid (no token, MFA without jobId/connectionId), or
    /// empty.
    QString validate() const;
};

} // namespace aerodesk::api
