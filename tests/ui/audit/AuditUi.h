#pragma once
// Helpers of the audit GUI tests: count records of an action, answer the reveal reason dialog.
#include "core/audit/AuditTrail.h"
#include "tests/support/Wait.h"
#include "ui/common/RevealReasonDialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

namespace aerodesk::test {

inline QList<audit::AuditRecord> recordsOf(audit::AuditTrail &trail, audit::AuditAction action)
{
    audit::AuditFilter f;
    f.action = action;
    auto r = trail.log().read(f);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r.value() : QList<audit::AuditRecord>();
}

inline qint64 recordCount(audit::AuditTrail &trail)
{
    auto r = trail.log().read();
    return r.ok() ? r->size() : -1;
}

/// Waits for the reveal reason dialog; types `reason` and presses Reveal, or Cancel when
/// `reason` is empty. False when no dialog appeared.
inline bool answerReason(const QString &reason, int timeoutMs = 5000)
{
    ui::RevealReasonDialog *dialog = nullptr;
    const bool shown = waitUntil(
        [&] {
            for (QWidget *w : QApplication::allWidgets()) {
                if (auto *d = qobject_cast<ui::RevealReasonDialog *>(w); d && d->isVisible()) {
                    dialog = d;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    if (!shown) {
        ADD_FAILURE() << "no reveal reason dialog";
        return false;
    }
    if (reason.isEmpty()) {
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("revealReasonCancel")),
                          Qt::LeftButton);
        return true;
    }
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("revealReasonEdit"));
    EXPECT_FALSE(dialog->okButton()->isEnabled()) << "Reveal enabled without a reason";
    QTest::keyClicks(edit, reason);
    EXPECT_TRUE(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    return true;
}

} // namespace aerodesk::test
