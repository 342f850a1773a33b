#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace aerodesk::ui {

/// Asks the staff member why they need to see a secret or an identifier before it is revealed
/// (issue 15: every reveal is audited with its reason). OK is enabled once the reason has at
/// least kMinimumLength non-blank characters. objectName "revealReasonDialog"; the edit is
/// "revealReasonEdit".
class RevealReasonDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMinimumLength = 3;
    static constexpr int kMaximumLength = 200;

    /// `what` names what would be shown ("the stored userCode of partner user p-1…").
    RevealReasonDialog(const QString &what, QWidget *parent = nullptr);
    QString reason() const;
    QPushButton *okButton() const { return m_ok; }

private:
    QLineEdit *m_reason = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace aerodesk::ui
