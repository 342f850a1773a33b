#include "ui/common/RevealReasonDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aerodesk::ui {

RevealReasonDialog::RevealReasonDialog(const QString &what, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("revealReasonDialog"));
    setWindowTitle(tr("Reason for revealing"));
    auto *text = new QLabel(tr("Why do you need to see %1? The reason is kept in the audit log "
                               "with your user name.")
                                .arg(what),
                            this);
    text->setObjectName(QStringLiteral("revealReasonText"));
    text->setWordWrap(true);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("revealReasonEdit"));
    m_reason->setAccessibleName(tr("Reason for revealing"));
    m_reason->setPlaceholderText(tr("e.g. ticket 4711, customer on the phone"));
    m_reason->setMaxLength(kMaximumLength);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("revealReasonOk"));
    m_ok->setText(tr("Reveal"));
    m_ok->setAccessibleName(tr("Reveal"));
    m_ok->setEnabled(false);
    m_ok->setToolTip(
        tr("Give a reason of at least %n character(s) first.", nullptr, kMinimumLength));
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("revealReasonCancel"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(m_reason, &QLineEdit::textChanged, this, [this] {
        const bool enough = reason().size() >= kMinimumLength;
        m_ok->setEnabled(enough);
        m_ok->setToolTip(enough ? QString()
                                : tr("Give a reason of at least %n character(s) first.", nullptr,
                                     kMinimumLength));
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
}

QString RevealReasonDialog::reason() const
{
    return m_reason->text().simplified();
}

} // namespace aerodesk::ui
