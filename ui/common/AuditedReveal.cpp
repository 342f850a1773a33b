#include "ui/common/AuditedReveal.h"

#include "core/audit/AuditTrail.h"
#include "ui/common/RevealReasonDialog.h"

#include <QPointer>

namespace aerodesk::ui {

void AuditedReveal::ask(QWidget *parent, audit::AuditTrail *trail, audit::AuditAction action,
                        const QString &object, const QString &what, std::function<void()> reveal,
                        const QString &connectionId)
{
    if (!trail) {
        reveal();
        return;
    }
    auto *dialog = new RevealReasonDialog(what, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<audit::AuditTrail> guard(trail);
    QPointer<QWidget> asker(parent); // the reveal shows in it: not once it is gone
    const bool hasAsker = parent != nullptr;
    QObject::connect(
        dialog, &QDialog::finished, dialog,
        [dialog, guard, asker, hasAsker, action, object, connectionId, reveal](int result) {
            if (!guard)
                return;
            const bool accepted = result == QDialog::Accepted;
            audit::AuditEntry entry;
            entry.action = action;
            entry.object = object;
            entry.connectionId = connectionId;
            entry.outcome = accepted ? audit::AuditOutcome::Ok : audit::AuditOutcome::Cancelled;
            entry.reason = accepted ? dialog->reason() : QString();
            // No record, no reveal: a reveal is never shown unaudited. The
            // record is written off the UI thread; the reveal follows it.
            guard->record(entry, [accepted, asker, hasAsker, reveal](auto written) {
                if (written.ok() && accepted && (asker || !hasAsker))
                    reveal();
            });
        });
    dialog->open();
}

} // namespace aerodesk::ui
