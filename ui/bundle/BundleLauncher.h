#pragma once

#include "core/connections/Connection.h"

#include <QString>

class QWidget;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class BundlePreviewDialog;

/// Opens the escalation bundle's preview from a panel: takes the snapshot of the subject's
/// sources on the UI thread (single-row store reads, as the panels do) and shows a
/// BundlePreviewDialog (deleted on close). Returns it (tests drive it).
class BundleLauncher
{
public:
    /// The connection's state and history from the session's store when one is open (else
    /// `connection` as the table knows it, without history).
    static BundlePreviewDialog *openForConnection(session::Session &session,
                                                  const connections::Connection &connection,
                                                  QWidget *parent);
    /// The partner user's record and the workflow's outcomes for them; nullptr when the user is
    /// unknown to the session's directory.
    static BundlePreviewDialog *openForPartnerUser(session::Session &session, const QString &user,
                                                   QWidget *parent);
};

} // namespace aerodesk::ui
