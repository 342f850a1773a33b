#pragma once

#include "core/audit/AuditAction.h"

#include <QString>

#include <functional>

class QWidget;

namespace aerodesk::audit {
class AuditTrail;
}

namespace aerodesk::ui {

/// What a panel calls before it shows a secret or an identifier unmasked (issue 15):
/// asks the reason (RevealReasonDialog, window-modal, never blocking the event loop), records
/// the reveal with it and only then runs `reveal`. Cancel records the reveal as "cancelled"
/// (with no reason) and shows nothing. Without an audit trail (no store open) nothing can be
/// recorded and the reveal goes ahead as before — the panel's own confirmation still applies.
class AuditedReveal
{
public:
    /// `object` is the MASKED object for the record; `what` the words for the dialog.
    static void ask(QWidget *parent, audit::AuditTrail *trail, audit::AuditAction action,
                    const QString &object, const QString &what, std::function<void()> reveal,
                    const QString &connectionId = {});
};

} // namespace aerodesk::ui
